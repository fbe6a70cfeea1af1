/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The draft's form as a citizen will see it, drawn by the portal's own field components; each
// field that depends on an answer says so, and nothing on the page can be submitted.
import { DocumentBlock } from '../../portal/dossier-form/documents.tsx';
import { DossierField } from '../../portal/dossier-form/fields.tsx';
import type { DocumentView, FieldView } from '../../portal/dossier-form/types.ts';
import { EditorFrame, procedureHref, say } from './components.tsx';
import type { ProcedurePageBase } from './types.ts';

export interface ProcedurePreviewPageProps extends ProcedurePageBase {
  code: string;
  name: string;
  /** The fields in form order, with their condition in words when they depend on an answer. */
  fields: { view: FieldView; shownWhen?: string | undefined }[];
  /** Papers that have no upload field of their own. */
  documents: DocumentView[];
  /** Fields that are not valid yet: key and label. */
  broken: [key: string, label: string][];
}

export function ProcedurePreviewPage(page: ProcedurePreviewPageProps) {
  const s = (key: Parameters<typeof say>[1]) => say(page, key);
  return (
    <EditorFrame
      {...page}
      title={page.name || page.code}
      caption={s('previewTitle')}
      path={`/console/procedures/${page.code}/preview`}
      back={[procedureHref(page, page.code), 'backToOverview']}
    >
      <div class="banner warning" role="note" id="preview-banner">
        <p>{s('previewBanner')}</p>
      </div>
      {page.broken.length ? (
        <div class="pe-broken">
          <p>{s('previewBroken')}</p>
          <ul>
            {page.broken.map(([key, label]) => (
              <li>
                <a href={procedureHref(page, page.code, `/fields/${key}`)}>{label || key}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {page.fields.length ? null : <p>{s('previewEmpty')}</p>}
      <div class="pf-form pe-preview">
        {page.fields.map(({ view, shownWhen }) => (
          <div class="pe-preview-field">
            {shownWhen ? (
              <p class="pe-note">
                {s('previewShownWhen')}: {shownWhen}
              </p>
            ) : null}
            <DossierField locale={page.locale} field={view} errors={[]} uploadAction="#" />
          </div>
        ))}
        {page.documents.length ? <h2>{s('previewPapers')}</h2> : null}
        {page.documents.map((document) => (
          <DocumentBlock locale={page.locale} document={document} error={undefined} uploadAction="#" />
        ))}
      </div>
    </EditorFrame>
  );
}
