/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// One small form per action the engine allows this person now. Each posts to
// /console/dossiers/:id/actions/:action with the revision the page showed, so that two officers
// cannot both act on the same view. Field names are their ids, unique on the page.
import type { Child } from 'hono/jsx';
import { type ControlAria, Control as SharedControl } from '../../shared/components.tsx';
import type { FormError } from '../../shared/forms.tsx';
import type { Locale } from '../../shared/i18n.ts';
import { authHref } from '../../shared/page-base.ts';
import { formatMoney, say } from './components.tsx';
import { actionName, type ConsoleDossierStringKey, consoleDossierText } from './strings.ts';
import { type ConsoleAction, type ConsoleDossierPageProps, consoleActionSlug } from './types.ts';

interface Ctx {
  page: ConsoleDossierPageProps;
  action: ConsoleAction;
  /** The failed form's values; empty for the others. */
  values: Record<string, string>;
  errors: FormError[];
}

function Control(props: {
  ctx: Ctx;
  id: string;
  label: string;
  hint?: string | undefined;
  children: (aria: ControlAria) => Child;
}) {
  const { ctx, ...rest } = props;
  return <SharedControl {...rest} locale={ctx.page.locale} errors={ctx.errors} />;
}

function TextInput(props: { ctx: Ctx; id: string; label: string; hint?: string; type?: string }) {
  return (
    <Control ctx={props.ctx} id={props.id} label={props.label} hint={props.hint}>
      {(aria) => (
        <input
          id={props.id}
          name={props.id}
          type={props.type ?? 'text'}
          value={props.ctx.values[props.id] ?? ''}
          aria-describedby={aria.describedBy}
          aria-invalid={aria.invalid}
        />
      )}
    </Control>
  );
}

function TextArea(props: { ctx: Ctx; id: string; label: string; hint?: string }) {
  return (
    <Control ctx={props.ctx} id={props.id} label={props.label} hint={props.hint}>
      {(aria) => (
        <textarea
          id={props.id}
          name={props.id}
          rows={3}
          aria-describedby={aria.describedBy}
          aria-invalid={aria.invalid}
        >
          {props.ctx.values[props.id] ?? ''}
        </textarea>
      )}
    </Control>
  );
}

function SelectInput(props: { ctx: Ctx; id: string; label: string; options: [string, string][] }) {
  const chosen = props.ctx.values[props.id] ?? '';
  return (
    <Control ctx={props.ctx} id={props.id} label={props.label}>
      {(aria) => (
        <select id={props.id} name={props.id} aria-describedby={aria.describedBy} aria-invalid={aria.invalid}>
          {props.options.map(([value, label]) => (
            <option value={value} selected={value === chosen}>
              {label}
            </option>
          ))}
        </select>
      )}
    </Control>
  );
}

const t = (ctx: Ctx, key: ConsoleDossierStringKey) => say(ctx.page, key);

function SupplementRows(props: { ctx: Ctx }) {
  const { ctx } = props;
  const rows = ctx.page.supplementRows ?? 3;
  return (
    <fieldset class="field missing-rows">
      <legend>{t(ctx, 'missingTitle')}</legend>
      <p class="hint" id="supplement-hint">
        {t(ctx, 'missingHint')}
      </p>
      {Array.from({ length: rows }, (_, i) => (
        <div class="missing-row">
          <TextInput
            ctx={ctx}
            id={`supplement-document-${i}`}
            label={`${t(ctx, 'missingDocument')} ${i + 1}`}
          />
          <TextInput ctx={ctx} id={`supplement-reason-${i}`} label={`${t(ctx, 'missingReason')} ${i + 1}`} />
        </div>
      ))}
    </fieldset>
  );
}

/** The fields each action asks for; none for a plain confirmation. */
function fieldsOf(ctx: Ctx): Child {
  const { page } = ctx;
  switch (ctx.action) {
    case 'refuse':
      return <TextArea ctx={ctx} id="refuse-reason" label={t(ctx, 'reason')} />;
    case 'return_for_rework':
      return <TextArea ctx={ctx} id="rework-reason" label={t(ctx, 'reason')} />;
    case 'stop':
      return <TextArea ctx={ctx} id="stop-reason" label={t(ctx, 'reason')} />;
    case 'request_supplement':
      return (
        <>
          <SupplementRows ctx={ctx} />
          <TextArea ctx={ctx} id="supplement-note" label={t(ctx, 'note')} />
        </>
      );
    case 'assign':
      return page.officers.length ? (
        <SelectInput
          ctx={ctx}
          id="assign-officer"
          label={t(ctx, 'officerLabel')}
          options={[
            ['', t(ctx, 'chooseOfficer')],
            ...page.officers.map((o) => [o.id, o.name] as [string, string]),
          ]}
        />
      ) : (
        <p>{t(ctx, 'noOfficers')}</p>
      );
    case 'complete_step':
      return <TextArea ctx={ctx} id="complete-note" label={t(ctx, 'note')} />;
    case 'request_payment':
      return (
        <p>
          {t(ctx, 'amount')}: {formatMoney(page.locale, page.dossier.feeTotal)}
        </p>
      );
    case 'record_payment':
      return (
        <>
          <p>
            {t(ctx, 'amount')}: {formatMoney(page.locale, page.dossier.feeTotal)}
          </p>
          <TextInput
            ctx={ctx}
            id="payment-reference"
            label={t(ctx, 'paymentReference')}
            hint={t(ctx, 'paymentReferenceHint')}
          />
        </>
      );
    case 'issue_result':
      return (
        <TextInput
          ctx={ctx}
          id="result-file"
          type="file"
          label={t(ctx, 'resultFileLabel')}
          hint={t(ctx, 'resultFileHint')}
        />
      );
    case 'return_result':
      return (
        <SelectInput
          ctx={ctx}
          id="return-method"
          label={t(ctx, 'returnMethod')}
          options={[
            ['online', t(ctx, 'methodOnline')],
            ['desk', t(ctx, 'methodDesk')],
            ['post', t(ctx, 'methodPost')],
          ]}
        />
      );
    case 'apologise':
      return (
        <>
          <p class="hint">{t(ctx, 'apologyHint')}</p>
          <TextInput
            ctx={ctx}
            id="apology-date"
            type="date"
            label={t(ctx, 'newDueDate')}
            hint={t(ctx, 'newDueDateHint')}
          />
          <TextArea ctx={ctx} id="apology-reason" label={t(ctx, 'reason')} />
        </>
      );
    default:
      return null;
  }
}

function ActionForm(props: { ctx: Ctx }) {
  const { ctx } = props;
  const { page, action } = ctx;
  const slug = consoleActionSlug(action);
  const path = `/console/dossiers/${encodeURIComponent(page.dossier.id)}/actions/${slug}`;
  const title = actionName(page.locale, action);
  const blocked = action === 'assign' && page.officers.length === 0;
  return (
    <section class="action" aria-labelledby={`action-${slug}-title`}>
      <h3 id={`action-${slug}-title`}>{title}</h3>
      <form
        method="post"
        action={authHref(page, path)}
        id={`action-${slug}`}
        novalidate
        enctype={action === 'issue_result' ? 'multipart/form-data' : undefined}
      >
        <input type="hidden" name="expectedRevision" value={String(page.dossier.revision)} />
        {fieldsOf(ctx)}
        {blocked ? null : (
          <button type="submit" class="button" id={`action-${slug}-submit`}>
            {title}
          </button>
        )}
      </form>
    </section>
  );
}

export function ActionForms(props: { page: ConsoleDossierPageProps }) {
  const { page } = props;
  return (
    <section aria-labelledby="actions-title" id="actions">
      <h2 id="actions-title">{say(page, 'actionsTitle')}</h2>
      {page.actions.length ? (
        page.actions.map((action) => (
          <ActionForm
            ctx={{
              page,
              action,
              values: page.failed === action ? (page.values ?? {}) : {},
              errors: page.failed === action ? (page.errors ?? []) : [],
            }}
          />
        ))
      ) : (
        <p>{say(page, 'noActions')}</p>
      )}
    </section>
  );
}

export const doneText = (locale: Locale, action: ConsoleAction) =>
  `${consoleDossierText(locale, 'done')} ${actionName(locale, action)}`;
