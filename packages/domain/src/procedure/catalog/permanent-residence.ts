// Đăng ký thường trú: permanent residence registration with the commune police.
import type { ProcedureVersion } from '../procedure-version.ts';
import { citizenId, declaration, mobilePhone, oneCopy, oneOriginal, personName, scan } from './shared.ts';

const needsOwnerConsent = { field: 'residence_basis', in: ['relative_home', 'rented_or_borrowed'] };

export const permanentResidence: ProcedureVersion = {
  // National code of "Đăng ký thường trú" (Ministry of Public Security procedure list).
  code: '1.004222',
  name: { vi: 'Đăng ký thường trú', en: 'Permanent residence registration' },
  description: {
    vi: 'Đăng ký nơi thường trú mới tại chỗ ở hợp pháp của mình, của người thân, hoặc nhà thuê, mượn, ở nhờ.',
    en: 'Register a new permanent address: your own home, a relative’s home, or a rented or borrowed home.',
  },
  sector: 'Đăng ký, quản lý cư trú',
  competentUnitCode: 'commune_police',
  audience: 'citizen',
  onlineLevel: 'full',
  legalBasis: [
    {
      document: '68/2020/QH14',
      title: 'Luật Cư trú (art. 20 conditions, art. 21 dossier, art. 22 procedure)',
    },
    { document: '154/2024/NĐ-CP', title: 'Nghị định quy định chi tiết một số điều của Luật Cư trú' },
    { document: '55/2021/TT-BCA', title: 'Thông tư quy định chi tiết Luật Cư trú' },
    { document: '75/2022/TT-BTC', title: 'Thông tư quy định mức thu, nộp lệ phí đăng ký cư trú' },
  ],
  // Law on Residence art. 22(3): 7 working days from receipt of a complete dossier.
  processingTime: { value: 7, unit: 'working_days' },
  fees: [
    {
      id: 'residence_registration_fee',
      // Circular 75/2022/TT-BTC: 10,000 đ when filed online (20,000 đ at the desk).
      name: {
        vi: 'Lệ phí đăng ký thường trú (nộp trực tuyến)',
        en: 'Residence registration fee (online filing)',
      },
      amount: 10_000,
      showWhen: { not: { field: 'fee_exempt', equals: true } },
    },
  ],
  documents: [
    {
      id: 'lawful_residence_proof',
      name: {
        vi: 'Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp',
        en: 'Proof of lawful residence (title certificate, lease or loan agreement)',
      },
      required: true,
      copies: oneCopy,
      ...scan,
      showWhen: { field: 'residence_basis', in: ['own_home', 'rented_or_borrowed'] },
    },
    {
      id: 'relationship_proof',
      name: { vi: 'Giấy tờ chứng minh quan hệ nhân thân', en: 'Proof of family relationship' },
      required: true,
      copies: oneCopy,
      ...scan,
      showWhen: { field: 'residence_basis', equals: 'relative_home' },
    },
    {
      id: 'owner_consent',
      name: {
        vi: 'Ý kiến đồng ý của chủ hộ, chủ sở hữu chỗ ở hợp pháp',
        en: 'Consent of the household head or the owner of the home',
      },
      required: true,
      copies: oneOriginal,
      ...scan,
      showWhen: needsOwnerConsent,
    },
    {
      id: 'fee_exemption_proof',
      name: { vi: 'Giấy tờ chứng minh thuộc diện miễn lệ phí', en: 'Proof of fee exemption' },
      required: true,
      copies: oneCopy,
      ...scan,
      showWhen: { field: 'fee_exempt', equals: true },
    },
  ],
  form: {
    fields: [
      personName('applicant_full_name', 'Họ, chữ đệm và tên', 'Full name'),
      citizenId('applicant_citizen_id', 'Số định danh cá nhân', 'Personal ID number'),
      mobilePhone('applicant_phone'),
      {
        id: 'new_address',
        type: 'address',
        label: { vi: 'Địa chỉ đăng ký thường trú', en: 'Address to register' },
        required: true,
      },
      {
        id: 'residence_basis',
        type: 'radio',
        label: { vi: 'Chỗ ở thuộc trường hợp nào?', en: 'Which describes the home?' },
        required: true,
        // The three cases of Law on Residence art. 20(1)–(3).
        options: [
          { value: 'own_home', label: { vi: 'Chỗ ở hợp pháp thuộc sở hữu của tôi', en: 'I own it' } },
          {
            value: 'relative_home',
            label: {
              vi: 'Nhà của người thân (vợ, chồng, cha, mẹ, con…)',
              en: "A relative's home (spouse, parent, child…)",
            },
          },
          { value: 'rented_or_borrowed', label: { vi: 'Nhà thuê, mượn, ở nhờ', en: 'Rented or borrowed' } },
        ],
      },
      {
        id: 'lawful_residence_file',
        type: 'file',
        label: { vi: 'Giấy tờ chứng minh chỗ ở hợp pháp', en: 'Proof of lawful residence' },
        required: true,
        document: 'lawful_residence_proof',
        showWhen: { field: 'residence_basis', in: ['own_home', 'rented_or_borrowed'] },
      },
      {
        id: 'relationship_to_owner',
        type: 'select',
        label: { vi: 'Quan hệ với chủ hộ', en: 'Relationship to the household head' },
        required: true,
        showWhen: { field: 'residence_basis', equals: 'relative_home' },
        options: [
          { value: 'spouse', label: { vi: 'Vợ, chồng', en: 'Spouse' } },
          { value: 'child', label: { vi: 'Con', en: 'Child' } },
          { value: 'parent', label: { vi: 'Cha, mẹ', en: 'Parent' } },
          { value: 'grandparent', label: { vi: 'Ông, bà', en: 'Grandparent' } },
          { value: 'grandchild', label: { vi: 'Cháu ruột', en: 'Grandchild' } },
          { value: 'sibling', label: { vi: 'Anh, chị, em ruột', en: 'Sibling' } },
          { value: 'other', label: { vi: 'Quan hệ khác', en: 'Other relative' } },
        ],
      },
      {
        id: 'relationship_proof_file',
        type: 'file',
        label: { vi: 'Giấy tờ chứng minh quan hệ nhân thân', en: 'Proof of family relationship' },
        required: true,
        document: 'relationship_proof',
        showWhen: { field: 'residence_basis', equals: 'relative_home' },
      },
      {
        ...citizenId(
          'owner_citizen_id',
          'Số định danh cá nhân của chủ hộ hoặc chủ nhà',
          "Owner's personal ID number",
        ),
        showWhen: needsOwnerConsent,
      },
      {
        id: 'owner_consent_file',
        type: 'file',
        label: { vi: 'Ý kiến đồng ý của chủ hộ, chủ nhà', en: "Owner's consent" },
        required: true,
        document: 'owner_consent',
        showWhen: needsOwnerConsent,
      },
      {
        id: 'floor_area_per_person',
        type: 'number',
        label: { vi: 'Diện tích sàn bình quân mỗi người (m²)', en: 'Floor area per person (m²)' },
        help: {
          vi: 'Tổng diện tích sàn chia cho số người sẽ ở, gồm cả bạn',
          en: 'Total floor area divided by the number of residents, including you',
        },
        required: true,
        // Law on Residence art. 20(3): the province sets the minimum, never below 8 m² per person.
        min: 8,
        max: 10_000,
        showWhen: { field: 'residence_basis', equals: 'rented_or_borrowed' },
      },
      {
        id: 'fee_exempt',
        type: 'checkbox',
        label: {
          vi: 'Tôi thuộc diện được miễn lệ phí (trẻ em, người cao tuổi, người khuyết tật, người có công, hộ nghèo…)',
          en: 'I am exempt from the fee (child, elderly, disabled, person with merit, poor household…)',
        },
        required: false,
      },
      {
        id: 'fee_exemption_file',
        type: 'file',
        label: { vi: 'Giấy tờ chứng minh được miễn lệ phí', en: 'Proof of fee exemption' },
        required: true,
        document: 'fee_exemption_proof',
        showWhen: { field: 'fee_exempt', equals: true },
      },
      declaration,
    ],
  },
  workflow: {
    steps: [
      {
        id: 'receive',
        name: { vi: 'Tiếp nhận hồ sơ', en: 'Receive the dossier' },
        role: 'reception',
        budgetWorkingHours: 4,
      },
      {
        id: 'verify',
        name: {
          vi: 'Kiểm tra, xác minh chỗ ở và cập nhật CSDL cư trú',
          en: 'Verify the home and update the residence database',
        },
        role: 'specialist',
        budgetWorkingHours: 36,
      },
      { id: 'approve', name: { vi: 'Phê duyệt', en: 'Approve' }, role: 'approver', budgetWorkingHours: 12 },
      {
        id: 'notify',
        name: { vi: 'Thông báo kết quả', en: 'Notify the result' },
        role: 'clerk',
        budgetWorkingHours: 4,
      },
    ],
  },
};
