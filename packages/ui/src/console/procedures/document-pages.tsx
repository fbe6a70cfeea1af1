/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The papers a procedure asks for: the list with edit and remove, and the editor of one paper.
import { DataTable } from '../../shared/components.tsx';
import {
  CheckboxInput,
  EditForm,
  EditorFrame,
  Notice,
  PostButton,
  procedureHref,
  say,
  TextInput,
} from './components.tsx';
import type { EditFormValues, ProcedureDocumentRow, ProcedureNotice, ProcedurePageBase } from './types.ts';

export interface ProcedureDocumentListPageProps extends ProcedurePageBase {
  code: string;
  name: string;
  documents: ProcedureDocumentRow[];
  notice?: ProcedureNotice | undefined;
}

export function ProcedureDocumentListPage(page: ProcedureDocumentListPageProps) {
  const s = (key: Parameters<typeof say>[1]) => say(page, key);
  return (
    <EditorFrame
      {...page}
      title={s('partDocuments')}
      caption={`${page.code} — ${page.name}`}
      path={`/console/procedures/${page.code}/documents`}
      back={[procedureHref(page, page.code), 'backToOverview']}
    >
      {page.notice ? <Notice>{s(`done_${page.notice}`)}</Notice> : null}
      <p>{s('documentsIntro')}</p>
      {page.documents.length ? (
        <DataTable
          caption={s('documentsCaption')}
          headers={[s('colName'), s('colKey'), s('colRequired'), s('colCopies'), s('colActions')]}
        >
          {page.documents.map((d) => {
            const about = `“${d.name}”`;
            const href = (rest: string) => procedureHref(page, page.code, `/documents/${d.id}${rest}`);
            return (
              <tr>
                <td>{d.name}</td>
                <td>
                  <code>{d.id}</code>
                </td>
                <td>{s(d.required ? 'yes' : 'no')}</td>
                <td>
                  {d.originals} {s('originalsCount')}, {d.copies} {s('copiesCount')}
                </td>
                <td class="pe-actions">
                  <a href={href('')} id={`edit-document-${d.id}`}>
                    {s('edit')}
                    <span class="visually-hidden"> {about}</span>
                  </a>
                  <PostButton
                    action={href('/remove')}
                    id={`remove-document-${d.id}`}
                    label={s('remove')}
                    about={about}
                    secondary
                  />
                </td>
              </tr>
            );
          })}
        </DataTable>
      ) : (
        <p>{s('noDocuments')}</p>
      )}
      <p>
        <a href={procedureHref(page, page.code, '/add-document')} class="button" id="add-document">
          {s('addDocument')}
        </a>
      </p>
    </EditorFrame>
  );
}

export interface ProcedureDocumentEditorPageProps extends ProcedurePageBase, EditFormValues {
  documentId?: string | undefined;
  fileTypes: readonly string[];
}

const typeNames: Record<string, string> = { pdf: 'PDF', jpeg: 'JPG', png: 'PNG' };

export function ProcedureDocumentEditorPage(page: ProcedureDocumentEditorPageProps) {
  const s = (key: Parameters<typeof say>[1]) => say(page, key);
  const common = { locale: page.locale, values: page.values, errors: page.errors };
  const rest = page.documentId === undefined ? '/add-document' : `/documents/${page.documentId}`;
  const typesError = page.errors?.some((e) => e.field === 'accepted-pdf');
  return (
    <EditorFrame
      {...page}
      title={s(page.documentId === undefined ? 'addDocument' : 'editDocument')}
      caption={`${page.code} — ${page.name}`}
      path={`/console/procedures/${page.code}${rest}`}
      back={[procedureHref(page, page.code, '/documents'), 'backToDocuments']}
    >
      <EditForm action={procedureHref(page, page.code, rest)} id="document-form" button={s('save')}>
        <TextInput
          {...common}
          name="document-name-vi"
          label={s('documentNameVi')}
          hint={s('documentNameViHint')}
        />
        <TextInput
          {...common}
          name="document-name-en"
          label={s('documentNameEn')}
          hint={s('documentNameEnHint')}
        />
        <TextInput
          {...common}
          name="document-id"
          label={s('documentId')}
          hint={s('documentIdHint')}
          spellcheck={false}
        />
        <CheckboxInput
          {...common}
          name="document-required"
          label={s('documentRequired')}
          hint={s('documentRequiredHint')}
        />
        <TextInput
          {...common}
          name="originals"
          label={s('originals')}
          hint={s('originalsHint')}
          inputmode="numeric"
          class="pe-short"
        />
        <TextInput
          {...common}
          name="copies"
          label={s('copies')}
          hint={s('copiesHint')}
          inputmode="numeric"
          class="pe-short"
        />
        <fieldset class={typesError ? 'pe-rows field-error' : 'pe-rows'}>
          <legend>{s('acceptedTypes')}</legend>
          {page.fileTypes.map((type, index) => (
            <CheckboxInput
              {...common}
              name={`accepted-${type}`}
              label={typeNames[type] ?? type}
              hint={index === 0 ? s('acceptedTypesHint') : undefined}
            />
          ))}
        </fieldset>
        <TextInput
          {...common}
          name="max-size-mb"
          label={s('maxSizeMb')}
          hint={s('maxSizeMbHint')}
          inputmode="decimal"
          class="pe-short"
        />
        <TextInput
          {...common}
          name="template-file"
          label={s('templateFile')}
          hint={s('templateFileHint')}
          spellcheck={false}
        />
      </EditForm>
    </EditorFrame>
  );
}
