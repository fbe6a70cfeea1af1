/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// Fees and workflow steps, each a table of rows on one page: a filled row is kept, an emptied
// one dropped, and there are always empty rows to add to.
import { EditForm, EditorFrame, hintFor, procedureHref, SelectInput, say, TextInput } from './components.tsx';
import type { ProcedureEditPageProps } from './types.ts';

/**
 * A row's id, kept as it is while the row is edited (dossiers' fee lines and steps refer to it);
 * a new row's id is made from its Vietnamese name.
 */
function RowId(props: { name: string; values: Record<string, string> }) {
  const value = props.values[props.name];
  return value ? <input type="hidden" name={props.name} value={value} /> : null;
}

/** Every filled row and two empty ones, at least three, at most `max`. */
export function procedureRowCount(values: Record<string, string>, prefix: 'fee' | 'step', max = 50): number {
  const filled = Object.entries(values)
    .filter(([key, value]) => value.trim() && !key.startsWith(`${prefix}-role-`))
    .map(([key]) => new RegExp(`^${prefix}-[a-z-]+-(\\d+)$`).exec(key)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number);
  return Math.min(max, Math.max(3, ...filled.map((n) => n + 3)));
}

export function ProcedureFeesPage(page: ProcedureEditPageProps) {
  const s = (key: Parameters<typeof say>[1]) => say(page, key);
  const common = { locale: page.locale, values: page.values, errors: page.errors };
  return (
    <EditorFrame
      {...page}
      title={s('partFees')}
      caption={`${page.code} — ${page.name}`}
      path={`/console/procedures/${page.code}/fees`}
      back={[procedureHref(page, page.code), 'backToOverview']}
    >
      <p>{s('feesIntro')}</p>
      <EditForm action={procedureHref(page, page.code, '/fees')} id="fees-form" button={s('save')}>
        {Array.from({ length: procedureRowCount(page.values, 'fee') }, (_, row) => (
          <fieldset class="pe-row">
            <legend>
              {s('fee')} {row + 1}
            </legend>
            <TextInput
              {...common}
              name={`fee-name-vi-${row}`}
              label={s('feeNameVi')}
              {...hintFor(row, 'fee-name-vi', s('feeNameViHint'))}
            />
            <TextInput
              {...common}
              name={`fee-name-en-${row}`}
              label={s('feeNameEn')}
              {...hintFor(row, 'fee-name-en', s('feeNameEnHint'))}
            />
            <TextInput
              {...common}
              name={`fee-amount-${row}`}
              label={s('feeAmount')}
              {...hintFor(row, 'fee-amount', s('feeAmountHint'))}
              inputmode="numeric"
              class="pe-short"
            />
            <RowId name={`fee-id-${row}`} values={page.values} />
          </fieldset>
        ))}
      </EditForm>
    </EditorFrame>
  );
}

const roles = ['specialist', 'approver', 'reception', 'clerk'] as const;

export function ProcedureStepsPage(page: ProcedureEditPageProps) {
  const s = (key: Parameters<typeof say>[1]) => say(page, key);
  const common = { locale: page.locale, values: page.values, errors: page.errors };
  const options = roles.map((r): [string, string] => [r, s(`role_${r}`)]);
  return (
    <EditorFrame
      {...page}
      title={s('partSteps')}
      caption={`${page.code} — ${page.name}`}
      path={`/console/procedures/${page.code}/steps`}
      back={[procedureHref(page, page.code), 'backToOverview']}
    >
      <p>{s('stepsIntro')}</p>
      <EditForm action={procedureHref(page, page.code, '/steps')} id="steps-form" button={s('save')}>
        {Array.from({ length: procedureRowCount(page.values, 'step') }, (_, row) => (
          <fieldset class="pe-row">
            <legend>
              {s('step')} {row + 1}
            </legend>
            <TextInput
              {...common}
              name={`step-name-vi-${row}`}
              label={s('stepNameVi')}
              {...hintFor(row, 'step-name-vi', s('stepNameViHint'))}
            />
            <TextInput
              {...common}
              name={`step-name-en-${row}`}
              label={s('stepNameEn')}
              {...hintFor(row, 'step-name-en', s('stepNameEnHint'))}
            />
            <SelectInput
              {...common}
              name={`step-role-${row}`}
              label={s('stepRole')}
              {...hintFor(row, 'step-role', s('stepRoleHint'))}
              options={options}
            />
            <TextInput
              {...common}
              name={`step-hours-${row}`}
              label={s('stepHours')}
              {...hintFor(row, 'step-hours', s('stepHoursHint'))}
              inputmode="decimal"
              class="pe-short"
            />
            <RowId name={`step-id-${row}`} values={page.values} />
          </fieldset>
        ))}
      </EditForm>
    </EditorFrame>
  );
}
