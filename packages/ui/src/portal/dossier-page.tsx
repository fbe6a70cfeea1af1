/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// One of the citizen's dossiers: where it is, its papers and result, the actions open to them
// now (exactly those the engine's state machine allows), and its timeline in plain words.

import { Banner, TextAreaControl } from '../shared/components.tsx';
import { ErrorMessage, Field, type FormError, Frame } from '../shared/forms.tsx';
import type { Locale } from '../shared/i18n.ts';
import { authHref } from '../shared/page-base.ts';
import { type PortalLocalized, type PortalPageBase, say } from './catalog-pages.tsx';
import { formatDate, portalMoney } from './format.ts';
import { DateFacts, type DossierDates, type PortalStepView, StatusTag, StepList } from './parts.tsx';
import { type PortalStringKey, portalText, returnMethodName } from './strings.ts';

export type PortalCitizenForm = 'receipt' | 'supplement-request' | 'refusal' | 'apology' | 'stop-notice';

export interface PortalDossierDetail extends DossierDates {
  id: string;
  code: string | null;
  procedureCode: string;
  procedureName: PortalLocalized | null;
  state: string;
  nationalStatus: number | null;
  feeTotal: number;
  paid: boolean;
  rating: number | null;
  revision: number;
  timeline: PortalStepView[];
  forms: PortalCitizenForm[];
  /** Ids of the issued result files the citizen may download. */
  results: string[];
  /** Open to the citizen now; `supplement` carries what the agency asked for. */
  actions: {
    supplement?:
      | {
          missing: { document: string; reason: string }[];
          note?: string;
          /** The papers of the dossier's procedure version a file may be attached as. */
          papers: { id: string; name: PortalLocalized; accept: string }[];
        }
      | undefined;
    withdraw: boolean;
    rate: boolean;
    feedback: boolean;
  };
}

export interface PortalDossierPageProps extends PortalPageBase {
  dossier: PortalDossierDetail;
  /** After a successful action: which one, for the confirmation banner. */
  done?: 'supplement' | 'withdraw' | 'rate' | 'feedback' | undefined;
  /** What the person typed, kept when a form comes back with errors. */
  values?: Record<string, string>;
}

const formKeys: Record<PortalCitizenForm, PortalStringKey> = {
  receipt: 'formReceipt',
  'supplement-request': 'formSupplement',
  refusal: 'formRefusal',
  apology: 'formApology',
  'stop-notice': 'formStop',
};

const doneKeys = {
  supplement: 'doneSupplement',
  withdraw: 'doneWithdraw',
  rate: 'doneRate',
  feedback: 'doneFeedback',
} as const;

function describeStep(locale: Locale, step: PortalStepView) {
  const d = step.details;
  if (!d) return null;
  const lines: string[] = [];
  if (d.reason) lines.push(d.reason);
  if (d.newDueDate)
    lines.push(`${portalText(locale, 'dueAt')}: ${formatDate(`${d.newDueDate}T12:00:00+07:00`)}`);
  if (d.amount) lines.push(portalMoney(d.amount));
  if (d.method) lines.push(returnMethodName(locale, d.method));
  if (d.score) lines.push(`${d.score}/5${d.comment ? ` — ${d.comment}` : ''}`);
  if (d.note) lines.push(d.note);
  return (
    <>
      {d.missing?.length ? (
        <ul class="plain">
          {d.missing.map((m) => (
            <li>
              <strong>{m.document}</strong>: {m.reason}
            </li>
          ))}
        </ul>
      ) : null}
      {lines.map((line) => (
        <p class="timeline-detail">{line}</p>
      ))}
    </>
  );
}

function Papers(props: { page: PortalDossierPageProps }) {
  const { page } = props;
  const { dossier } = page;
  if (!dossier.forms.length && !dossier.results.length) return null;
  const base = `${page.basePath}/api/dossiers/${dossier.id}`;
  return (
    <>
      <h2>{say(page, 'papersTitle')}</h2>
      <ul class="links" id="dossier-papers">
        {dossier.results.map((doc, index) => (
          <li>
            <a href={`${base}/documents/${doc}/content`} class="result-link">
              {say(page, 'resultFile')}
              {dossier.results.length > 1 ? ` ${index + 1}` : ''}
            </a>
          </li>
        ))}
        {dossier.forms.map((form) => (
          <li>
            <a href={`${base}/forms/${form}?lang=${page.locale}`}>{say(page, formKeys[form])}</a>
          </li>
        ))}
      </ul>
    </>
  );
}

function Revision(props: { revision: number }) {
  return <input type="hidden" name="revision" value={String(props.revision)} />;
}

type Paper = NonNullable<PortalDossierDetail['actions']['supplement']>['papers'][number];

/** One file per answer, attached as one of the procedure's papers (the agency sees which). */
function PaperUpload(props: { page: PortalDossierPageProps; papers: Paper[] }) {
  const { page, papers } = props;
  const error = page.errors?.find((e: FormError) => e.field === 'paper-file');
  const chosen = page.values?.paper ?? papers[0]?.id;
  return (
    <fieldset class={error ? 'field field-error' : 'field'}>
      <legend>{say(page, 'supplementFiles')}</legend>
      <p id="paper-file-hint" class="hint">
        {say(page, 'supplementFileHint')}
      </p>
      <ErrorMessage locale={page.locale} id="paper-file-error" error={error} />
      <label for="paper">{say(page, 'supplementPaper')}</label>
      <select id="paper" name="paper">
        {papers.map((p) => (
          <option value={p.id} selected={p.id === chosen}>
            {p.name[page.locale]}
          </option>
        ))}
      </select>
      <label for="paper-file">{say(page, 'supplementFile')}</label>
      <input
        id="paper-file"
        name="paper-file"
        type="file"
        accept={[...new Set(papers.flatMap((p) => p.accept.split(',')))].join(',')}
        aria-describedby={error ? 'paper-file-hint paper-file-error' : 'paper-file-hint'}
        aria-invalid={error ? 'true' : undefined}
      />
    </fieldset>
  );
}

function SupplementForm(props: { page: PortalDossierPageProps }) {
  const { page } = props;
  const request = page.dossier.actions.supplement;
  if (!request) return null;
  return (
    <section aria-labelledby="supplement-title">
      <h3 id="supplement-title">{say(page, 'supplementTitle')}</h3>
      <p>{say(page, 'supplementIntro')}</p>
      <ul class="plain">
        {request.missing.map((m) => (
          <li>
            <strong>{m.document}</strong>: {m.reason}
          </li>
        ))}
      </ul>
      {request.note ? <p>{request.note}</p> : null}
      <form
        method="post"
        action={authHref(page, `/dossiers/${page.dossier.id}/supplement`)}
        id="supplement-form"
        enctype="multipart/form-data"
        novalidate
      >
        <Revision revision={page.dossier.revision} />
        {request.papers.length ? <PaperUpload page={page} papers={request.papers} /> : null}
        <TextAreaControl
          locale={page.locale}
          id="answer"
          label={say(page, 'supplementAnswer')}
          hint={say(page, 'supplementHint')}
          value={page.values?.answer}
          errors={page.errors}
        />
        <button type="submit" class="button" id="supplement-submit">
          {say(page, 'supplementButton')}
        </button>
      </form>
    </section>
  );
}

function RateForm(props: { page: PortalDossierPageProps }) {
  const { page } = props;
  const error = page.errors?.find((e: FormError) => e.field === 'score');
  const scores = [5, 4, 3, 2, 1] as const;
  return (
    <section aria-labelledby="rate-title">
      <h3 id="rate-title">{say(page, 'rateTitle')}</h3>
      <form
        method="post"
        action={authHref(page, `/dossiers/${page.dossier.id}/rate`)}
        id="rate-form"
        novalidate
      >
        <Revision revision={page.dossier.revision} />
        <fieldset
          class={error ? 'field field-error' : 'field'}
          aria-describedby={error ? 'score-error' : undefined}
        >
          <legend>{say(page, 'rateLegend')}</legend>
          {error ? (
            <p id="score-error" class="error-message">
              {error.message}
            </p>
          ) : null}
          {scores.map((score) => (
            <div class="radio">
              <input
                type="radio"
                id={`score-${score}`}
                name="score"
                value={String(score)}
                checked={page.values?.score === String(score)}
              />
              <label for={`score-${score}`}>{say(page, `score${score}`)}</label>
            </div>
          ))}
        </fieldset>
        <TextAreaControl
          locale={page.locale}
          id="comment"
          label={say(page, 'rateComment')}
          value={page.values?.comment}
          rows={3}
          errors={page.errors}
        />
        <button type="submit" class="button" id="rate-submit">
          {say(page, 'rateButton')}
        </button>
      </form>
    </section>
  );
}

function FeedbackForm(props: { page: PortalDossierPageProps }) {
  const { page } = props;
  return (
    <section aria-labelledby="feedback-title">
      <h3 id="feedback-title">{say(page, 'feedbackTitle')}</h3>
      <p class="hint">{say(page, 'feedbackIntro')}</p>
      <form
        method="post"
        action={authHref(page, `/dossiers/${page.dossier.id}/feedback`)}
        id="feedback-form"
        novalidate
      >
        <Field
          locale={page.locale}
          name="subject"
          label={say(page, 'feedbackSubject')}
          value={page.values?.subject ?? ''}
          errors={page.errors}
        />
        <TextAreaControl
          locale={page.locale}
          id="body"
          label={say(page, 'feedbackBody')}
          value={page.values?.body}
          errors={page.errors}
        />
        <button type="submit" class="button button-secondary" id="feedback-submit">
          {say(page, 'feedbackButton')}
        </button>
      </form>
    </section>
  );
}

function Actions(props: { page: PortalDossierPageProps }) {
  const { page } = props;
  const { actions, id, state } = page.dossier;
  const any = actions.supplement || actions.rate || actions.withdraw || actions.feedback || state === 'draft';
  if (!any) return null;
  return (
    <>
      <h2>{say(page, 'actionsTitle')}</h2>
      {state === 'draft' ? (
        <p>
          <a class="button" href={authHref(page, `/dossiers/${id}/edit`)} id="continue-draft">
            {say(page, 'continueDraft')}
          </a>
        </p>
      ) : null}
      <SupplementForm page={page} />
      {actions.rate ? <RateForm page={page} /> : null}
      {actions.withdraw ? (
        <p>
          <a href={authHref(page, `/dossiers/${id}/withdraw`)} id="withdraw-link">
            {say(page, 'withdrawLink')}
          </a>
        </p>
      ) : null}
      {actions.feedback ? <FeedbackForm page={page} /> : null}
    </>
  );
}

export function PortalDossierPage(page: PortalDossierPageProps) {
  const { dossier } = page;
  const name = dossier.procedureName ? dossier.procedureName[page.locale] : dossier.procedureCode;
  const title = `${say(page, 'dossierTitle')} ${dossier.code ?? say(page, 'draftNoCode').toLowerCase()}`;
  return (
    <Frame
      {...page}
      title={title}
      path={`/dossiers/${dossier.id}`}
      anchors={{ score: 'score-5' }}
      back={{ href: authHref(page, '/dossiers'), label: say(page, 'backToMyDossiers') }}
    >
      {page.done ? <Banner id="done-banner">{say(page, doneKeys[page.done])}</Banner> : null}
      <dl class="summary">
        <dt>{say(page, 'procedure')}</dt>
        <dd>{name}</dd>
        <dt>{say(page, 'status')}</dt>
        <dd>
          <StatusTag locale={page.locale} nationalStatus={dossier.nationalStatus} />
        </dd>
        <DateFacts locale={page.locale} dates={dossier} />
        {dossier.feeTotal > 0 ? (
          <>
            <dt>{say(page, 'feeTotal')}</dt>
            <dd>
              {portalMoney(dossier.feeTotal)} ({say(page, dossier.paid ? 'paid' : 'unpaid')})
            </dd>
          </>
        ) : null}
        {dossier.rating ? (
          <>
            <dt>{say(page, 'rating')}</dt>
            <dd>{say(page, `score${dossier.rating as 1 | 2 | 3 | 4 | 5}`)}</dd>
          </>
        ) : null}
      </dl>
      <Papers page={page} />
      <Actions page={page} />
      <h2>{say(page, 'stepsTitle')}</h2>
      <StepList
        locale={page.locale}
        steps={dossier.timeline}
        describe={(step) => describeStep(page.locale, step)}
      />
    </Frame>
  );
}
