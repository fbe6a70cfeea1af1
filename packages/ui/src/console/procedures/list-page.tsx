/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The agency's procedures: each with its status, live version, whether the draft has changes and
// how many problems block publishing; and the form that starts a new procedure.
import { DataTable } from '../../shared/components.tsx';
import { authHref } from '../../shared/page-base.ts';
import { EditForm, EditorFrame, Notice, procedureHref, StatusTag, say, TextInput } from './components.tsx';
import type { ProcedureListRow, ProcedureNotice, ProcedurePageBase } from './types.ts';

export interface ProcedureListPageProps extends ProcedurePageBase {
  rows: ProcedureListRow[];
  values?: Record<string, string>;
  notice?: ProcedureNotice | undefined;
}

export function ProcedureListPage(page: ProcedureListPageProps) {
  const values = page.values ?? {};
  return (
    <EditorFrame
      {...page}
      title={say(page, 'listTitle')}
      path="/console/procedures"
      back={[authHref(page, '/console'), 'backToConsole']}
    >
      {page.notice ? <Notice>{say(page, `done_${page.notice}`)}</Notice> : null}
      <p>{say(page, 'listIntro')}</p>
      {page.rows.length ? (
        <DataTable
          caption={say(page, 'listCaption')}
          headers={[
            say(page, 'colCode'),
            say(page, 'colName'),
            say(page, 'colStatus'),
            say(page, 'colVersion'),
            say(page, 'colChanges'),
            say(page, 'colProblems'),
          ]}
        >
          {page.rows.map((row) => (
            <tr>
              <td>
                <a href={procedureHref(page, row.code)}>{row.code}</a>
              </td>
              <td>{row.name}</td>
              <td>
                <StatusTag locale={page.locale} status={row.status} />
              </td>
              <td>{row.currentVersion ?? '—'}</td>
              <td>{say(page, row.unpublishedChanges ? 'yes' : 'no')}</td>
              <td>{row.problemCount || say(page, 'none')}</td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <p>{say(page, 'noProcedures')}</p>
      )}
      <h2 id="new-procedure">{say(page, 'newTitle')}</h2>
      <EditForm action={procedureHref(page)} id="new-procedure-form" button={say(page, 'newButton')}>
        <TextInput
          locale={page.locale}
          name="code"
          label={say(page, 'code')}
          hint={say(page, 'codeHint')}
          values={values}
          errors={page.errors}
          spellcheck={false}
        />
        <TextInput
          locale={page.locale}
          name="name-vi"
          label={say(page, 'nameVi')}
          hint={say(page, 'nameViHint')}
          values={values}
          errors={page.errors}
        />
      </EditForm>
    </EditorFrame>
  );
}
