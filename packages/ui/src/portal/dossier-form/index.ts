// The citizen's dossier form, review and receipt pages (issue 5 §1, the form part).
export { acceptedHint, DocumentBlock, FileList, FileStatus } from './documents.tsx';
export { type DossierFormNotice, DossierFormPage, type DossierFormPageProps } from './edit-page.tsx';
export { anchorOf, DossierField, fileInputId, inputId } from './fields.tsx';
export { formatBytes, formatDateTime, formatMoney } from './format.ts';
export { DossierReceiptPage, type DossierReceiptPageProps } from './receipt-page.tsx';
export { DossierReviewPage, type DossierReviewPageProps, type ReviewRow } from './review-page.tsx';
export { portalFormScript, portalFormScriptPath } from './script.ts';
export { type PortalFormStringKey, portalFormText } from './strings.ts';
export type {
  AddressPart,
  ChoiceView,
  DocumentView,
  FieldErrorView,
  FieldView,
  PortalFormBase,
  TextLikeKind,
  UploadedFileView,
} from './types.ts';
