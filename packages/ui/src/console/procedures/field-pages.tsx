/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The form's fields: the list with edit, move and remove, and the editor of one field (key, type,
// labels, hint, required, choices, the paper it uploads, and its show-when condition).
import { DataTable } from '../../shared/components.tsx';
import {
  CheckboxInput,
  EditForm,
  EditorFrame,
  Notice,
  procedureHref,
  SelectInput,
  say,
  TextArea,
  TextInput,
} from './components.tsx';
import { procedureTextOr } from './strings.ts';
import type { EditFormValues, ProcedureFieldRow, ProcedureNotice, ProcedurePageBase } from './types.ts';

/** One of a row's buttons; they share one form (moves post `direction`, removal its own action). */
function RowButton(props: {
  id: string;
  label: string;
  /** The id of the row's header: the button's name is "Up Full name", not just "Up". */
  about: string;
  direction?: 'up' | 'down';
  formaction?: string;
}) {
  return (
    <button
      type="submit"
      id={props.id}
      class="button pe-secondary"
      name={props.direction ? 'direction' : undefined}
      value={props.direction}
      formaction={props.formaction}
      aria-labelledby={`${props.id} ${props.about}`}
    >
      {props.label}
    </button>
  );
}

export interface ProcedureFieldListPageProps extends ProcedurePageBase {
  code: string;
  name: string;
  fields: ProcedureFieldRow[];
  notice?: ProcedureNotice | undefined;
}

export function ProcedureFieldListPage(page: ProcedureFieldListPageProps) {
  const s = (key: Parameters<typeof say>[1]) => say(page, key);
  const base = `/fields`;
  return (
    <EditorFrame
      {...page}
      title={s('partFields')}
      caption={`${page.code} — ${page.name}`}
      path={`/console/procedures/${page.code}/fields`}
      back={[procedureHref(page, page.code), 'backToOverview']}
    >
      {page.notice ? <Notice>{s(`done_${page.notice}`)}</Notice> : null}
      <p>{s('fieldsIntro')}</p>
      {page.fields.length ? (
        <DataTable
          caption={s('fieldsCaption')}
          headers={[
            s('colLabel'),
            s('colKey'),
            s('colType'),
            s('colRequired'),
            s('colShownWhen'),
            s('colActions'),
          ]}
        >
          {page.fields.map((field, index) => {
            const about = `field-${index}`;
            const action = (rest: string) => procedureHref(page, page.code, `${base}/${field.key}${rest}`);
            return (
              <tr>
                <th scope="row" id={about}>
                  {field.label}
                </th>
                <td>
                  <code>{field.key}</code>
                </td>
                <td>{procedureTextOr(page.locale, `type_${field.type}`, field.type)}</td>
                <td>{s(field.required ? 'yes' : 'no')}</td>
                <td>{field.shownWhen ?? s('always')}</td>
                <td class="pe-actions">
                  <a
                    href={action('')}
                    id={`edit-field-${field.key}`}
                    aria-labelledby={`edit-field-${field.key} ${about}`}
                  >
                    {s('edit')}
                  </a>
                  <form method="post" action={action('/move')} class="pe-inline pe-actions">
                    {index > 0 ? (
                      <RowButton
                        id={`move-up-${field.key}`}
                        label={s('moveUp')}
                        about={about}
                        direction="up"
                      />
                    ) : null}
                    {index < page.fields.length - 1 ? (
                      <RowButton
                        id={`move-down-${field.key}`}
                        label={s('moveDown')}
                        about={about}
                        direction="down"
                      />
                    ) : null}
                    <RowButton
                      id={`remove-field-${field.key}`}
                      label={s('remove')}
                      about={about}
                      formaction={action('/remove')}
                    />
                  </form>
                </td>
              </tr>
            );
          })}
        </DataTable>
      ) : (
        <p>{s('noFields')}</p>
      )}
      <p>
        <a href={procedureHref(page, page.code, '/add-field')} class="button" id="add-field">
          {s('addField')}
        </a>
      </p>
    </EditorFrame>
  );
}

export interface ProcedureFieldEditorPageProps extends ProcedurePageBase, EditFormValues {
  /** The field being changed; absent when adding one. */
  fieldKey?: string | undefined;
  fieldTypes: readonly string[];
  /** Fields above this one, which its condition may test: key and label. */
  earlierFields: [key: string, label: string][];
  /** Papers a file field may upload: id and name. */
  documents: [id: string, name: string][];
  /** The field has a combined condition the two inputs cannot show. */
  combinedCondition: boolean;
}

export function ProcedureFieldEditorPage(page: ProcedureFieldEditorPageProps) {
  const s = (key: Parameters<typeof say>[1]) => say(page, key);
  const common = { locale: page.locale, values: page.values, errors: page.errors };
  const rest = page.fieldKey === undefined ? '/add-field' : `/fields/${page.fieldKey}`;
  const types = page.fieldTypes.map((t): [string, string] => [
    t,
    procedureTextOr(page.locale, `type_${t}`, t),
  ]);
  return (
    <EditorFrame
      {...page}
      title={s(page.fieldKey === undefined ? 'addField' : 'editField')}
      caption={`${page.code} — ${page.name}`}
      path={`/console/procedures/${page.code}${rest}`}
      back={[procedureHref(page, page.code, '/fields'), 'backToFields']}
    >
      <EditForm action={procedureHref(page, page.code, rest)} id="field-form" button={s('save')}>
        <TextInput {...common} name="label-vi" label={s('labelVi')} hint={s('labelViHint')} />
        <TextInput {...common} name="label-en" label={s('labelEn')} hint={s('labelEnHint')} />
        <SelectInput
          {...common}
          name="field-type"
          label={s('fieldType')}
          hint={s('fieldTypeHint')}
          options={[['', s('chooseOne')], ...types]}
        />
        <TextInput
          {...common}
          name="field-key"
          label={s('fieldKey')}
          hint={s('fieldKeyHint')}
          spellcheck={false}
        />
        <TextInput {...common} name="help-vi" label={s('helpVi')} hint={s('helpViHint')} />
        <TextInput {...common} name="help-en" label={s('helpEn')} hint={s('helpEnHint')} />
        <CheckboxInput {...common} name="required" label={s('required')} hint={s('requiredHint')} />
        <TextArea {...common} name="options" label={s('options')} hint={s('optionsHint')} rows={5} />
        <SelectInput
          {...common}
          name="field-document"
          label={s('fieldDocument')}
          hint={s('fieldDocumentHint')}
          options={[['', s('noDocument')], ...page.documents]}
        />
        <fieldset class="pe-rows">
          <legend>{s('conditionTitle')}</legend>
          <SelectInput
            {...common}
            name="condition-field"
            label={s('conditionField')}
            hint={s('conditionFieldHint')}
            options={[
              ['', s('always')],
              ...page.earlierFields.map(([key, label]): [string, string] => [key, `${label} (${key})`]),
            ]}
          />
          <TextInput
            {...common}
            name="condition-value"
            label={s('conditionValue')}
            hint={s('conditionValueHint')}
          />
          {page.combinedCondition ? (
            <>
              <p class="pe-note">{s('conditionKept')}</p>
              <CheckboxInput
                {...common}
                name="condition-clear"
                label={s('conditionClear')}
                hint={s('conditionClearHint')}
              />
            </>
          ) : null}
        </fieldset>
      </EditForm>
    </EditorFrame>
  );
}
