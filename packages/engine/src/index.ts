// The one-stop-shop engine: the procedure catalog and dossiers, as transport-free verbs.

export { contrastRatio, defaultTheme, getTheme, type Theme, themeCss, themeOf } from './branding/branding.ts';
export {
  calendarOverrideInput,
  listCalendarOverrides,
  removeCalendarOverride,
  setCalendarOverride,
} from './catalog/calendar-overrides.ts';
export {
  listManagedProcedures,
  type ManagedProcedure,
  publishProcedure,
  saveProcedureDraft,
  withdrawProcedure,
} from './catalog/manage-procedures.ts';
export {
  maxTemplateBytes,
  openProcedureTemplate,
  templateTypes,
  uploadProcedureTemplate,
} from './catalog/templates.ts';
export type { EngineContext } from './context.ts';
export { type ActOnDossierInput, actOnDossier, actOnDossierIn } from './dossiers/act-on-dossier.ts';
export { citizenStorageUsed, type UploadLimits } from './dossiers/citizen-quota.ts';
export {
  documentView,
  mediaTypes,
  sniffType,
  startUpload,
  startUploadInput,
  uploadKeyOf,
  uploadTtlSeconds,
} from './dossiers/documents.ts';
export { vietnamDate } from './dossiers/dossier-code.ts';
export { type DossierView, toDossierView } from './dossiers/dossier-view.ts';
export { queueDueSoonNotices } from './dossiers/due-soon.ts';
export { type ExpiredUploads, type ExpireUploadsOptions, expireUploads } from './dossiers/expire-uploads.ts';
export { getDossier, getDossierVersion, type TimelineEntry } from './dossiers/get-dossier.ts';
export {
  countQueue,
  listMyDossiers,
  listQueue,
  type QueueItem,
  queueFilter,
} from './dossiers/list-dossiers.ts';
export { type SavedDossier, saveDossier, saveDossierInput } from './dossiers/save-dossier.ts';
export { getStaffDirectory, type StaffDirectory } from './dossiers/staff-directory.ts';
export { type TrackedDossier, trackDossier, trackInput, trackingLimit } from './dossiers/track-dossier.ts';
export { verifyUpload } from './dossiers/verify-upload.ts';
export {
  answerFeedback,
  answerFeedbackInput,
  fileFeedback,
  fileFeedbackInput,
  listFeedback,
} from './feedback/feedback.ts';
export { settleOnlinePayment, startOnlinePayment } from './payments/online-payment.ts';
export type { PaymentNotice, PaymentProvider } from './payments/payment-provider.ts';
export {
  type OpenedDocument,
  openDossierDocument,
  type PrintableForm,
  type PrintedForm,
  type PrintOptions,
  printableForms,
  printDossierForm,
  toAsciiFileName,
} from './prints/index.ts';
export * from './procedure-editor/index.ts';
export {
  countFilings,
  getProcedure,
  listProcedures,
  type PublishedProcedure,
} from './procedures/list-procedures.ts';
export { publishVersion } from './procedures/publish-version.ts';
export { seedStarterCatalog } from './procedures/seed-starter-catalog.ts';
export * from './settings/index.ts';
