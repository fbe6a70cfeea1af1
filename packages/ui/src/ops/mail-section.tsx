/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// An agency's email for operators: the first admin's invitation (send a new one while they have
// not accepted) and the emails the worker gave up on, counted by reason, with the latest few.
// Kinds, reasons, SMTP codes and times only: addresses and content belong to the agency.
import { DataTable } from '../shared/components.tsx';
import type { Locale } from '../shared/i18n.ts';
import { formatDate, type OpsPageBase, opsHref, say } from './parts.tsx';
import { formatCount } from './usage.tsx';

export interface UndeliverableView {
  counts: { rejected: number; expired: number };
  latest: {
    id: number;
    template: string;
    reason: 'rejected' | 'expired';
    smtpCode: number | null;
    givenUpAt: Date;
  }[];
}

const reasonKeys = { rejected: 'mailRejected', expired: 'mailExpired' } as const;

export function AdminInvitationSection(props: OpsPageBase & { slug: string }) {
  return (
    <>
      <h2>{say(props, 'invitationTitle')}</h2>
      <p>{say(props, 'invitationPending')}</p>
      <form method="post" action={opsHref(props, `/ops/tenants/${props.slug}/invitation`)}>
        <button type="submit" class="button secondary" id="ops-resend-invitation">
          {say(props, 'resendInvitation')}
        </button>
      </form>
    </>
  );
}

export function UndeliverableSection(props: { locale: Locale; mail: UndeliverableView | null | undefined }) {
  const { locale, mail } = props;
  if (!mail) return null;
  const total = mail.counts.rejected + mail.counts.expired;
  return (
    <>
      <h2>{say(props, 'mailTitle')}</h2>
      {total === 0 ? (
        <p class="muted" id="ops-undeliverable">
          {say(props, 'mailNone')}
        </p>
      ) : (
        <>
          <p>{say(props, 'mailIntro')}</p>
          <dl class="summary ops-summary" id="ops-undeliverable">
            <dt>{say(props, 'mailRejected')}</dt>
            <dd>{formatCount(locale, mail.counts.rejected)}</dd>
            <dt>{say(props, 'mailExpired')}</dt>
            <dd>{formatCount(locale, mail.counts.expired)}</dd>
          </dl>
          <DataTable
            caption={say(props, 'mailLatest')}
            headers={[
              say(props, 'mailKind'),
              say(props, 'mailReason'),
              say(props, 'mailCode'),
              say(props, 'mailWhen'),
            ]}
          >
            {mail.latest.map((email) => (
              <tr>
                <td>
                  <code>{email.template}</code>
                </td>
                <td>{say(props, reasonKeys[email.reason])}</td>
                <td>{email.smtpCode ?? '–'}</td>
                <td>{formatDate(locale, email.givenUpAt, true)}</td>
              </tr>
            ))}
          </DataTable>
        </>
      )}
    </>
  );
}
