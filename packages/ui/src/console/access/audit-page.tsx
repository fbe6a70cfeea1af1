/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The agency's audit trail, newest first and a page at a time, and the check of its hash chain.
import { Form } from '../../shared/forms.tsx';
import { authHref } from '../../shared/page-base.ts';
import { ConsoleFrame, type ConsolePageBase, dateTime, say } from '../parts.tsx';

export interface AuditRow {
  id: number;
  at: Date;
  actor: string;
  action: string;
  subject: string | null;
}

export interface ChainReport {
  rows: number;
  intact: boolean;
  firstBrokenId?: number;
  reason?: 'content_changed' | 'link_broken';
}

export interface AuditPageProps extends ConsolePageBase {
  rows: AuditRow[];
  nextBefore?: number | undefined;
  /** True when this is not the newest page. */
  paged?: boolean;
  chain?: ChainReport;
}

export function AuditPage(page: AuditPageProps) {
  return (
    <ConsoleFrame {...page} title={say(page, 'auditTitle')} path="/console/audit" back>
      {page.chain ? <ChainBanner page={page} chain={page.chain} /> : null}
      <p>{say(page, 'auditIntro')}</p>
      {page.rows.length ? <AuditTable page={page} /> : <p>{say(page, 'auditEmpty')}</p>}
      <ul class="links">
        {page.paged ? (
          <li>
            <a href={authHref(page, '/console/audit')}>{say(page, 'newestEntries')}</a>
          </li>
        ) : null}
        {page.nextBefore ? (
          <li>
            <a href={authHref(page, `/console/audit?before=${page.nextBefore}`)} rel="next">
              {say(page, 'olderEntries')}
            </a>
          </li>
        ) : null}
      </ul>
      <h2>{say(page, 'checkChainTitle')}</h2>
      <p>{say(page, 'checkChainHint')}</p>
      <Form action={authHref(page, '/console/audit/check')} button={say(page, 'checkChainButton')} />
    </ConsoleFrame>
  );
}

/** What the last check of the trail's hash chain found. */
function ChainBanner(props: { page: AuditPageProps; chain: ChainReport }) {
  const { page, chain } = props;
  return (
    <div class={chain.intact ? 'banner info' : 'banner warning'} role="status">
      {chain.intact
        ? `${say(page, 'chainIntact')} ${chain.rows}`
        : `${say(page, 'chainBroken')} #${chain.firstBrokenId ?? '?'}${
            chain.reason
              ? ` (${say(page, chain.reason === 'content_changed' ? 'reasonContent' : 'reasonLink')})`
              : ''
          }`}
    </div>
  );
}

function AuditTable(props: { page: AuditPageProps }) {
  const { page } = props;
  return (
    <div class="table-wrap">
      <table class="console-table">
        <caption class="visually-hidden">{say(page, 'auditTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{say(page, 'auditAt')}</th>
            <th scope="col">{say(page, 'auditActor')}</th>
            <th scope="col">{say(page, 'auditAction')}</th>
            <th scope="col">{say(page, 'auditSubject')}</th>
          </tr>
        </thead>
        <tbody>
          {page.rows.map((r) => (
            <tr>
              <th scope="row">{r.id}</th>
              <td>{dateTime(page.locale, r.at)}</td>
              <td>
                <code>{r.actor}</code>
              </td>
              <td>
                <code>{r.action}</code>
              </td>
              <td>{r.subject ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
