/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The dossier form rendered from the procedure version: the fields its conditions show for the
// answers so far, the papers it asks for, an error summary linking to each problem. One
// multipart form: "Update" re-renders with the conditions applied, "Save draft" keeps it for
// later, "Continue" checks it and goes to the review; each upload button posts it to the upload
// route, so typed answers are saved along with the file.

import { Banner } from '../../shared/components.tsx';
import { Frame } from '../../shared/forms.tsx';
import { authHref } from '../../shared/page-base.ts';
import { DocumentBlock } from './documents.tsx';
import { anchorOf, DossierField } from './fields.tsx';
import { portalFormScriptPath } from './script.ts';
import { type PortalFormStringKey, portalFormText } from './strings.ts';
import type { DocumentView, FieldErrorView, FieldView, PortalFormBase } from './types.ts';

export type DossierFormNotice = 'saved' | 'uploaded';

export interface DossierFormPageProps extends PortalFormBase {
  dossierId: string;
  procedureName: string;
  /** The fields shown for the answers so far, in form order. */
  fields: FieldView[];
  /** Papers that apply but have no file field of their own. */
  documents: DocumentView[];
  /** Whether any field, fee or paper depends on an answer: then "Update" is offered. */
  hasConditions: boolean;
  errors?: FieldErrorView[];
  notice?: DossierFormNotice | undefined;
}

const noticeKeys: Record<DossierFormNotice, PortalFormStringKey> = {
  saved: 'savedNotice',
  uploaded: 'uploadedNotice',
};

/** The summary's entries with the id each links to. */
function summaryOf(errors: FieldErrorView[], fields: FieldView[]) {
  const anchors: Record<string, string> = {};
  const list = errors.map((error, index) => {
    const anchor = anchorOf(error, fields);
    if (!anchor) return { message: error.message };
    const key = `e${index}`;
    anchors[key] = anchor;
    return { field: key, message: error.message };
  });
  return { list, anchors };
}

export function DossierFormPage(page: DossierFormPageProps) {
  const { locale, fields } = page;
  const say = (key: PortalFormStringKey) => portalFormText(locale, key);
  const errors = page.errors ?? [];
  const { list, anchors } = summaryOf(errors, fields);
  const path = `/dossiers/${page.dossierId}`;
  const uploadAction = authHref(page, `${path}/files`);
  return (
    <Frame
      {...page}
      errors={list}
      anchors={anchors}
      title={page.procedureName}
      path={`${path}/edit`}
      before={<p class="pf-caption">{say('caption')}</p>}
    >
      {page.notice ? <Banner>{say(noticeKeys[page.notice])}</Banner> : null}
      <p>{say('editIntro')}</p>
      <form
        id="dossier-form"
        class="pf-form"
        method="post"
        action={authHref(page, `${path}/edit`)}
        enctype="multipart/form-data"
        novalidate
      >
        {/* Enter in a text box presses the first submit button: make that "Update", not an upload.
            Out of the tab order; a screen reader may meet it, and it does what it says. */}
        <button type="submit" name="_action" value="update" class="visually-hidden" tabindex={-1}>
          {say('updateButton')}
        </button>
        <input type="hidden" name="_shown" value={fields.map((f) => f.id).join(',')} />
        {fields.map((field) => (
          <DossierField locale={locale} field={field} errors={errors} uploadAction={uploadAction} />
        ))}
        {page.documents.length ? (
          <section aria-labelledby="documents-heading">
            <h2 id="documents-heading">{say('documentsHeading')}</h2>
            {page.documents.map((document) => (
              <DocumentBlock
                locale={locale}
                document={document}
                error={errors.find((e) => e.documentId === document.id)}
                uploadAction={uploadAction}
              />
            ))}
          </section>
        ) : null}
        {page.hasConditions ? (
          <p id="update-hint" class="hint">
            {say('updateHint')}
          </p>
        ) : null}
        <div class="pf-actions">
          <button type="submit" id="continue" name="_action" value="continue" class="button">
            {say('continueButton')}
          </button>
          <button type="submit" id="save-draft" name="_action" value="save" class="button pf-secondary">
            {say('saveButton')}
          </button>
          {page.hasConditions ? (
            <button
              type="submit"
              id="update-form"
              name="_action"
              value="update"
              class="button pf-secondary"
              aria-describedby="update-hint"
            >
              {say('updateButton')}
            </button>
          ) : null}
        </div>
      </form>
      <script src={`${page.basePath}${portalFormScriptPath}`} defer />
    </Frame>
  );
}
