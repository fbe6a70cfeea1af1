// Test helpers (imported as `@motcua/engine/testing`, from tests only).
// A small procedure for the dossier tests: four kinds of field, a condition, a fee and two
// workflow steps, published by the tests themselves so they do not depend on the starter catalog.
export const testProcedure = {
  code: '1.000001.H48',
  name: { vi: 'Cấp giấy xác nhận thử nghiệm', en: 'Test certificate' },
  description: { vi: 'Thủ tục dùng cho kiểm thử.', en: 'A procedure for the tests.' },
  sector: 'Tư pháp',
  competentUnitCode: 'STP',
  audience: 'citizen',
  onlineLevel: 'full',
  legalBasis: [{ document: 'Luật 28/2009/QH12', title: 'Luật Lý lịch tư pháp' }],
  processingTime: { value: 3, unit: 'working_days' },
  fees: [{ id: 'le_phi', name: { vi: 'Lệ phí', en: 'Fee' }, amount: 50_000 }],
  documents: [],
  form: {
    fields: [
      {
        id: 'full_name',
        type: 'text',
        label: { vi: 'Họ và tên', en: 'Full name' },
        required: true,
        maxLength: 100,
      },
      {
        id: 'citizen_id',
        type: 'citizen_id',
        label: { vi: 'Số định danh cá nhân', en: 'Personal ID number' },
        required: true,
      },
      { id: 'phone', type: 'phone', label: { vi: 'Số điện thoại', en: 'Phone' }, required: true },
      {
        id: 'purpose',
        type: 'select',
        label: { vi: 'Mục đích', en: 'Purpose' },
        required: true,
        options: [
          { value: 'xin_viec', label: { vi: 'Xin việc', en: 'Employment' } },
          { value: 'khac', label: { vi: 'Khác', en: 'Other' } },
        ],
      },
      {
        id: 'purpose_other',
        type: 'long_text',
        label: { vi: 'Mục đích khác', en: 'Other purpose' },
        required: true,
        showWhen: { field: 'purpose', equals: 'khac' },
      },
    ],
  },
  workflow: {
    steps: [
      {
        id: 'tham_dinh',
        name: { vi: 'Thẩm định', en: 'Appraisal' },
        role: 'specialist',
        budgetWorkingHours: 16,
      },
      {
        id: 'trinh_ky',
        name: { vi: 'Trình ký', en: 'For signature' },
        role: 'specialist',
        budgetWorkingHours: 4,
      },
    ],
  },
};

/** The same with a required scanned document, answered by a file field. */
export const testProcedureWithDocument = {
  ...testProcedure,
  code: '1.000002.H48',
  name: { vi: 'Cấp giấy xác nhận có hồ sơ kèm theo', en: 'Test certificate with a document' },
  documents: [
    {
      id: 'ban_sao_cccd',
      name: { vi: 'Bản sao căn cước công dân', en: 'Copy of the citizen ID card' },
      required: true,
      copies: { originals: 0, copies: 1 },
      acceptedTypes: ['pdf', 'jpeg'],
      maxSizeBytes: 1_000_000,
    },
  ],
  form: {
    fields: [
      ...testProcedure.form.fields,
      {
        id: 'cccd_file',
        type: 'file',
        document: 'ban_sao_cccd',
        label: { vi: 'Tải lên bản sao CCCD', en: 'Upload the ID card copy' },
        required: true,
      },
    ],
  },
};
