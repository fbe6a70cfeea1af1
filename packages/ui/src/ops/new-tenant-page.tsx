/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The onboarding form: slug, name, kind and the first administrator's email. Posting it starts
// provisioning and leads to the agency's page, where the steps show as they run.
import { described, ErrorMessage, Field } from '../shared/forms.tsx';
import { OpsFrame, type OpsPageBase, opsHref, say } from './parts.tsx';

export interface NewTenantValues {
  slug?: string;
  name?: string;
  kind?: string;
  adminEmail?: string;
}

function KindField(page: OpsPageBase & { value: string | undefined }) {
  const error = page.errors?.find((e) => e.field === 'kind');
  const options = [
    ['province', say(page, 'kindProvince')],
    ['ministry', say(page, 'kindMinistry')],
  ] as const;
  return (
    <fieldset
      class={error ? 'field field-error' : 'field'}
      aria-describedby={described(error && 'kind-error')}
    >
      <legend>{say(page, 'fieldKind')}</legend>
      <ErrorMessage locale={page.locale} id="kind-error" error={error} />
      {options.map(([value, label]) => (
        <div class="ops-radio">
          <input
            type="radio"
            id={`kind-${value}`}
            name="kind"
            value={value}
            checked={page.value === value}
            aria-invalid={error ? 'true' : undefined}
          />
          <label for={`kind-${value}`}>{label}</label>
        </div>
      ))}
    </fieldset>
  );
}

export function OpsNewTenantPage(page: OpsPageBase & { values?: NewTenantValues; platformDomain: string }) {
  const values = page.values ?? {};
  return (
    <OpsFrame
      {...page}
      title={say(page, 'newTitle')}
      path="/ops/tenants/new"
      anchors={{ kind: 'kind-province' }}
      back={{ href: opsHref(page, '/ops'), label: say(page, 'backToList') }}
    >
      <p>{say(page, 'newIntro')}</p>
      <form method="post" action={opsHref(page, '/ops/tenants')} id="ops-new-tenant-form" novalidate>
        <Field
          locale={page.locale}
          name="name"
          label={say(page, 'fieldName')}
          hint={say(page, 'fieldNameHint')}
          value={values.name ?? ''}
          autocomplete="organization"
          errors={page.errors}
        />
        <Field
          locale={page.locale}
          name="slug"
          label={say(page, 'fieldSlug')}
          hint={`${say(page, 'fieldSlugHint')}${page.platformDomain}`}
          value={values.slug ?? ''}
          autocomplete="off"
          errors={page.errors}
        />
        <KindField {...page} value={values.kind} />
        <Field
          locale={page.locale}
          name="adminEmail"
          type="email"
          label={say(page, 'fieldAdminEmail')}
          hint={say(page, 'fieldAdminEmailHint')}
          value={values.adminEmail ?? ''}
          autocomplete="email"
          errors={page.errors}
        />
        <button type="submit" class="button" id="ops-create-tenant">
          {say(page, 'createButton')}
        </button>
      </form>
    </OpsFrame>
  );
}
