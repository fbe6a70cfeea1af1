/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// One of the citizen's dossiers: where it is, its papers and result, the actions open to them
// now (exactly those the engine's state machine allows), and its timeline in plain words.

import { Banner } from '../shared/components.tsx';
import { Frame } from '../shared/forms.tsx';
import type { Locale } from '../shared/i18n.ts';
import { authHref } from '../shared/page-base.ts';
import { say } from './catalog-pages.tsx';
import { Actions } from './dossier-actions.tsx';
import type { PortalCitizenForm, PortalDossierPageProps } from './dossier-view.ts';
import { formatDate, portalMoney } from './format.ts';
import { DateFacts, type PortalStepView, StatusTag, StepList } from './parts.tsx';
import { type PortalStringKey, portalText, returnMethodName } from './strings.ts';

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
