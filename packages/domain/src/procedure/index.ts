// Procedures: version documents, the form evaluator, fees and the starter catalog.
export {
  type Condition,
  type ConditionValue,
  condition,
  evaluateCondition,
  MAX_CONDITION_DEPTH,
} from './condition.ts';
export {
  type AnswerError,
  type Answers,
  requiredDocuments,
  selectApplicable,
  type ValidationResult,
  validateAnswers,
  visibleFields,
} from './evaluate-form.ts';
export { computeFees, type FeeBreakdown, type FeeLine } from './fees.ts';
export { type FieldType, type Form, type FormField, form, formField } from './form-field.ts';
export { type LocalizedText, localizedText } from './localized-text.ts';
export {
  describeOnlineLevel,
  type FeeItem,
  legacyLevel,
  MAX_DOCUMENT_BYTES,
  type OnlineLevel,
  PROCEDURE_CODE,
  type ProcedureVersion,
  procedureVersion,
  type RequiredDocument,
  TEMPLATE_FILE,
  type WorkflowStep,
} from './procedure-version.ts';
export { findProvince, type Province, provinces } from './provinces.ts';
export { type Address, normalisePhone } from './read-answer.ts';
export { starterCatalog } from './starter-catalog.ts';
