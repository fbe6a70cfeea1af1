// The agency console's procedure editor: the list of procedures, one procedure's overview with
// publishing and withdrawal, one page per part of the draft, and the form's preview. Names carry
// "Procedure" so that they cannot clash with the other areas' exports through packages/ui/src/index.ts.

export {
  DocumentEditorPage as ProcedureDocumentEditorPage,
  type DocumentEditorPageProps as ProcedureDocumentEditorPageProps,
  DocumentListPage as ProcedureDocumentListPage,
  type DocumentListPageProps as ProcedureDocumentListPageProps,
} from './document-pages.tsx';
export {
  FieldEditorPage as ProcedureFieldEditorPage,
  type FieldEditorPageProps as ProcedureFieldEditorPageProps,
  FieldListPage as ProcedureFieldListPage,
  type FieldListPageProps as ProcedureFieldListPageProps,
} from './field-pages.tsx';
export {
  GeneralInfoPage as ProcedureGeneralPage,
  legalBasisRows,
  type ProcedureEditPageProps,
  ProcessingTimePage as ProcedureTimePage,
} from './general-pages.tsx';
export { ProcedureListPage, type ProcedureListPageProps } from './list-page.tsx';
export {
  ProcedureOverviewPage,
  type ProcedureOverviewPageProps,
  WithdrawConfirmPage as ProcedureWithdrawPage,
} from './overview-page.tsx';
export { ProcedurePreviewPage, type ProcedurePreviewPageProps } from './preview-page.tsx';
export { describeDraftProblem, editErrors as procedureEditErrors } from './problems.ts';
export {
  FeesPage as ProcedureFeesPage,
  rowCount as procedureRowCount,
  StepsPage as ProcedureStepsPage,
} from './row-pages.tsx';
export { type ProcedureStringKey, procedureText } from './strings.ts';
export {
  type DocumentRow as ProcedureDocumentRow,
  type DraftProblemView,
  type EditProblemView,
  type FeeRow as ProcedureFeeRow,
  type FieldRow as ProcedureFieldRow,
  type ProcedureListRow,
  type ProcedureNotice,
  type ProcedureOverview,
  type ProcedurePageBase,
  type ProcedureStatus,
  procedureNotices,
  type StepRow as ProcedureStepRow,
} from './types.ts';
