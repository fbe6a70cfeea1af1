/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// One dossier for staff: where it stands, what the citizen declared and attached, its history,
// the forms it can be printed on, and the actions this person may take now.

import { Banner } from '../../shared/components.tsx';
import { ActionForms, doneText } from './action-forms.tsx';
import { DossierFrame, formatDateTime, formatMoney, StatusTag, say } from './components.tsx';
import { actionName, type ConsoleDossierStringKey } from './strings.ts';
import type { ConsoleDossierPageProps, ConsoleFileLink, ConsoleTimelineRow } from './types.ts';

const channelKeys: Record<ConsoleDossierPageProps['dossier']['channel'], ConsoleDossierStringKey> = {
  online: 'channelOnline',
  in_person: 'channelInPerson',
  post: 'channelPost',
};

function Summary({ page }: { page: ConsoleDossierPageProps }) {
  const { dossier: d, locale } = page;
  const fee =
    d.feeTotal > 0
      ? `${formatMoney(locale, d.feeTotal)} (${say(page, d.paid ? 'paid' : 'unpaid')})`
      : say(page, 'noFee');
  const rows: [ConsoleDossierStringKey, string | null][] = [
    ['channel', say(page, channelKeys[d.channel])],
    ['submittedAt', formatDateTime(locale, d.submittedAt)],
    ['receivedAt', d.receivedAt ? formatDateTime(locale, d.receivedAt) : null],
    ['dueAt', d.dueAt ? formatDateTime(locale, d.dueAt) : null],
    ['finishedAt', d.finishedAt ? formatDateTime(locale, d.finishedAt) : null],
    ['fee', fee],
    ['assignee', d.assignee ?? say(page, 'notAssigned')],
    ['step', d.step],
    ['rating', d.rating === null ? null : `${d.rating}/5`],
  ];
  return (
    <section aria-labelledby="summary-title">
      <h2 id="summary-title">{say(page, 'summaryTitle')}</h2>
      <dl class="summary">
        <dt>{say(page, 'colStatus')}</dt>
        <dd id="dossier-status">
          <StatusTag locale={locale} nationalStatus={d.nationalStatus} state={d.state} />
        </dd>
        <dt>{say(page, 'colProcedure')}</dt>
        <dd>
          {d.procedureName} <span class="muted">({d.procedureCode})</span>
        </dd>
        {rows
          .filter(([, value]) => value !== null)
          .map(([key, value]) => (
            <>
              <dt>{say(page, key)}</dt>
              <dd>{value}</dd>
            </>
          ))}
      </dl>
    </section>
  );
}

function Links(props: { links: ConsoleFileLink[] }) {
  return (
    <ul class="links">
      {props.links.map((link) => (
        <li>
          <a href={link.href}>{link.label}</a>
        </li>
      ))}
    </ul>
  );
}

function Answers({ page }: { page: ConsoleDossierPageProps }) {
  return (
    <section aria-labelledby="answers-title">
      <h2 id="answers-title">{say(page, 'answersTitle')}</h2>
      <dl class="summary answers">
        {page.answers.map((answer) => (
          <>
            <dt>{answer.label}</dt>
            <dd>{answer.files?.length ? <Links links={answer.files} /> : answer.value}</dd>
          </>
        ))}
      </dl>
    </section>
  );
}

function Results({ page }: { page: ConsoleDossierPageProps }) {
  return (
    <section aria-labelledby="results-title">
      <h2 id="results-title">{say(page, 'resultsTitle')}</h2>
      {page.results.length ? <Links links={page.results} /> : <p>{say(page, 'noResults')}</p>}
    </section>
  );
}

function Timeline({ page, rows }: { page: ConsoleDossierPageProps; rows: ConsoleTimelineRow[] }) {
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">{say(page, 'timelineTitle')}</h2>
      <ol class="timeline" id="timeline">
        {rows.map((row) => (
          <li>
            <p class="timeline-head">
              <strong>{actionName(page.locale, row.action)}</strong>{' '}
              <span class="muted">{formatDateTime(page.locale, row.at)}</span>
            </p>
            <p class="timeline-by">
              {say(page, 'timelineBy')}: {row.actor}
            </p>
            {row.notes.map((note) => (
              <p class="timeline-note">{note}</p>
            ))}
            {row.files?.length ? <Links links={row.files} /> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

export function ConsoleDossierPage(page: ConsoleDossierPageProps) {
  const { dossier: d } = page;
  const title = `${say(page, 'dossierTitle')} ${d.code ?? say(page, 'noCode')}`;
  return (
    <DossierFrame
      {...page}
      title={title}
      path={`/console/dossiers/${encodeURIComponent(d.id)}`}
      back={['/console/dossiers', 'backToQueue']}
    >
      {page.done ? <Banner>{doneText(page.locale, page.done)}</Banner> : null}
      <Summary page={page} />
      <Answers page={page} />
      <Results page={page} />
      <ActionForms page={page} />
      <Timeline page={page} rows={page.timeline} />
      <section aria-labelledby="forms-title">
        <h2 id="forms-title">{say(page, 'formsTitle')}</h2>
        {page.forms.length ? <Links links={page.forms} /> : <p>{say(page, 'noForms')}</p>}
      </section>
    </DossierFrame>
  );
}
