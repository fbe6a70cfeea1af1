/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The agency admin's console pages for identity and access: staff, API keys, the audit trail,
// accepting an invitation and enrolling a TOTP authenticator. Plain forms that work without
// JavaScript, with an error summary linking to each field and messages tied to it.

import { authText, roleName } from '../../shared/auth-strings.ts';
import { Banner, DataTable } from '../../shared/components.tsx';
import { formatInVietnam } from '../../shared/format.ts';
import { ErrorMessage, Field, Form, Frame as SharedFrame } from '../../shared/forms.tsx';
import type { Locale } from '../../shared/i18n.ts';
import { type AuthPageBase, authHref } from '../../shared/page-base.ts';
import { type ConsoleStringKey, consoleText } from '../strings.ts';

export type ConsolePageBase = AuthPageBase;

const say = (page: { locale: Locale }, key: ConsoleStringKey) => consoleText(page.locale, key);

export const staffRoleNames = ['admin', 'reception', 'specialist', 'approver', 'clerk', 'viewer'] as const;

/** The shared frame; `back` leads to the console's home. */
function Frame(props: Omit<Parameters<typeof SharedFrame>[0], 'back'> & { back?: boolean }) {
  const { back, ...rest } = props;
  const home = { href: authHref(props as ConsolePageBase, '/console'), label: say(props, 'backToConsole') };
  return <SharedFrame {...rest} back={back ? home : undefined} />;
}

const dateTime = (locale: Locale, date: Date | null) =>
  date ? formatInVietnam(locale, date, { dateStyle: 'short', timeStyle: 'medium' }) : '—';

export function ConsoleHome(page: ConsolePageBase & { fullName: string; role: string }) {
  const links: [string, ConsoleStringKey][] = [
    ['/console/staff', 'staffTitle'],
    ['/console/api-keys', 'apiKeysTitle'],
    ['/console/audit', 'auditTitle'],
  ];
  return (
    <Frame {...page} title={say(page, 'consoleTitle')} path="/console">
      <p>{say(page, 'consoleIntro')}</p>
      <p>
        {say(page, 'signedInAs')} {page.fullName} ({roleName(page.locale, page.role)})
      </p>
      <ul class="links">
        {links.map(([path, key]) => (
          <li>
            <a href={authHref(page, path)}>{say(page, key)}</a>
          </li>
        ))}
      </ul>
    </Frame>
  );
}

export function ForbiddenPage(page: ConsolePageBase & { path: string }) {
  return (
    <Frame {...page} title={say(page, 'forbiddenTitle')} path={page.path} back>
      <p>{say(page, 'forbiddenBody')}</p>
    </Frame>
  );
}

export interface StaffRow {
  id: string;
  email: string;
  fullName: string;
  role: string;
  unitId: string | null;
  status: 'invited' | 'active' | 'disabled';
}

const statusKey = {
  invited: 'statusInvited',
  active: 'statusActive',
  disabled: 'statusDisabled',
} as const;

function Select(props: {
  id: string;
  name: string;
  options: [string, string][];
  value?: string | undefined;
  describedBy?: string | undefined;
  invalid?: boolean;
}) {
  return (
    <select
      id={props.id}
      name={props.name}
      aria-describedby={props.describedBy}
      aria-invalid={props.invalid ? 'true' : undefined}
    >
      {props.options.map(([value, label]) => (
        <option value={value} selected={value === props.value}>
          {label}
        </option>
      ))}
    </select>
  );
}

export interface StaffPageProps extends ConsolePageBase {
  staff: StaffRow[];
  /** After an invitation: the address it went to. */
  invited?: string;
  changed?: boolean;
  /** The row whose change failed: its errors are shown next to it. */
  failedRow?: string;
  values?: { email?: string; fullName?: string; role?: string; unitId?: string };
  /** Units a person can be limited to; none chosen means the whole agency. */
  units: { id: string; name: string }[];
}

export function StaffPage(page: StaffPageProps) {
  const roles = staffRoleNames.map((r) => [r, roleName(page.locale, r)] as [string, string]);
  const statuses: [string, string][] = [
    ['active', say(page, 'statusActive')],
    ['disabled', say(page, 'statusDisabled')],
  ];
  const unitOptions: [string, string][] = [
    ['', say(page, 'wholeAgency')],
    ...page.units.map((u) => [u.id, u.name] as [string, string]),
  ];
  const unitName = (id: string | null) =>
    id ? (page.units.find((u) => u.id === id)?.name ?? id) : say(page, 'wholeAgency');
  const rowErrors = page.failedRow ? (page.errors ?? []) : [];
  const inviteErrors = page.failedRow ? [] : page.errors;
  const roleError = inviteErrors?.find((e) => e.field === 'role');
  const unitError = inviteErrors?.find((e) => e.field === 'unitId');
  return (
    <Frame {...page} title={say(page, 'staffTitle')} path="/console/staff" back>
      {page.invited ? (
        <Banner>
          {say(page, 'invited')} {page.invited}
        </Banner>
      ) : null}
      {page.changed ? <Banner>{say(page, 'changed')}</Banner> : null}
      <p>{say(page, 'staffIntro')}</p>
      {page.staff.length ? (
        <DataTable
          caption={say(page, 'staffTitle')}
          headers={[
            say(page, 'name'),
            say(page, 'email'),
            say(page, 'role'),
            say(page, 'unit'),
            say(page, 'status'),
            say(page, 'change'),
          ]}
        >
          {page.staff.map((s) => {
            const failed = page.failedRow === s.id && rowErrors.length > 0;
            const errorId = `row-${s.id}-error`;
            return (
              <tr>
                <th scope="row">{s.fullName}</th>
                <td>{s.email}</td>
                <td>{roleName(page.locale, s.role)}</td>
                <td>{unitName(s.unitId)}</td>
                <td>{say(page, statusKey[s.status])}</td>
                <td>
                  <form
                    method="post"
                    action={authHref(page, `/console/staff/${encodeURIComponent(s.id)}`)}
                    class="row-form"
                    novalidate
                  >
                    {failed ? (
                      <p id={errorId} class="error-message">
                        <span class="visually-hidden">{authText(page.locale, 'errorPrefix')} </span>
                        {rowErrors.map((e) => e.message).join(' ')}
                      </p>
                    ) : null}
                    <label for={`role-${s.id}`} class="visually-hidden">
                      {`${say(page, 'roleFor')} ${s.fullName}`}
                    </label>
                    <Select
                      id={`role-${s.id}`}
                      name="role"
                      options={roles}
                      value={s.role}
                      describedBy={failed ? errorId : undefined}
                    />
                    <label for={`unit-${s.id}`} class="visually-hidden">
                      {`${say(page, 'unitFor')} ${s.fullName}`}
                    </label>
                    <Select
                      id={`unit-${s.id}`}
                      name="unitId"
                      options={unitOptions}
                      value={s.unitId ?? ''}
                      describedBy={failed ? errorId : undefined}
                    />
                    {s.status === 'invited' ? null : (
                      <>
                        <label for={`status-${s.id}`} class="visually-hidden">
                          {`${say(page, 'statusFor')} ${s.fullName}`}
                        </label>
                        <Select
                          id={`status-${s.id}`}
                          name="status"
                          options={statuses}
                          value={s.status}
                          describedBy={failed ? errorId : undefined}
                        />
                      </>
                    )}
                    <button type="submit" class="button secondary">
                      {say(page, 'save')}
                      <span class="visually-hidden"> {s.fullName}</span>
                    </button>
                  </form>
                  {s.status === 'invited' ? (
                    // A new link; the one sent before stops working.
                    <form
                      method="post"
                      action={authHref(page, `/console/staff/${encodeURIComponent(s.id)}/invitation`)}
                      class="row-form"
                    >
                      <button type="submit" class="button secondary" id={`resend-${s.id}`}>
                        {say(page, 'resendInvitation')}
                        <span class="visually-hidden"> {s.fullName}</span>
                      </button>
                    </form>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </DataTable>
      ) : (
        <p>{say(page, 'noStaff')}</p>
      )}
      <h2>{say(page, 'inviteTitle')}</h2>
      <p id="invite-hint" class="hint">
        {say(page, 'inviteHint')}
      </p>
      <Form action={authHref(page, '/console/staff/invite')} button={say(page, 'inviteButton')}>
        <Field
          locale={page.locale}
          name="fullName"
          label={say(page, 'name')}
          value={page.values?.fullName ?? ''}
          autocomplete="off"
          errors={inviteErrors}
        />
        <Field
          locale={page.locale}
          name="email"
          type="email"
          label={say(page, 'email')}
          value={page.values?.email ?? ''}
          autocomplete="off"
          errors={inviteErrors}
        />
        <div class={roleError ? 'field field-error' : 'field'}>
          <label for="role">{say(page, 'role')}</label>
          <ErrorMessage locale={page.locale} id="role-error" error={roleError} />
          <Select
            id="role"
            name="role"
            options={roles}
            value={page.values?.role ?? 'specialist'}
            describedBy={roleError ? 'role-error' : undefined}
            invalid={Boolean(roleError)}
          />
        </div>
        <div class={unitError ? 'field field-error' : 'field'}>
          <label for="unitId">{say(page, 'unit')}</label>
          <p id="unitId-hint" class="hint">
            {say(page, 'unitHint')}
          </p>
          <ErrorMessage locale={page.locale} id="unitId-error" error={unitError} />
          <Select
            id="unitId"
            name="unitId"
            options={unitOptions}
            value={page.values?.unitId ?? ''}
            describedBy={unitError ? 'unitId-hint unitId-error' : 'unitId-hint'}
            invalid={Boolean(unitError)}
          />
        </div>
      </Form>
    </Frame>
  );
}

export interface ApiKeyRow {
  id: string;
  name: string;
  prefix: string;
  mode: 'live' | 'test';
  permissions: readonly string[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export interface ApiKeysPageProps extends ConsolePageBase {
  keys: ApiKeyRow[];
  /** The permissions this admin may give a key. */
  grantable: readonly string[];
  /** Right after creation: the whole key, shown on this page only. */
  created?: { key: string; name: string };
  revoked?: boolean;
  values?: { name?: string; mode?: string; permissions?: string[] };
}

export function ApiKeysPage(page: ApiKeysPageProps) {
  const errors = page.errors ?? [];
  const modeError = errors.find((e) => e.field === 'mode');
  const permError = errors.find((e) => e.field === 'permissions');
  const chosen = new Set(page.values?.permissions ?? []);
  const firstPerm = page.grantable[0] ?? '';
  return (
    <Frame
      {...page}
      title={say(page, 'apiKeysTitle')}
      path="/console/api-keys"
      back
      anchors={{ mode: 'mode-live', permissions: `perm-${firstPerm}` }}
    >
      {page.created ? (
        <section class="banner warning" aria-labelledby="new-key-title">
          <h2 id="new-key-title">{say(page, 'newKeyTitle')}</h2>
          <p>
            <strong>{say(page, 'newKeyWarning')}</strong>
          </p>
          <p>
            {page.created.name}: <code class="secret">{page.created.key}</code>
          </p>
        </section>
      ) : null}
      {page.revoked ? <Banner>{say(page, 'keyRevokedNotice')}</Banner> : null}
      <p>{say(page, 'apiKeysIntro')}</p>
      {page.keys.length ? (
        <DataTable
          caption={say(page, 'apiKeysTitle')}
          headers={[
            say(page, 'keyName'),
            say(page, 'keyPrefix'),
            say(page, 'keyMode'),
            say(page, 'keyPermissions'),
            say(page, 'keyCreated'),
            say(page, 'keyLastUsed'),
            say(page, 'status'),
          ]}
        >
          {page.keys.map((k) => (
            <tr>
              <th scope="row">{k.name}</th>
              <td>
                <code>{k.prefix}</code>
              </td>
              <td>{say(page, k.mode === 'live' ? 'modeLive' : 'modeTest')}</td>
              <td>{k.permissions.join(', ')}</td>
              <td>{dateTime(page.locale, k.createdAt)}</td>
              <td>{dateTime(page.locale, k.lastUsedAt)}</td>
              <td>
                {k.revokedAt ? (
                  `${say(page, 'keyRevoked')} ${dateTime(page.locale, k.revokedAt)}`
                ) : (
                  <form
                    method="post"
                    action={authHref(page, `/console/api-keys/${encodeURIComponent(k.id)}/revoke`)}
                    class="row-form"
                  >
                    {say(page, 'keyActive')}{' '}
                    <button type="submit" class="button warning">
                      {say(page, 'revoke')}
                      <span class="visually-hidden"> {k.name}</span>
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <p>{say(page, 'noKeys')}</p>
      )}
      <h2>{say(page, 'createKeyTitle')}</h2>
      <Form action={authHref(page, '/console/api-keys')} button={say(page, 'createKeyButton')}>
        <Field
          locale={page.locale}
          name="name"
          label={say(page, 'keyName')}
          hint={say(page, 'keyNameHint')}
          value={page.values?.name ?? ''}
          autocomplete="off"
          errors={errors}
        />
        <fieldset class={modeError ? 'field field-error' : 'field'}>
          <legend>{say(page, 'keyMode')}</legend>
          <ErrorMessage locale={page.locale} id="mode-error" error={modeError} />
          {(['live', 'test'] as const).map((mode) => (
            <div class="radio">
              <input
                id={`mode-${mode}`}
                name="mode"
                type="radio"
                value={mode}
                checked={(page.values?.mode ?? 'test') === mode}
                aria-describedby={modeError ? 'mode-error' : undefined}
              />
              <label for={`mode-${mode}`}>{say(page, mode === 'live' ? 'modeLive' : 'modeTest')}</label>
            </div>
          ))}
        </fieldset>
        <fieldset class={permError ? 'field field-error' : 'field'}>
          <legend>{say(page, 'keyPermissions')}</legend>
          <ErrorMessage locale={page.locale} id="permissions-error" error={permError} />
          {page.grantable.map((p) => (
            <div class="checkbox">
              <input
                id={`perm-${p}`}
                name="permissions"
                type="checkbox"
                value={p}
                checked={chosen.has(p)}
                aria-describedby={permError ? 'permissions-error' : undefined}
              />
              <label for={`perm-${p}`}>
                <code>{p}</code>
              </label>
            </div>
          ))}
        </fieldset>
      </Form>
    </Frame>
  );
}

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
  const chain = page.chain;
  return (
    <Frame {...page} title={say(page, 'auditTitle')} path="/console/audit" back>
      {chain ? (
        <div class={chain.intact ? 'banner info' : 'banner warning'} role="status">
          {chain.intact
            ? `${say(page, 'chainIntact')} ${chain.rows}`
            : `${say(page, 'chainBroken')} #${chain.firstBrokenId ?? '?'}${
                chain.reason
                  ? ` (${say(page, chain.reason === 'content_changed' ? 'reasonContent' : 'reasonLink')})`
                  : ''
              }`}
        </div>
      ) : null}
      <p>{say(page, 'auditIntro')}</p>
      {page.rows.length ? (
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
      ) : (
        <p>{say(page, 'auditEmpty')}</p>
      )}
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
    </Frame>
  );
}

export function AcceptInvitationPage(page: ConsolePageBase & { token: string; done?: boolean }) {
  if (page.done) {
    return (
      <Frame {...page} title={say(page, 'acceptDoneTitle')} path="/accept-invitation">
        <p role="status">{say(page, 'acceptDoneBody')}</p>
        <p>
          <a href={authHref(page, '/sign-in')}>{say(page, 'signIn')}</a>
        </p>
      </Frame>
    );
  }
  return (
    <Frame {...page} title={say(page, 'acceptTitle')} path="/accept-invitation">
      <p>{say(page, 'acceptIntro')}</p>
      <Form action={authHref(page, '/accept-invitation')} button={say(page, 'acceptButton')}>
        <input type="hidden" name="token" value={page.token} />
        <Field
          locale={page.locale}
          name="password"
          type="password"
          label={authText(page.locale, 'newPassword')}
          hint={authText(page.locale, 'passwordHint')}
          autocomplete="new-password"
          errors={page.errors}
        />
      </Form>
    </Frame>
  );
}

/** The secret in groups of four characters, for typing it in by hand. */
export function groupSecret(secret: string): string {
  return (secret.match(/.{1,4}/g) ?? []).join(' ');
}

export function TotpEnrolPage(page: ConsolePageBase & { uri: string; secret: string }) {
  return (
    <Frame {...page} title={say(page, 'enrolTitle')} path="/sign-in/totp/enrol">
      <p>{say(page, 'enrolIntro')}</p>
      <dl class="summary">
        <dt>{say(page, 'enrolUri')}</dt>
        <dd>
          <code class="secret">{page.uri}</code>
        </dd>
        <dt>{say(page, 'enrolSecret')}</dt>
        <dd>
          <code class="secret">{groupSecret(page.secret)}</code>
        </dd>
      </dl>
      <h2>{say(page, 'enrolConfirmTitle')}</h2>
      <Form action={authHref(page, '/sign-in/totp/enrol')} button={say(page, 'enrolButton')}>
        <input type="hidden" name="secret" value={page.secret} />
        <Field
          locale={page.locale}
          name="code"
          label={authText(page.locale, 'totpLabel')}
          hint={authText(page.locale, 'totpHint')}
          autocomplete="one-time-code"
          inputmode="numeric"
          errors={page.errors}
        />
      </Form>
    </Frame>
  );
}
