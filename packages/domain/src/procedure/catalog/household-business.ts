// Đăng ký thành lập hộ kinh doanh: registering a household business at the commune.
import type { ProcedureVersion } from '../procedure-version.ts';
import {
  authorisationDocument,
  authorisationFile,
  citizenId,
  declaration,
  filedBy,
  mobilePhone,
  oneOriginal,
  personName,
  scan,
} from './shared.ts';

export const householdBusiness: ProcedureVersion = {
  // National code as listed before Decree 168/2025/NĐ-CP moved the procedure to the commune;
  // confirm it in the national procedure database before publishing.
  code: '2.000720',
  name: { vi: 'Đăng ký thành lập hộ kinh doanh', en: 'Household business registration' },
  description: {
    vi: 'Đăng ký hộ kinh doanh và nhận Giấy chứng nhận đăng ký hộ kinh doanh, đồng thời là đăng ký thuế.',
    en: 'Register a household business and receive its registration certificate, which is also its tax registration.',
  },
  sector: 'Thành lập và hoạt động của hộ kinh doanh',
  // Decree 168/2025/NĐ-CP: since 1 July 2025 the commune-level business registration authority.
  competentUnitCode: 'commune_business_registration',
  audience: 'business',
  onlineLevel: 'full',
  legalBasis: [
    { document: '59/2020/QH14', title: 'Luật Doanh nghiệp' },
    { document: '168/2025/NĐ-CP', title: 'Nghị định về đăng ký doanh nghiệp (chương về hộ kinh doanh)' },
    {
      document: '85/2019/TT-BTC',
      title: 'Thông tư hướng dẫn về phí và lệ phí thuộc thẩm quyền của HĐND cấp tỉnh',
    },
  ],
  // Decree 168/2025/NĐ-CP: the certificate is issued within 3 working days of a valid dossier.
  processingTime: { value: 3, unit: 'working_days' },
  fees: [
    {
      id: 'household_business_registration_fee',
      // Illustrative amount: the provincial People's Council sets this fee (Circular 85/2019/TT-BTC).
      name: { vi: 'Lệ phí đăng ký hộ kinh doanh', en: 'Household business registration fee' },
      amount: 100_000,
    },
  ],
  documents: [
    {
      id: 'members_minutes',
      name: {
        vi: 'Biên bản họp các thành viên hộ gia đình về việc thành lập hộ kinh doanh',
        en: 'Minutes of the family members’ meeting agreeing to found the business',
      },
      required: true,
      copies: oneOriginal,
      templateFile: 'bien-ban-hop-thanh-vien-ho-gia-dinh.docx',
      ...scan,
      showWhen: { field: 'founded_by', equals: 'household_members' },
    },
    authorisationDocument,
  ],
  form: {
    fields: [
      {
        id: 'business_name',
        type: 'text',
        label: { vi: 'Tên hộ kinh doanh', en: 'Business name' },
        help: {
          vi: 'Gồm cụm từ “Hộ kinh doanh” và tên riêng, ví dụ: Hộ kinh doanh Hoa Mai',
          en: 'The words “Hộ kinh doanh” followed by a proper name, e.g. Hộ kinh doanh Hoa Mai',
        },
        required: true,
        maxLength: 120,
        pattern: {
          regex: "(?:Hộ kinh doanh|HỘ KINH DOANH) [\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N} &'.-]*",
          message: {
            vi: 'Tên phải bắt đầu bằng “Hộ kinh doanh” rồi đến tên riêng, không dùng ký hiệu đặc biệt',
            en: 'Start the name with “Hộ kinh doanh” and then a proper name, without special symbols',
          },
        },
      },
      personName('owner_full_name', 'Họ, chữ đệm và tên chủ hộ kinh doanh', "Business owner's full name"),
      citizenId('owner_citizen_id', 'Số định danh cá nhân của chủ hộ', "Owner's personal ID number"),
      mobilePhone('owner_phone'),
      { id: 'owner_email', type: 'email', label: { vi: 'Email', en: 'Email' }, required: false },
      {
        id: 'business_address',
        type: 'address',
        label: { vi: 'Địa chỉ trụ sở hộ kinh doanh', en: 'Business address' },
        required: true,
      },
      {
        id: 'business_lines',
        type: 'long_text',
        label: { vi: 'Ngành, nghề kinh doanh', en: 'Lines of business' },
        help: {
          vi: 'Ghi mỗi ngành một dòng, ví dụ: Bán lẻ thực phẩm',
          en: 'One line of business per line, e.g. food retail',
        },
        required: true,
        minLength: 3,
        maxLength: 2000,
      },
      {
        id: 'capital_vnd',
        type: 'number',
        label: { vi: 'Vốn kinh doanh (đồng)', en: 'Business capital (đồng)' },
        required: true,
        integer: true,
        min: 0,
        max: 1_000_000_000_000,
      },
      {
        id: 'employee_count',
        type: 'number',
        label: { vi: 'Số lượng lao động', en: 'Number of workers' },
        required: false,
        integer: true,
        min: 0,
        max: 10_000,
      },
      {
        id: 'founded_by',
        type: 'radio',
        label: { vi: 'Hộ kinh doanh do ai thành lập?', en: 'Who founds the business?' },
        required: true,
        options: [
          { value: 'individual', label: { vi: 'Một cá nhân', en: 'One person' } },
          {
            value: 'household_members',
            label: { vi: 'Các thành viên hộ gia đình', en: 'Members of a family household' },
          },
        ],
      },
      {
        id: 'members_minutes_file',
        type: 'file',
        label: { vi: 'Biên bản họp thành viên hộ gia đình', en: 'Minutes of the family meeting' },
        required: true,
        document: 'members_minutes',
        showWhen: { field: 'founded_by', equals: 'household_members' },
      },
      filedBy,
      authorisationFile,
      declaration,
    ],
  },
  workflow: {
    steps: [
      {
        id: 'receive',
        name: { vi: 'Tiếp nhận hồ sơ', en: 'Receive the dossier' },
        role: 'reception',
        budgetWorkingHours: 2,
      },
      {
        id: 'check_name_and_lines',
        name: { vi: 'Kiểm tra tên, ngành nghề, hồ sơ', en: 'Check the name, lines of business and papers' },
        role: 'specialist',
        budgetWorkingHours: 14,
      },
      {
        id: 'approve',
        name: { vi: 'Phê duyệt, ký Giấy chứng nhận', en: 'Approve and sign the certificate' },
        role: 'approver',
        budgetWorkingHours: 6,
      },
      {
        id: 'issue',
        name: { vi: 'Trả kết quả', en: 'Issue the result' },
        role: 'clerk',
        budgetWorkingHours: 2,
      },
    ],
  },
};
