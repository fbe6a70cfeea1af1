// Printed forms and file downloads of a dossier.
export { type OpenedDocument, openDossierDocument } from './download-document.ts';
export { type PrintableForm, printableForms, toAsciiFileName } from './forms.ts';
export { type PrintedForm, type PrintOptions, printDossierForm } from './print-form.ts';
