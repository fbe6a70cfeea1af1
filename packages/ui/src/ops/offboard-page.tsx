/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// Offboarding asks twice: this page says what happens and where the export is, then the operator
// types the agency's slug, so that a slip of the mouse cannot end an agency's service.
import { Field } from '../shared/forms.tsx';
import { OpsFrame, type OpsPageBase, opsHref, say } from './parts.tsx';

export interface OffboardPageProps extends OpsPageBase {
  tenant: { slug: string; name: string };
  /** Set when an export archive from an earlier run exists. */
  exportUrl?: string | undefined;
  typed?: string;
}

export function OpsOffboardPage(page: OffboardPageProps) {
  const { slug } = page.tenant;
  return (
    <OpsFrame
      {...page}
      title={`${say(page, 'offboardTitle')}: ${page.tenant.name}`}
      path={`/ops/tenants/${slug}/offboard`}
      back={{ href: opsHref(page, `/ops/tenants/${slug}`), label: say(page, 'backToTenant') }}
    >
      <div class="banner warning">
        <p>{say(page, 'offboardWarning')}</p>
      </div>
      <h2>{say(page, 'offboardExportTitle')}</h2>
      {page.exportUrl ? (
        <>
          <p>{say(page, 'offboardExportAvailable')}</p>
          <p>
            <a href={page.exportUrl} id="ops-export">
              {say(page, 'exportDownload')}
            </a>
          </p>
        </>
      ) : (
        <p>{say(page, 'offboardExportNone')}</p>
      )}
      <h2>{say(page, 'offboardButton')}</h2>
      <form
        method="post"
        action={opsHref(page, `/ops/tenants/${slug}/offboard`)}
        id="ops-offboard-form"
        novalidate
      >
        <Field
          locale={page.locale}
          name="confirm"
          label={say(page, 'fieldConfirm')}
          hint={`${say(page, 'fieldConfirmHint')} ${slug}`}
          value={page.typed ?? ''}
          autocomplete="off"
          errors={page.errors}
        />
        <button type="submit" class="button danger" id="ops-offboard-confirm">
          {say(page, 'offboardButton')}
        </button>
      </form>
    </OpsFrame>
  );
}
