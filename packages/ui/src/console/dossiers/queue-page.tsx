/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The processing queue: a GET form of filters (works without JavaScript, bookmarkable), then
// the dossiers by deadline with their national status and flags, 50 to a page.

import { Pagination } from '../../shared/components.tsx';
import { nationalStatusName } from '../../shared/national-status.tsx';
import { authHref } from '../../shared/page-base.ts';
import { DossierFrame, FlagTag, formatDateTime, StatusTag, say } from './components.tsx';
import { stateDetail } from './strings.ts';
import type { ConsolePage, ConsoleQueueFilters, ConsoleQueueRow } from './types.ts';

export interface ConsoleQueuePageProps extends ConsolePage {
  rows: ConsoleQueueRow[];
  filters: ConsoleQueueFilters;
  /** Every state a filter can name, with its national status code. */
  states: { state: string; nationalStatus: number | null }[];
  procedures: { code: string; name: string }[];
  page: number;
  pageCount: number;
  total: number;
  /** The engine returns at most this many: more may exist. */
  capped: boolean;
}

/** The queue's path for these filters and page. */
function queuePath(filters: ConsoleQueueFilters, pageNumber = 1): string {
  const params = new URLSearchParams();
  if (filters.state) params.set('state', filters.state);
  if (filters.procedureCode) params.set('procedure', filters.procedureCode);
  if (filters.due) params.set('due', filters.due);
  if (filters.mine) params.set('mine', '1');
  if (pageNumber > 1) params.set('page', String(pageNumber));
  const search = params.toString();
  return `/console/dossiers${search ? `?${search}` : ''}`;
}

/** The queue's address for these filters and page, keeping the chosen language. */
export function consoleQueueHref(page: ConsolePage, filters: ConsoleQueueFilters, pageNumber = 1): string {
  return authHref(page, queuePath(filters, pageNumber));
}

function Filters(props: ConsoleQueuePageProps) {
  const { filters } = props;
  const any = say(props, 'filterAny');
  return (
    <form method="get" action={authHref(props, '/console/dossiers')} class="queue-filters" id="queue-filters">
      <h2>{say(props, 'filtersTitle')}</h2>
      {props.lang ? <input type="hidden" name="lang" value={props.lang} /> : null}
      <div class="field">
        <label for="filter-state">{say(props, 'filterState')}</label>
        <select id="filter-state" name="state">
          <option value="">{any}</option>
          {props.states.map((s) => {
            const detail = stateDetail(props.locale, s.state);
            return (
              <option value={s.state} selected={filters.state === s.state}>
                {nationalStatusName(props.locale, s.nationalStatus, 'staff')}
                {detail ? ` (${detail})` : ''}
              </option>
            );
          })}
        </select>
      </div>
      <div class="field">
        <label for="filter-procedure">{say(props, 'filterProcedure')}</label>
        <select id="filter-procedure" name="procedure">
          <option value="">{any}</option>
          {props.procedures.map((p) => (
            <option value={p.code} selected={filters.procedureCode === p.code}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="filter-due">{say(props, 'filterDue')}</label>
        <select id="filter-due" name="due">
          <option value="">{any}</option>
          <option value="due_soon" selected={filters.due === 'due_soon'}>
            {say(props, 'dueSoon')}
          </option>
          <option value="late" selected={filters.due === 'late'}>
            {say(props, 'late')}
          </option>
        </select>
      </div>
      <div class="field checkbox">
        <input type="checkbox" id="filter-mine" name="mine" value="1" checked={filters.mine === true} />
        <label for="filter-mine">{say(props, 'filterMine')}</label>
      </div>
      <button type="submit" class="button" id="filter-submit">
        {say(props, 'filterButton')}
      </button>{' '}
      <a href={authHref(props, '/console/dossiers')}>{say(props, 'filterClear')}</a>
    </form>
  );
}

function Row(props: { page: ConsoleQueuePageProps; row: ConsoleQueueRow }) {
  const { page, row } = props;
  const { locale } = page;
  return (
    <tr>
      <th scope="row">
        <a href={authHref(page, `/console/dossiers/${encodeURIComponent(row.id)}`)}>
          {row.code ?? say(page, 'noCode')}
        </a>
      </th>
      <td>{row.procedureName}</td>
      <td>{row.applicant ?? '—'}</td>
      <td>
        <StatusTag locale={locale} nationalStatus={row.nationalStatus} state={row.state} />
      </td>
      <td>{formatDateTime(locale, row.dueAt)}</td>
      <td>
        <FlagTag locale={locale} flag={row.deadline} />
        {row.answerBy ? (
          <span class="answer-by">
            {say(page, 'answerBy')} {formatDateTime(locale, row.answerBy)}{' '}
            <FlagTag locale={locale} flag={row.answerStatus} />
          </span>
        ) : null}
      </td>
    </tr>
  );
}

export function ConsoleQueuePage(page: ConsoleQueuePageProps) {
  const hasAnswerBy = page.rows.some((r) => r.answerBy);
  return (
    <DossierFrame
      {...page}
      title={say(page, 'queueTitle')}
      path={queuePath(page.filters, page.page)}
      back={['/console', 'backToConsole']}
    >
      <p>{say(page, 'queueIntro')}</p>
      <Filters {...page} />
      <h2>
        {say(page, 'countShown')} {page.total}
      </h2>
      {page.capped ? <p class="banner warning">{say(page, 'capped')}</p> : null}
      {hasAnswerBy ? (
        <p class="hint" id="answer-by-hint">
          {say(page, 'answerByHint')}
        </p>
      ) : null}
      {page.rows.length ? (
        <div class="table-wrap">
          <table class="console-table queue-table" id="queue">
            <caption class="visually-hidden">{say(page, 'queueTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{say(page, 'colCode')}</th>
                <th scope="col">{say(page, 'colProcedure')}</th>
                <th scope="col">{say(page, 'colApplicant')}</th>
                <th scope="col">{say(page, 'colStatus')}</th>
                <th scope="col">{say(page, 'colDue')}</th>
                <th scope="col">{say(page, 'colFlags')}</th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((row) => (
                <Row page={page} row={row} />
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{say(page, 'noDossiers')}</p>
      )}
      <Pagination
        locale={page.locale}
        page={page.page}
        pageCount={page.pageCount}
        hrefOf={(n) => consoleQueueHref(page, page.filters, n)}
      />
    </DossierFrame>
  );
}
