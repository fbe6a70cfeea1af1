// Problems in words: what blocks publishing (a path in the procedure document) as a line that
// says where and what, linking to the page that fixes it; and a refused edit's problems as the
// error summary's entries, tied to the inputs. Pure.
import type { FormError } from '../../shared/forms.tsx';
import type { Locale } from '../../shared/i18n.ts';
import { type ProcedureStringKey, procedureText, procedureTextOr } from './strings.ts';
import type { DraftProblemView, EditProblemView, ProcedureOverview } from './types.ts';

type Words = { vi: string; en: string };

const attributes: Record<string, Words> = {
  code: { vi: 'Mã thủ tục', en: 'Code' },
  name: { vi: 'Tên', en: 'Name' },
  description: { vi: 'Mô tả', en: 'Description' },
  sector: { vi: 'Lĩnh vực', en: 'Sector' },
  competentUnitCode: { vi: 'Cơ quan thực hiện', en: 'Competent unit' },
  audience: { vi: 'Đối tượng thực hiện', en: 'Who it is for' },
  onlineLevel: { vi: 'Mức độ trực tuyến', en: 'Online level' },
  legalBasis: { vi: 'Căn cứ pháp lý', en: 'Legal basis' },
  document: { vi: 'Giấy tờ', en: 'Paper' },
  title: { vi: 'Trích yếu', en: 'Title' },
  label: { vi: 'Nhãn', en: 'Label' },
  help: { vi: 'Gợi ý', en: 'Hint' },
  options: { vi: 'Các lựa chọn', en: 'Choices' },
  id: { vi: 'Mã', en: 'Id' },
  type: { vi: 'Loại', en: 'Type' },
  amount: { vi: 'Số tiền', en: 'Amount' },
  role: { vi: 'Người thực hiện', en: 'Done by' },
  budgetWorkingHours: { vi: 'Số giờ', en: 'Hours' },
  copies: { vi: 'Số bản', en: 'Copies' },
  acceptedTypes: { vi: 'Loại tệp', en: 'File types' },
  maxSizeBytes: { vi: 'Dung lượng tối đa', en: 'Largest file' },
  templateFile: { vi: 'Tệp mẫu', en: 'Template file' },
  showWhen: { vi: 'Điều kiện hiển thị', en: 'Show-when condition' },
  steps: { vi: 'Các bước', en: 'The steps' },
  fields: { vi: 'Các trường', en: 'The fields' },
  value: { vi: 'Giá trị', en: 'Value' },
  unit: { vi: 'Đơn vị', en: 'Unit' },
};
const languages: Record<string, Words> = {
  vi: { vi: '(tiếng Việt)', en: '(Vietnamese)' },
  en: { vi: '(tiếng Anh)', en: '(English)' },
};

type Part = 'general' | 'fields' | 'documents' | 'fees' | 'time' | 'steps';
const parts: Record<string, Part> = {
  form: 'fields',
  documents: 'documents',
  fees: 'fees',
  processingTime: 'time',
  workflow: 'steps',
};
const isIndex = (segment: string | undefined) => segment !== undefined && /^\d+$/.test(segment);

/** Where a problem is, which page fixes it (a path under the procedure), and what is wrong. */
export function describeDraftProblem(
  locale: Locale,
  problem: DraftProblemView,
  overview: Pick<ProcedureOverview, 'fieldKeys' | 'documentIds'>,
): { href: string; text: string } {
  const segments = problem.path ? problem.path.split('.') : [];
  const part: Part = parts[segments[0] ?? ''] ?? 'general';
  let rest = part === 'general' ? segments : segments.slice(1);
  if (part === 'fields' || part === 'steps')
    rest = rest[0] === 'fields' || rest[0] === 'steps' ? rest.slice(1) : rest;
  let href = `/${part}`;
  let item = '';
  if (isIndex(rest[0])) {
    const index = Number(rest[0]);
    const key =
      part === 'fields'
        ? overview.fieldKeys[index]
        : part === 'documents'
          ? overview.documentIds[index]
          : undefined;
    if (key !== undefined) href = `/${part}/${key}`;
    item = key !== undefined ? `“${key}”` : `${procedureText(locale, 'row')} ${index + 1}`;
    rest = rest.slice(1);
  }
  const words = rest
    .filter((segment) => !isIndex(segment))
    .map((segment) => (attributes[segment] ?? languages[segment])?.[locale])
    .filter(Boolean);
  const where = [procedureText(locale, `where_${part}`), item].filter(Boolean).join(' ');
  const what = procedureTextOr(locale, `what_${problem.code}`, procedureText(locale, 'what_invalid'));
  return { href, text: `${[where, words.join(' ')].filter(Boolean).join(' — ')}: ${what}` };
}

/** Each input's label and hint, by its name without a row number. */
const inputs: Record<
  string,
  [label: ProcedureStringKey, hint: ProcedureStringKey | undefined, chosen?: true]
> = {
  code: ['code', 'codeHint'],
  'name-vi': ['nameVi', 'nameViHint'],
  'name-en': ['nameEn', 'nameEnHint'],
  'description-vi': ['descriptionVi', 'descriptionHint'],
  'description-en': ['descriptionEn', 'descriptionHint'],
  sector: ['sector', 'sectorHint'],
  'competent-unit': ['competentUnit', 'competentUnitHint'],
  audience: ['audience', 'audienceHint', true],
  'online-level': ['onlineLevel', 'onlineLevelHint', true],
  'legal-document': ['legalDocument', 'legalDocumentHint'],
  'legal-title': ['legalTitle', 'legalTitleHint'],
  'time-value': ['timeValue', 'timeValueHint'],
  'time-unit': ['timeUnit', 'timeUnitHint', true],
  'field-key': ['fieldKey', 'fieldKeyHint'],
  'field-type': ['fieldType', 'fieldTypeHint', true],
  'label-vi': ['labelVi', 'labelViHint'],
  'label-en': ['labelEn', 'labelEnHint'],
  'help-vi': ['helpVi', 'helpViHint'],
  'help-en': ['helpEn', 'helpEnHint'],
  options: ['options', 'optionsHint'],
  'field-document': ['fieldDocument', 'fieldDocumentHint', true],
  'condition-field': ['conditionField', 'conditionFieldHint', true],
  'condition-value': ['conditionValue', 'conditionValueHint'],
  'document-id': ['documentId', 'documentIdHint'],
  'document-name-vi': ['documentNameVi', 'documentNameViHint'],
  'document-name-en': ['documentNameEn', 'documentNameEnHint'],
  originals: ['originals', 'originalsHint'],
  copies: ['copies', 'copiesHint'],
  'accepted-pdf': ['acceptedTypes', 'acceptedTypesHint', true],
  'max-size-mb': ['maxSizeMb', 'maxSizeMbHint'],
  'template-file': ['templateFile', 'templateFileHint'],
  'fee-name-vi': ['feeNameVi', 'feeNameViHint'],
  'fee-name-en': ['feeNameEn', 'feeNameEnHint'],
  'fee-amount': ['feeAmount', 'feeAmountHint'],
  'step-name-vi': ['stepNameVi', 'stepNameViHint'],
  'step-name-en': ['stepNameEn', 'stepNameEnHint'],
  'step-role': ['stepRole', 'stepRoleHint', true],
  'step-hours': ['stepHours', 'stepHoursHint'],
};

const fixed: Partial<Record<string, ProcedureStringKey>> = {
  referenced: 'errReferenced',
  condition_field: 'errConditionField',
  condition_value: 'errConditionValue',
  document_unknown: 'errDocumentUnknown',
  document_linked: 'errDocumentLinked',
  budget: 'errBudget',
  first: 'errFirst',
  last: 'errLast',
};

/** The input's label as the message names it: "Số tiền (đồng) (dòng 2)". */
function labelOf(locale: Locale, input: string) {
  const row = /^((?:legal|fee|step)-[a-z-]+)-(\d+)$/.exec(input);
  const entry = inputs[row?.[1] ?? input];
  if (!entry) return undefined;
  const label = procedureText(locale, entry[0]);
  return {
    label: row ? `${label} (${procedureText(locale, 'row').toLowerCase()} ${Number(row[2]) + 1})` : label,
    hint: entry[1] ? procedureText(locale, entry[1]) : '',
    chosen: entry[2] === true,
  };
}

/** A refused edit's problems as the error summary lists them, each linking to its input. */
export function procedureEditErrors(locale: Locale, problems: EditProblemView[]): FormError[] {
  const say = (key: ProcedureStringKey) => procedureText(locale, key);
  return problems.map(({ input, code }) => {
    const known = labelOf(locale, input);
    const field = known ? input : undefined;
    if (input === 'move' && code === 'condition_field') return { message: say('errMoveCondition') };
    const key = fixed[code];
    if (key) return { ...(field ? { field } : {}), message: say(key) };
    if (!known) return { message: `${say('errInvalid')}.` };
    const quoted = `“${known.label}”`;
    const message =
      code === 'required'
        ? `${say(known.chosen ? 'errChoose' : 'errRequired')} ${quoted}.`
        : code === 'too_long'
          ? `${quoted} ${say('errTooLong')}`
          : code === 'duplicate'
            ? `${quoted} ${say('errDuplicate')}`
            : `${say('errInvalid')} ${quoted}. ${known.hint}`;
    return { field: input, message };
  });
}
