/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The agency's staff: each person's role, unit and status changed in their own row, a new
// invitation for someone who has not accepted yet, and the form that invites a new person.
import { authText, roleName } from '../../shared/auth-strings.ts';
import { Banner, DataTable } from '../../shared/components.tsx';
import { ErrorMessage, Field, Form, type FormError } from '../../shared/forms.tsx';
import { authHref } from '../../shared/page-base.ts';
import { ConsoleFrame, type ConsolePageBase, say } from '../parts.tsx';

export const staffRoleNames = ['admin', 'reception', 'specialist', 'approver', 'clerk', 'viewer'] as const;

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

/** The options of the page's selects, in the page's language. */
interface Choices {
  roles: [string, string][];
  statuses: [string, string][];
  units: [string, string][];
}

function choicesOf(page: StaffPageProps): Choices {
  return {
    roles: staffRoleNames.map((r) => [r, roleName(page.locale, r)] as [string, string]),
    statuses: [
      ['active', say(page, 'statusActive')],
      ['disabled', say(page, 'statusDisabled')],
    ],
    units: [['', say(page, 'wholeAgency')], ...page.units.map((u) => [u.id, u.name] as [string, string])],
  };
}

export function StaffPage(page: StaffPageProps) {
  const choices = choicesOf(page);
  const rowErrors = page.failedRow ? (page.errors ?? []) : [];
  const inviteErrors = page.failedRow ? [] : page.errors;
  return (
    <ConsoleFrame {...page} title={say(page, 'staffTitle')} path="/console/staff" back>
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
          {page.staff.map((s) => (
            <StaffTableRow page={page} choices={choices} person={s} rowErrors={rowErrors} />
          ))}
        </DataTable>
      ) : (
        <p>{say(page, 'noStaff')}</p>
      )}
      <h2>{say(page, 'inviteTitle')}</h2>
      <p id="invite-hint" class="hint">
        {say(page, 'inviteHint')}
      </p>
      <InviteForm page={page} choices={choices} errors={inviteErrors} />
    </ConsoleFrame>
  );
}

function StaffTableRow(props: {
  page: StaffPageProps;
  choices: Choices;
  person: StaffRow;
  rowErrors: FormError[];
}) {
  const { page, person: s } = props;
  const unitName = (id: string | null) =>
    id ? (page.units.find((u) => u.id === id)?.name ?? id) : say(page, 'wholeAgency');
  return (
    <tr>
      <th scope="row">{s.fullName}</th>
      <td>{s.email}</td>
      <td>{roleName(page.locale, s.role)}</td>
      <td>{unitName(s.unitId)}</td>
      <td>{say(page, statusKey[s.status])}</td>
      <td>
        <ChangeForm {...props} />
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
}

/** One person's role, unit and (once they accepted) status, with the row's error above them. */
function ChangeForm(props: {
  page: StaffPageProps;
  choices: Choices;
  person: StaffRow;
  rowErrors: FormError[];
}) {
  const { page, choices, person: s, rowErrors } = props;
  const failed = page.failedRow === s.id && rowErrors.length > 0;
  const errorId = `row-${s.id}-error`;
  return (
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
        options={choices.roles}
        value={s.role}
        describedBy={failed ? errorId : undefined}
      />
      <label for={`unit-${s.id}`} class="visually-hidden">
        {`${say(page, 'unitFor')} ${s.fullName}`}
      </label>
      <Select
        id={`unit-${s.id}`}
        name="unitId"
        options={choices.units}
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
            options={choices.statuses}
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
  );
}

function InviteForm(props: { page: StaffPageProps; choices: Choices; errors: FormError[] | undefined }) {
  const { page, choices, errors } = props;
  const roleError = errors?.find((e) => e.field === 'role');
  const unitError = errors?.find((e) => e.field === 'unitId');
  return (
    <Form action={authHref(page, '/console/staff/invite')} button={say(page, 'inviteButton')}>
      <Field
        locale={page.locale}
        name="fullName"
        label={say(page, 'name')}
        value={page.values?.fullName ?? ''}
        autocomplete="off"
        errors={errors}
      />
      <Field
        locale={page.locale}
        name="email"
        type="email"
        label={say(page, 'email')}
        value={page.values?.email ?? ''}
        autocomplete="off"
        errors={errors}
      />
      <div class={roleError ? 'field field-error' : 'field'}>
        <label for="role">{say(page, 'role')}</label>
        <ErrorMessage locale={page.locale} id="role-error" error={roleError} />
        <Select
          id="role"
          name="role"
          options={choices.roles}
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
          options={choices.units}
          value={page.values?.unitId ?? ''}
          describedBy={unitError ? 'unitId-hint unitId-error' : 'unitId-hint'}
          invalid={Boolean(unitError)}
        />
      </div>
    </Form>
  );
}
