// Đăng ký khai sinh: birth registration at the commune People's Committee.
import type { ProcedureVersion } from '../procedure-version.ts';
import { citizenId, declaration, mobilePhone, oneOriginal, personName, scan } from './shared.ts';

export const birthRegistration: ProcedureVersion = {
  // National code of "Đăng ký khai sinh" in the national procedure database; each tenant adds
  // its agency suffix when it adopts the procedure.
  code: '1.001193',
  name: { vi: 'Đăng ký khai sinh', en: 'Birth registration' },
  description: {
    vi: 'Đăng ký việc sinh cho trẻ em sinh ra tại Việt Nam, nhận bản điện tử Giấy khai sinh.',
    en: 'Register the birth of a child born in Vietnam and receive an electronic birth certificate.',
  },
  sector: 'Hộ tịch',
  // A role, not a unit: the tenant maps it to its communes when it adopts the procedure.
  competentUnitCode: 'commune_peoples_committee',
  audience: 'citizen',
  onlineLevel: 'full',
  legalBasis: [
    { document: '60/2014/QH13', title: 'Luật Hộ tịch (arts. 13–17: birth registration at the commune)' },
    { document: '123/2015/NĐ-CP', title: 'Nghị định quy định chi tiết một số điều của Luật Hộ tịch' },
    {
      document: '87/2020/NĐ-CP',
      title: 'Nghị định về Cơ sở dữ liệu hộ tịch điện tử, đăng ký hộ tịch trực tuyến',
    },
    { document: '04/2020/TT-BTP', title: 'Thông tư hướng dẫn Luật Hộ tịch (tờ khai đăng ký khai sinh)' },
  ],
  // Law on Civil Status art. 16(2): registered as soon as the papers are complete; dossiers that
  // arrive after 15:00 are done the next working day.
  processingTime: { value: 1, unit: 'working_days' },
  // Law on Civil Status art. 11(1)(b): registering a birth on time is free of the civil-status fee.
  fees: [],
  documents: [
    {
      id: 'birth_notice',
      name: { vi: 'Giấy chứng sinh', en: 'Birth notice from the hospital or midwife' },
      required: true,
      copies: oneOriginal,
      ...scan,
      showWhen: { field: 'birth_evidence', equals: 'birth_notice' },
    },
    {
      id: 'witness_statement',
      name: {
        vi: 'Văn bản của người làm chứng xác nhận việc sinh (hoặc giấy cam đoan về việc sinh)',
        en: 'Statement by a witness to the birth (or a sworn statement about the birth)',
      },
      required: true,
      copies: oneOriginal,
      ...scan,
      showWhen: { field: 'birth_evidence', equals: 'witness_statement' },
    },
    {
      id: 'authorisation',
      // Certified, unless the representative is a close relative (Circular 04/2020/TT-BTP art. 2).
      name: { vi: 'Văn bản ủy quyền', en: 'Power of attorney' },
      required: true,
      copies: oneOriginal,
      templateFile: 'mau-van-ban-uy-quyen.docx',
      ...scan,
      showWhen: { field: 'declarant_relation', equals: 'authorised' },
    },
  ],
  form: {
    fields: [
      {
        id: 'declarant_relation',
        type: 'radio',
        label: { vi: 'Quan hệ của người đi khai sinh với trẻ', en: 'Your relationship to the child' },
        required: true,
        options: [
          { value: 'parent', label: { vi: 'Cha hoặc mẹ', en: 'Father or mother' } },
          // Law on Civil Status art. 15(1): when the parents cannot, grandparents and other
          // relatives register the birth in their own right, so they need no power of attorney.
          {
            value: 'close_relative',
            label: { vi: 'Ông, bà, anh, chị ruột', en: 'Grandparent or elder sibling' },
          },
          { value: 'authorised', label: { vi: 'Người khác được ủy quyền', en: 'Someone else, authorised' } },
        ],
      },
      citizenId(
        'declarant_citizen_id',
        'Số định danh cá nhân của người đi khai sinh',
        'Your personal ID number',
      ),
      mobilePhone('declarant_phone'),
      {
        id: 'authorisation_file',
        type: 'file',
        label: { vi: 'Văn bản ủy quyền', en: 'Power of attorney' },
        required: true,
        document: 'authorisation',
        showWhen: { field: 'declarant_relation', equals: 'authorised' },
      },
      personName('child_full_name', 'Họ, chữ đệm và tên của trẻ', "Child's full name"),
      {
        id: 'child_sex',
        type: 'radio',
        label: { vi: 'Giới tính', en: 'Sex' },
        required: true,
        options: [
          { value: 'male', label: { vi: 'Nam', en: 'Male' } },
          { value: 'female', label: { vi: 'Nữ', en: 'Female' } },
        ],
      },
      {
        id: 'child_birth_date',
        type: 'date',
        label: { vi: 'Ngày, tháng, năm sinh', en: 'Date of birth' },
        required: true,
        max: 'today',
      },
      {
        id: 'child_birth_place',
        type: 'text',
        label: { vi: 'Nơi sinh', en: 'Place of birth' },
        help: {
          vi: 'Tên cơ sở y tế, hoặc địa chỉ nơi trẻ được sinh ra',
          en: 'The hospital or clinic, or the address where the child was born',
        },
        required: true,
        maxLength: 200,
      },
      {
        id: 'child_ethnicity',
        type: 'text',
        label: { vi: 'Dân tộc', en: 'Ethnicity' },
        help: { vi: 'Ví dụ: Kinh, Tày, Thái', en: 'For example: Kinh, Tay, Thai' },
        required: true,
        maxLength: 50,
      },
      {
        id: 'birth_evidence',
        type: 'radio',
        label: { vi: 'Giấy tờ chứng minh việc sinh', en: 'Proof of birth' },
        required: true,
        options: [
          { value: 'birth_notice', label: { vi: 'Giấy chứng sinh', en: 'Birth notice' } },
          {
            value: 'witness_statement',
            label: { vi: 'Văn bản của người làm chứng', en: 'Statement by a witness' },
          },
        ],
      },
      {
        id: 'birth_notice_file',
        type: 'file',
        label: { vi: 'Giấy chứng sinh', en: 'Birth notice' },
        required: true,
        document: 'birth_notice',
        showWhen: { field: 'birth_evidence', equals: 'birth_notice' },
      },
      {
        id: 'witness_statement_file',
        type: 'file',
        label: { vi: 'Văn bản của người làm chứng', en: "Witness's statement" },
        required: true,
        document: 'witness_statement',
        showWhen: { field: 'birth_evidence', equals: 'witness_statement' },
      },
      personName('mother_full_name', 'Họ, chữ đệm và tên của mẹ', "Mother's full name"),
      personName(
        'father_full_name',
        'Họ, chữ đệm và tên của cha (nếu có)',
        "Father's full name (if known)",
        false,
      ),
      declaration,
    ],
  },
  workflow: {
    steps: [
      {
        id: 'receive',
        name: { vi: 'Tiếp nhận hồ sơ', en: 'Receive the dossier' },
        role: 'reception',
        budgetWorkingHours: 1,
      },
      {
        id: 'verify_and_record',
        name: { vi: 'Kiểm tra, ghi Sổ hộ tịch', en: 'Check and enter in the civil-status register' },
        role: 'specialist',
        budgetWorkingHours: 4,
      },
      {
        id: 'sign',
        name: { vi: 'Ký Giấy khai sinh', en: 'Sign the birth certificate' },
        role: 'approver',
        budgetWorkingHours: 2,
      },
      {
        id: 'issue',
        name: { vi: 'Trả kết quả', en: 'Issue the result' },
        role: 'clerk',
        budgetWorkingHours: 1,
      },
    ],
  },
};
