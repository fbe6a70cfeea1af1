/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The agency's units: the list with each one's state, renaming and closing an open unit, and
// adding one. A failed rename or close shows its message beside that row's control.
import { authHref } from '../../shared/page-base.ts';
import { Control, errorOf, InlineError, SettingsFrame, type SettingsPageBase } from './parts.tsx';
import { type SettingsStringKey, settingsShownDate, settingsText } from './strings.ts';

export const settingsUnitKinds = ['agency', 'department', 'commune', 'centre'] as const;
type Kind = (typeof settingsUnitKinds)[number];

export interface SettingsUnitRow {
  id: string;
  code: string;
  name: string;
  kind: Kind;
  parentName: string | null;
  validFrom: string;
  validTo: string | null;
  active: boolean;
  staffCount: number;
}

export interface SettingsUnitsPageProps extends SettingsPageBase {
  units: SettingsUnitRow[];
  /** Today in Vietnam (yyyy-mm-dd): the earliest closing date, and the one offered. */
  today: string;
  notice?: { action: 'created' | 'renamed' | 'closed'; name: string } | undefined;
  values?: { code?: string; name?: string; kind?: string; parentId?: string };
}

const noticeKey = { created: 'unitCreated', renamed: 'unitRenamed', closed: 'unitClosed' } as const;

function StatusCell(props: { page: SettingsUnitsPageProps; unit: SettingsUnitRow }) {
  const say = (key: SettingsStringKey) => settingsText(props.page.locale, key);
  const { unit } = props;
  if (!unit.validTo) return <span class="unit-status unit-open">{say('statusOpen')}</span>;
  const key = unit.active ? 'statusClosing' : 'statusClosed';
  return (
    <span
      class={`unit-status ${unit.active ? 'unit-closing' : 'unit-closed'}`}
    >{`${say(key)} ${settingsShownDate(unit.validTo)}`}</span>
  );
}

function RowActions(props: { page: SettingsUnitsPageProps; unit: SettingsUnitRow }) {
  const { page, unit } = props;
  const say = (key: SettingsStringKey) => settingsText(page.locale, key);
  if (!unit.active) return <span class="muted">—</span>;
  const renameId = `rename-${unit.id}`;
  const closeId = `close-${unit.id}`;
  const renameError = errorOf(page.errors, renameId);
  const closeError = errorOf(page.errors, closeId);
  return (
    <div class="unit-actions">
      <form
        method="post"
        action={authHref(page, `/console/units/${encodeURIComponent(unit.id)}/rename`)}
        id={`rename-form-${unit.id}`}
        class="row-form"
        novalidate
      >
        <label for={renameId} class="visually-hidden">{`${say('newNameFor')} ${unit.name}`}</label>
        <InlineError page={page} id={`${renameId}-error`} error={renameError} />
        <input
          id={renameId}
          name="name"
          type="text"
          value={unit.name}
          maxlength={200}
          autocomplete="off"
          aria-describedby={renameError ? `${renameId}-error` : undefined}
          aria-invalid={renameError ? 'true' : undefined}
        />
        <button type="submit" class="button secondary" id={`rename-button-${unit.id}`}>
          {say('rename')}
          <span class="visually-hidden"> {unit.name}</span>
        </button>
      </form>
      {unit.validTo ? null : (
        <form
          method="post"
          action={authHref(page, `/console/units/${encodeURIComponent(unit.id)}/close`)}
          id={`close-form-${unit.id}`}
          class="row-form"
          novalidate
        >
          <label for={closeId}>
            {`${say('closeOnFor')}`}
            <span class="visually-hidden"> {unit.name}</span>
          </label>
          <InlineError page={page} id={`${closeId}-error`} error={closeError} />
          <input
            id={closeId}
            name="onDate"
            type="date"
            value={page.today}
            min={page.today}
            aria-describedby={closeError ? `${closeId}-error` : undefined}
            aria-invalid={closeError ? 'true' : undefined}
          />
          <button type="submit" class="button warning" id={`close-button-${unit.id}`}>
            {say('close')}
            <span class="visually-hidden"> {unit.name}</span>
          </button>
        </form>
      )}
    </div>
  );
}

export function SettingsUnitsPage(page: SettingsUnitsPageProps) {
  const say = (key: SettingsStringKey) => settingsText(page.locale, key);
  const open = page.units.filter((u) => u.active);
  const kindError = errorOf(page.errors, 'kind');
  const parentError = errorOf(page.errors, 'parentId');
  return (
    <SettingsFrame
      {...page}
      title={say('unitsTitle')}
      path="/console/units"
      notice={page.notice ? `${say(noticeKey[page.notice.action])}: ${page.notice.name}` : undefined}
    >
      <p>{say('unitsIntro')}</p>
      {page.units.length ? (
        <div class="table-wrap">
          <table class="console-table units-table" id="units-table">
            <caption class="visually-hidden">{say('unitsTable')}</caption>
            <thead>
              <tr>
                <th scope="col">{say('unitNameLabel')}</th>
                <th scope="col">{say('colCode')}</th>
                <th scope="col">{say('colUnitKind')}</th>
                <th scope="col">{say('colParent')}</th>
                <th scope="col">{say('colFrom')}</th>
                <th scope="col">{say('colStatus')}</th>
                <th scope="col">{say('colStaff')}</th>
                <th scope="col">{say('colAction')}</th>
              </tr>
            </thead>
            <tbody>
              {page.units.map((unit) => (
                <tr id={`unit-${unit.id}`} class={unit.active ? undefined : 'unit-row-closed'}>
                  <th scope="row">{unit.name}</th>
                  <td>
                    <code>{unit.code}</code>
                  </td>
                  <td>{say(`kind_${unit.kind}`)}</td>
                  <td>{unit.parentName ?? '—'}</td>
                  <td>{settingsShownDate(unit.validFrom)}</td>
                  <td>
                    <StatusCell page={page} unit={unit} />
                  </td>
                  <td>{unit.staffCount}</td>
                  <td>
                    <RowActions page={page} unit={unit} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p id="units-empty">{say('unitsEmpty')}</p>
      )}
      <h2 id="create-unit-title">{say('createUnitTitle')}</h2>
      <form method="post" action={authHref(page, '/console/units')} id="unit-create" novalidate>
        <Control page={page} id="code" label={say('codeLabel')} hint={say('codeHint')}>
          {(describedBy, invalid) => (
            <input
              id="code"
              name="code"
              type="text"
              value={page.values?.code ?? ''}
              maxlength={40}
              autocomplete="off"
              spellcheck={false}
              aria-describedby={describedBy}
              aria-invalid={invalid ? 'true' : undefined}
            />
          )}
        </Control>
        <Control page={page} id="name" label={say('unitNameLabel')}>
          {(describedBy, invalid) => (
            <input
              id="name"
              name="name"
              type="text"
              value={page.values?.name ?? ''}
              maxlength={200}
              autocomplete="off"
              aria-describedby={describedBy}
              aria-invalid={invalid ? 'true' : undefined}
            />
          )}
        </Control>
        <Control page={page} id="kind" label={say('kindLabel')}>
          {(describedBy) => (
            <select
              id="kind"
              name="kind"
              aria-describedby={describedBy}
              aria-invalid={kindError ? 'true' : undefined}
            >
              {settingsUnitKinds.map((kind) => (
                <option value={kind} selected={(page.values?.kind ?? 'department') === kind}>
                  {say(`kind_${kind}`)}
                </option>
              ))}
            </select>
          )}
        </Control>
        <Control page={page} id="parentId" label={say('parentLabel')}>
          {(describedBy) => (
            <select
              id="parentId"
              name="parentId"
              aria-describedby={describedBy}
              aria-invalid={parentError ? 'true' : undefined}
            >
              <option value="">{say('noParent')}</option>
              {open.map((u) => (
                <option value={u.id} selected={page.values?.parentId === u.id}>
                  {`${u.name} (${u.code})`}
                </option>
              ))}
            </select>
          )}
        </Control>
        <button type="submit" class="button" id="create-unit">
          {say('createUnitButton')}
        </button>
      </form>
    </SettingsFrame>
  );
}
