/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The actions a dossier's page offers the citizen, each a plain form: continue a draft, answer a
// supplement request (with papers), rate the service, withdraw, send feedback.
import { TextAreaControl } from '../shared/components.tsx';
import { ErrorMessage, Field, type FormError } from '../shared/forms.tsx';
import { authHref } from '../shared/page-base.ts';
import { say } from './catalog-pages.tsx';
import type { PortalDossierDetail, PortalDossierPageProps } from './dossier-view.ts';

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

export function Actions(props: { page: PortalDossierPageProps }) {
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
