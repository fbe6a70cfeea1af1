/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// One procedure's draft, part by part, each with the page that edits it; what blocks publishing,
// each problem linking to its page; publishing and withdrawal; and the withdrawal's confirmation.
import type { Child } from 'hono/jsx';
import type { Locale } from '../../shared/i18n.ts';
import { EditorFrame, formatDong, Notice, PostButton, procedureHref, StatusTag, say } from './components.tsx';
import { describeDraftProblem } from './problems.ts';
import { type ProcedureStringKey, procedureTextOr } from './strings.ts';
import type { ProcedureNotice, ProcedureOverview, ProcedurePageBase } from './types.ts';

export interface ProcedureOverviewPageProps extends ProcedurePageBase {
  procedure: ProcedureOverview;
  notice?: ProcedureNotice | undefined;
  /** The version just published, for its banner. */
  published?: number | undefined;
}

const dataText = (locale: Locale, prefix: string, value: string) =>
  value ? procedureTextOr(locale, `${prefix}${value}`, value) : '';

function Part(props: {
  page: ProcedurePageBase;
  code: string;
  id: string;
  title: ProcedureStringKey;
  path: string;
  children?: Child;
}) {
  const title = say(props.page, props.title);
  return (
    <section class="pe-part" aria-labelledby={`part-${props.id}`}>
      <div class="pe-part-head">
        <h2 id={`part-${props.id}`}>{title}</h2>
        <a href={procedureHref(props.page, props.code, props.path)} id={`edit-${props.id}`}>
          {say(props.page, 'edit')}
          <span class="visually-hidden"> {title}</span>
        </a>
      </div>
      {props.children}
    </section>
  );
}

function Summary(props: { rows: [string, string | Child][] }) {
  return (
    <dl class="summary">
      {props.rows.map(([term, value]) => (
        <>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </>
      ))}
    </dl>
  );
}

function GeneralPart({ page, p }: { page: ProcedurePageBase; p: ProcedureOverview }) {
  const g = p.general;
  const or = (value: string) => value || say(page, 'notSet');
  return (
    <Part page={page} code={p.code} id="general" title="partGeneral" path="/general">
      <Summary
        rows={[
          [say(page, 'nameVi'), or(g.nameVi)],
          [say(page, 'nameEn'), or(g.nameEn)],
          [say(page, 'description'), or(g.description)],
          [say(page, 'sector'), or(g.sector)],
          [say(page, 'competentUnit'), or(g.competentUnit)],
          [say(page, 'audience'), or(dataText(page.locale, 'audience_', g.audience))],
          [say(page, 'onlineLevel'), or(dataText(page.locale, 'level_', g.onlineLevel))],
          [
            say(page, 'legalBasis'),
            g.legalBasis.length ? (
              <ul class="pe-plain">
                {g.legalBasis.map((l) => (
                  <li>
                    {l.document} — {l.title}
                  </li>
                ))}
              </ul>
            ) : (
              say(page, 'notSet')
            ),
          ],
        ]}
      />
    </Part>
  );
}

function ListParts({ page, p }: { page: ProcedurePageBase; p: ProcedureOverview }) {
  const { locale } = page;
  const time = p.processingTime;
  return (
    <>
      <Part page={page} code={p.code} id="fields" title="partFields" path="/fields">
        {p.fields.length ? (
          <ol class="pe-plain-list">
            {p.fields.map((f) => (
              <li>
                {f.label}{' '}
                <span class="muted">
                  ({dataText(locale, 'type_', f.type)}
                  {f.required ? '' : `, ${say(page, 'optional')}`})
                </span>
                {f.shownWhen ? (
                  <span class="pe-note">
                    {' '}
                    — {say(page, 'colShownWhen')}: {f.shownWhen}
                  </span>
                ) : null}
              </li>
            ))}
          </ol>
        ) : (
          <p>{say(page, 'noFields')}</p>
        )}
      </Part>
      <Part page={page} code={p.code} id="documents" title="partDocuments" path="/documents">
        {p.documents.length ? (
          <ul class="pe-plain-list">
            {p.documents.map((d) => (
              <li>
                {d.name}{' '}
                <span class="muted">
                  ({d.originals} {say(page, 'originalsCount')}, {d.copies} {say(page, 'copiesCount')})
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p>{say(page, 'noDocuments')}</p>
        )}
      </Part>
      <Part page={page} code={p.code} id="fees" title="partFees" path="/fees">
        {p.fees.length ? (
          <ul class="pe-plain-list">
            {p.fees.map((f) => (
              <li>
                {f.name}: {formatDong(locale, f.amount)}
                {f.conditional ? <span class="muted"> ({say(page, 'conditional')})</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>{say(page, 'free')}</p>
        )}
      </Part>
      <Part page={page} code={p.code} id="time" title="partTime" path="/time">
        <p>{time ? `${time.value} ${dataText(locale, 'unit_', time.unit)}` : say(page, 'notSet')}</p>
      </Part>
      <Part page={page} code={p.code} id="steps" title="partSteps" path="/steps">
        {p.steps.length ? (
          <ol class="pe-plain-list">
            {p.steps.map((s) => (
              <li>
                {s.name}{' '}
                <span class="muted">
                  ({dataText(locale, 'role_', s.role)}, {s.hours} {say(page, 'hours')})
                </span>
              </li>
            ))}
          </ol>
        ) : (
          <p>{say(page, 'notSet')}</p>
        )}
      </Part>
    </>
  );
}

function Problems({ page, p }: { page: ProcedurePageBase; p: ProcedureOverview }) {
  if (!p.problems.length) return null;
  return (
    <section class="pe-problems" aria-labelledby="problems-title">
      <h2 id="problems-title">{say(page, 'problemsTitle')}</h2>
      <p>{say(page, 'problemsIntro')}</p>
      <ul>
        {p.problems.map((problem) => {
          const shown = describeDraftProblem(page.locale, problem, p);
          return (
            <li>
              <a href={procedureHref(page, p.code, shown.href)}>{shown.text}</a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function Publishing({ page, p }: { page: ProcedurePageBase; p: ProcedureOverview }) {
  const canPublish = !p.problems.length && (p.unpublishedChanges || p.status !== 'published');
  return (
    <section aria-labelledby="publish-title">
      <h2 id="publish-title">{say(page, 'publishTitle')}</h2>
      <p>{say(page, 'publishIntro')}</p>
      {canPublish ? (
        <PostButton
          action={procedureHref(page, p.code, '/publish')}
          id="publish"
          label={say(page, 'publishButton')}
        />
      ) : (
        <p class="pe-reason" id="publish-reason">
          {say(page, p.problems.length ? 'publishBlocked' : 'nothingToPublish')}
        </p>
      )}
      {p.status === 'published' ? (
        <p>
          <a href={procedureHref(page, p.code, '/withdraw')} id="withdraw-link">
            {say(page, 'withdrawLink')}
          </a>
        </p>
      ) : null}
    </section>
  );
}

export function ProcedureOverviewPage(page: ProcedureOverviewPageProps) {
  const p = page.procedure;
  return (
    <EditorFrame
      {...page}
      title={p.name || p.code}
      caption={`${say(page, 'overviewLead')} ${p.code}`}
      path={`/console/procedures/${p.code}`}
      back={[procedureHref(page), 'backToList']}
    >
      {page.published ? (
        <Notice>
          {say(page, 'publishedBanner')} {page.published}.
        </Notice>
      ) : null}
      {page.notice ? <Notice>{say(page, `done_${page.notice}`)}</Notice> : null}
      <p>
        <StatusTag locale={page.locale} status={p.status} /> {say(page, 'liveVersion')}{' '}
        {p.currentVersion ?? say(page, 'notPublished')}.{' '}
        {say(page, p.unpublishedChanges ? 'hasChanges' : 'noChanges')}
      </p>
      <p>
        <a href={procedureHref(page, p.code, '/preview')} id="preview-link">
          {say(page, 'preview')}
        </a>
      </p>
      <Problems page={page} p={p} />
      <GeneralPart page={page} p={p} />
      <ListParts page={page} p={p} />
      <Publishing page={page} p={p} />
    </EditorFrame>
  );
}

export function ProcedureWithdrawPage(page: ProcedurePageBase & { code: string; name: string }) {
  return (
    <EditorFrame
      {...page}
      title={say(page, 'withdrawTitle')}
      caption={`${page.code} — ${page.name}`}
      path={`/console/procedures/${page.code}/withdraw`}
      back={[procedureHref(page, page.code), 'backToOverview']}
    >
      <p>{say(page, 'withdrawBody')}</p>
      <div class="pe-actions">
        <PostButton
          action={procedureHref(page, page.code, '/withdraw')}
          id="withdraw-confirm"
          label={say(page, 'withdrawButton')}
          warning
        />
        <a href={procedureHref(page, page.code)}>{say(page, 'cancel')}</a>
      </div>
    </EditorFrame>
  );
}
