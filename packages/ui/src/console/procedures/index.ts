// The agency console's procedure editor: the list of procedures, one procedure's overview with
// publishing and withdrawal, one page per part of the draft, and the form's preview. Names carry
// "Procedure" so that they cannot clash with the other areas' exports through packages/ui/src/index.ts.

export {
  ProcedureDocumentEditorPage,
  type ProcedureDocumentEditorPageProps,
  ProcedureDocumentListPage,
  type ProcedureDocumentListPageProps,
} from './document-pages.tsx';
export {
  ProcedureFieldEditorPage,
  type ProcedureFieldEditorPageProps,
  ProcedureFieldListPage,
  type ProcedureFieldListPageProps,
} from './field-pages.tsx';
export { legalBasisRows, ProcedureGeneralPage, ProcedureTimePage } from './general-pages.tsx';
export { ProcedureListPage, type ProcedureListPageProps } from './list-page.tsx';
export {
  ProcedureOverviewPage,
  type ProcedureOverviewPageProps,
  ProcedureWithdrawPage,
} from './overview-page.tsx';
export { ProcedurePreviewPage, type ProcedurePreviewPageProps } from './preview-page.tsx';
export { describeDraftProblem, procedureEditErrors } from './problems.ts';
export {
  ProcedureFeesPage,
  ProcedureStepsPage,
  procedureRowCount,
} from './row-pages.tsx';
export { type ProcedureStringKey, procedureText } from './strings.ts';
export {
  type DraftProblemView,
  type EditProblemView,
  type ProcedureDocumentRow,
  type ProcedureEditPageProps,
  type ProcedureFeeRow,
  type ProcedureFieldRow,
  type ProcedureListRow,
  type ProcedureNotice,
  type ProcedureOverview,
  type ProcedurePageBase,
  type ProcedureStatus,
  type ProcedureStepRow,
  procedureNotices,
} from './types.ts';
