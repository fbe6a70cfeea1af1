/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// A paper the procedure asks for: what it accepts, the files uploaded for it with their status,
// and a file input whose button posts the whole form (answers included, so nothing typed is lost)
// as multipart to the upload route. Works without JavaScript.
import { described, ErrorMessage } from '../../shared/forms.tsx';
import type { Locale } from '../../shared/i18n.ts';
import { formatBytes } from './format.ts';
import { type PortalFormStringKey, portalFormText } from './strings.ts';
import type { DocumentView, FieldErrorView, UploadedFileView } from './types.ts';

const statusKeys: Record<UploadedFileView['status'], PortalFormStringKey> = {
  verified: 'statusVerified',
  pending: 'statusPending',
  rejected: 'statusRejected',
};

const mediaTypes: Record<string, string> = {
  PDF: '.pdf,application/pdf',
  JPG: '.jpg,.jpeg,image/jpeg',
  PNG: '.png,image/png',
};

export function FileStatus(props: { locale: Locale; status: UploadedFileView['status'] }) {
  return (
    <strong class={`pf-tag pf-tag-${props.status}`}>
      {portalFormText(props.locale, statusKeys[props.status])}
    </strong>
  );
}

export function FileList(props: { locale: Locale; files: UploadedFileView[]; id?: string }) {
  if (!props.files.length) {
    return (
      <p id={props.id} class="pf-files-empty">
        {portalFormText(props.locale, 'noFiles')}
      </p>
    );
  }
  return (
    <ul id={props.id} class="pf-files">
      {props.files.map((file) => (
        <li>
          <span class="pf-file-name">{file.fileName}</span>{' '}
          <span class="muted">({formatBytes(props.locale, file.sizeBytes)})</span>{' '}
          <FileStatus locale={props.locale} status={file.status} />
        </li>
      ))}
    </ul>
  );
}

/** "Accepted files: PDF, JPG, up to 10 MB". */
export function acceptedHint(locale: Locale, document: Pick<DocumentView, 'acceptedTypes' | 'maxSizeBytes'>) {
  const say = (key: PortalFormStringKey) => portalFormText(locale, key);
  return `${say('accepts')} ${document.acceptedTypes.join(', ')}, ${say('upTo')} ${formatBytes(locale, document.maxSizeBytes)}.`;
}

export function DocumentBlock(props: {
  locale: Locale;
  document: DocumentView;
  hint?: string | undefined;
  error: FieldErrorView | undefined;
  uploadAction: string;
}) {
  const { locale, document, error } = props;
  const say = (key: PortalFormStringKey) => portalFormText(locale, key);
  const base = `doc-${document.id}`;
  const inputId = `${base}-file`;
  return (
    <fieldset id={base} class={error ? 'field field-error pf-document' : 'field pf-document'}>
      <legend>
        {document.name}
        {document.required ? null : <span class="pf-optional"> {say('optional')}</span>}
      </legend>
      {props.hint ? (
        <p id={`${base}-help`} class="hint">
          {props.hint}
        </p>
      ) : null}
      <p id={`${base}-hint`} class="hint">
        {acceptedHint(locale, document)}
      </p>
      {document.templateHref ? (
        <p>
          <a href={document.templateHref}>{say('template')}</a>
        </p>
      ) : null}
      <p class="pf-files-title">{say('filesOf')}</p>
      <FileList locale={locale} files={document.files} id={`${base}-files`} />
      <ErrorMessage
        locale={locale}
        id={`${base}-error`}
        error={error ? { message: error.message } : undefined}
      />
      <div class="pf-upload">
        <label for={inputId}>
          {say('chooseFile')}
          <span class="visually-hidden"> “{document.name}”</span>
        </label>
        <input
          id={inputId}
          name={`_file.${document.id}`}
          type="file"
          accept={document.acceptedTypes.map((t) => mediaTypes[t] ?? '').join(',')}
          aria-describedby={described(props.hint && `${base}-help`, `${base}-hint`, error && `${base}-error`)}
          aria-invalid={error ? 'true' : undefined}
        />
        <button
          type="submit"
          id={`upload-${document.id}`}
          class="button pf-secondary"
          formaction={props.uploadAction}
          name="_document"
          value={document.id}
          data-progress-label={`${say('uploading')} “${document.name}”`}
        >
          {say('uploadButton')}
          <span class="visually-hidden"> “{document.name}”</span>
        </button>
      </div>
    </fieldset>
  );
}
