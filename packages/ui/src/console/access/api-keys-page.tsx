/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The agency's API keys: the list with each key's permissions and use, revoking one, and the
// form that creates a key, shown whole once, right after.
import { Banner, DataTable } from '../../shared/components.tsx';
import { ErrorMessage, Field, Form, type FormError } from '../../shared/forms.tsx';
import { authHref } from '../../shared/page-base.ts';
import { ConsoleFrame, type ConsolePageBase, dateTime, say } from '../parts.tsx';

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
  const firstPerm = page.grantable[0] ?? '';
  return (
    <ConsoleFrame
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
      {page.keys.length ? <KeyTable page={page} /> : <p>{say(page, 'noKeys')}</p>}
      <h2>{say(page, 'createKeyTitle')}</h2>
      <CreateKeyForm page={page} errors={page.errors ?? []} />
    </ConsoleFrame>
  );
}

function KeyTable(props: { page: ApiKeysPageProps }) {
  const { page } = props;
  return (
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
  );
}

function CreateKeyForm(props: { page: ApiKeysPageProps; errors: FormError[] }) {
  const { page, errors } = props;
  const modeError = errors.find((e) => e.field === 'mode');
  const permError = errors.find((e) => e.field === 'permissions');
  const chosen = new Set(page.values?.permissions ?? []);
  return (
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
  );
}
