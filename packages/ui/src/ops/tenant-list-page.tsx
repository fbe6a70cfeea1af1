/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The operator's home: every agency with its status, kind, schema version, usage and creation date.
import {
  formatDate,
  kindLabel,
  OpsFrame,
  type OpsPageBase,
  opsHref,
  say,
  TenantStatusTag,
} from './parts.tsx';
import type { TenantStatusName } from './strings.ts';
import { UsageCell, type UsageView } from './usage.tsx';

export interface TenantListRow {
  slug: string;
  name: string;
  kind: string;
  status: TenantStatusName;
  schemaVersion: number;
  createdAt: Date;
  /** The latest measured usage; absent or null when the agency has not been measured yet. */
  usage?: UsageView | null | undefined;
}

export interface TenantListPageProps extends OpsPageBase {
  tenants: TenantListRow[];
  /** The release's tenant schema version, when known: a tenant below it still needs the fleet migrator. */
  schemaHead?: number | undefined;
  page: number;
  pageCount: number;
}

function Pagination(props: TenantListPageProps) {
  if (props.pageCount <= 1) return null;
  const link = (n: number) => opsHref(props, `/ops?page=${n}`);
  return (
    <nav class="ops-pagination" aria-label={say(props, 'pagination')}>
      {props.page > 1 ? (
        <a href={link(props.page - 1)} rel="prev">
          {say(props, 'previous')}
        </a>
      ) : null}
      <span>
        {say(props, 'pageOf')} {props.page} / {props.pageCount}
      </span>
      {props.page < props.pageCount ? (
        <a href={link(props.page + 1)} rel="next">
          {say(props, 'next')}
        </a>
      ) : null}
    </nav>
  );
}

export function OpsTenantListPage(page: TenantListPageProps) {
  const headers = [
    'colName',
    'colSlug',
    'colKind',
    'colStatus',
    'colSchema',
    'colUsage',
    'colCreated',
  ] as const;
  return (
    <OpsFrame {...page} title={say(page, 'listTitle')} path="/ops">
      <p>{say(page, 'listIntro')}</p>
      <p>
        <a class="button" href={opsHref(page, '/ops/tenants/new')} id="ops-new-tenant">
          {say(page, 'navNewTenant')}
        </a>
      </p>
      {page.tenants.length ? (
        <div class="table-wrap">
          <table class="console-table" id="ops-tenants">
            <caption class="visually-hidden">{say(page, 'listTitle')}</caption>
            <thead>
              <tr>
                {headers.map((key) => (
                  <th scope="col">{say(page, key)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {page.tenants.map((tenant) => (
                <tr>
                  <th scope="row">
                    <a href={opsHref(page, `/ops/tenants/${tenant.slug}`)}>{tenant.name}</a>
                  </th>
                  <td>
                    <code>{tenant.slug}</code>
                  </td>
                  <td>{kindLabel(page.locale, tenant.kind)}</td>
                  <td>
                    <TenantStatusTag locale={page.locale} status={tenant.status} />
                  </td>
                  <td>
                    {tenant.schemaVersion}
                    {page.schemaHead !== undefined &&
                    tenant.schemaVersion < page.schemaHead &&
                    tenant.status !== 'offboarded'
                      ? ` (${say(page, 'schemaBehind')} ${page.schemaHead})`
                      : ''}
                  </td>
                  <td>
                    <UsageCell locale={page.locale} usage={tenant.usage} />
                  </td>
                  <td>{formatDate(page.locale, tenant.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p class="muted">{say(page, 'noTenants')}</p>
      )}
      <Pagination {...page} />
    </OpsFrame>
  );
}
