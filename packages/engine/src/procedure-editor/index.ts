// What the console's procedure editor needs beyond the catalog verbs: one draft beside its live
// version, a new procedure's first draft, and pure edits of a draft part by part, each refusing
// with problems tied to the form input at fault (a ValidationError whose details are EditProblems).
export {
  checkAgainstVersion,
  conditionFields,
  createDraftDocument,
  type EditProblem,
  type EditProblemCode,
  editProblemCodes,
  type FormInput as DraftFormInput,
  type ProcedureDraft,
  slugifyId as slugifyProcedureId,
} from './draft.ts';
export {
  addDocument,
  defaultMaxSizeMb as defaultDocumentMaxSizeMb,
  documentFileTypes as procedureDocumentTypes,
  removeDocument,
  updateDocument,
} from './edit-documents.ts';
export {
  addField,
  fieldTypes as procedureFieldTypes,
  moveField,
  readOptions,
  removeField,
  setFieldCondition,
  updateField,
  usersOfField,
  writeOptions,
} from './edit-fields.ts';
export { maxLegalBasisRows, setGeneralInfo, setProcessingTime } from './edit-general.ts';
export {
  maxRows as maxProcedureRows,
  readAmount as readFeeAmount,
  setFees,
  setWorkflowSteps,
} from './edit-rows.ts';
export { isSimpleCondition } from './field-condition.ts';
export {
  type DraftProblem,
  editProcedureDraft,
  getProcedureDraft,
  listDraftProblems,
  listProcedureDrafts,
  type ProcedureDraftState,
  startProcedureDraft,
} from './procedure-draft.ts';
