// Cấp Phiếu lý lịch tư pháp: a judicial record certificate for a Vietnamese citizen.
import type { ProcedureVersion } from '../procedure-version.ts';
import {
  authorisationDocument,
  authorisationFile,
  citizenId,
  declaration,
  filedBy,
  mobilePhone,
  oneCopy,
  personName,
  scan,
} from './shared.ts';

// Circular 244/2016/TT-BTC: from the third certificate asked for at once, 5,000 đ more each.
const extraCertificate = (nth: number) => ({
  id: `extra_certificate_${nth}`,
  name: { vi: `Phiếu thứ ${nth}`, en: `Certificate number ${nth}` },
  amount: 5_000,
  showWhen: { field: 'certificate_count', in: [3, 4, 5].filter((n) => n >= nth) },
});

export const judicialRecord: ProcedureVersion = {
  // Illustrative code: one public listing gives 2.000488 for this procedure, but we could not
  // confirm it against the national procedure database; check it before publishing.
  code: '2.000488',
  name: { vi: 'Cấp Phiếu lý lịch tư pháp', en: 'Judicial record certificate' },
  description: {
    vi: 'Cấp Phiếu lý lịch tư pháp số 1 hoặc số 2 cho công dân Việt Nam.',
    en: 'Issue judicial record certificate no. 1 or no. 2 to a Vietnamese citizen.',
  },
  sector: 'Lý lịch tư pháp',
  // Issued by the provincial police since the judicial-records function moved to the Ministry
  // of Public Security on 1 July 2025; a role the tenant maps to its unit.
  competentUnitCode: 'provincial_police',
  audience: 'citizen',
  onlineLevel: 'full',
  legalBasis: [
    { document: '28/2009/QH12', title: 'Luật Lý lịch tư pháp (arts. 44–49: issuing certificates)' },
    { document: '111/2010/NĐ-CP', title: 'Nghị định quy định chi tiết một số điều của Luật Lý lịch tư pháp' },
    {
      document: '244/2016/TT-BTC',
      title: 'Thông tư quy định mức thu phí cung cấp thông tin lý lịch tư pháp',
    },
  ],
  // Law on Judicial Records art. 48(1): at most 10 days (calendar, "ngày") from a valid request.
  processingTime: { value: 10, unit: 'calendar_days' },
  fees: [
    {
      id: 'judicial_record_fee',
      name: { vi: 'Phí cung cấp thông tin lý lịch tư pháp', en: 'Judicial record information fee' },
      amount: 200_000,
      showWhen: { field: 'fee_group', equals: 'standard' },
    },
    {
      id: 'judicial_record_fee_reduced',
      // Circular 244/2016/TT-BTC: half for students, people with merit and martyrs' relatives.
      name: {
        vi: 'Phí cung cấp thông tin lý lịch tư pháp (giảm 50%)',
        en: 'Judicial record fee (50% reduced)',
      },
      amount: 100_000,
      showWhen: { field: 'fee_group', equals: 'reduced' },
    },
    extraCertificate(3),
    extraCertificate(4),
    extraCertificate(5),
  ],
  documents: [
    {
      ...authorisationDocument,
      name: { vi: 'Văn bản ủy quyền (công chứng, chứng thực)', en: 'Notarised power of attorney' },
    },
    {
      id: 'fee_group_proof',
      name: { vi: 'Giấy tờ chứng minh thuộc diện giảm, miễn phí', en: 'Proof of fee reduction or exemption' },
      required: true,
      copies: oneCopy,
      ...scan,
      showWhen: { field: 'fee_group', in: ['reduced', 'exempt'] },
    },
  ],
  form: {
    fields: [
      {
        id: 'certificate_type',
        type: 'radio',
        label: { vi: 'Loại Phiếu', en: 'Certificate type' },
        help: {
          vi: 'Phiếu số 2 ghi đầy đủ án tích, kể cả án tích đã được xóa; chỉ cấp cho chính người đó',
          en: 'Certificate no. 2 lists every conviction, including expunged ones, and is issued only to the person',
        },
        required: true,
        options: [
          { value: 'no_1', label: { vi: 'Phiếu số 1', en: 'Certificate no. 1' } },
          { value: 'no_2', label: { vi: 'Phiếu số 2', en: 'Certificate no. 2' } },
        ],
      },
      personName('applicant_full_name', 'Họ, chữ đệm và tên', 'Full name'),
      citizenId('applicant_citizen_id', 'Số định danh cá nhân', 'Personal ID number'),
      {
        id: 'applicant_birth_date',
        type: 'date',
        label: { vi: 'Ngày, tháng, năm sinh', en: 'Date of birth' },
        required: true,
        min: '1900-01-01',
        max: 'today',
      },
      mobilePhone('applicant_phone'),
      { id: 'applicant_email', type: 'email', label: { vi: 'Email', en: 'Email' }, required: false },
      {
        id: 'residence_address',
        type: 'address',
        label: { vi: 'Nơi cư trú hiện nay', en: 'Current address' },
        required: true,
      },
      {
        id: 'purpose',
        type: 'text',
        label: { vi: 'Mục đích sử dụng Phiếu', en: 'What the certificate is for' },
        help: { vi: 'Ví dụ: bổ sung hồ sơ xin việc', en: 'For example: a job application' },
        required: true,
        maxLength: 200,
      },
      // Law on Judicial Records art. 45(2): certificate no. 1 may be requested through a
      // representative, with a notarised power of attorney unless they are a parent, spouse or
      // child; certificate no. 2 only by the person themselves.
      {
        ...filedBy,
        showWhen: { field: 'certificate_type', equals: 'no_1' },
        options: [
          ...filedBy.options.filter((o) => o.value === 'self'),
          { value: 'family', label: { vi: 'Cha, mẹ, vợ, chồng hoặc con', en: 'A parent, spouse or child' } },
          ...filedBy.options.filter((o) => o.value === 'representative'),
        ],
      },
      authorisationFile,
      {
        id: 'certificate_count',
        type: 'number',
        label: { vi: 'Số lượng Phiếu', en: 'Number of certificates' },
        required: true,
        integer: true,
        min: 1,
        max: 5,
      },
      {
        id: 'fee_group',
        type: 'radio',
        label: { vi: 'Đối tượng nộp phí', en: 'Fee category' },
        required: true,
        options: [
          { value: 'standard', label: { vi: 'Thông thường (200.000 đồng)', en: 'Standard (200,000 đ)' } },
          {
            value: 'reduced',
            label: {
              vi: 'Sinh viên, người có công, thân nhân liệt sĩ (100.000 đồng)',
              en: "Student, person with merit or martyr's relative (100,000 đ)",
            },
          },
          {
            value: 'exempt',
            label: {
              vi: 'Trẻ em, người cao tuổi, người khuyết tật, hộ nghèo… (miễn phí)',
              en: 'Child, elderly, disabled, poor household… (free)',
            },
          },
        ],
      },
      {
        id: 'fee_group_file',
        type: 'file',
        label: {
          vi: 'Giấy tờ chứng minh thuộc diện giảm, miễn phí',
          en: 'Proof of fee reduction or exemption',
        },
        required: true,
        document: 'fee_group_proof',
        showWhen: { field: 'fee_group', in: ['reduced', 'exempt'] },
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
        id: 'search_records',
        name: { vi: 'Tra cứu, xác minh thông tin lý lịch tư pháp', en: 'Search and verify judicial records' },
        role: 'specialist',
        budgetWorkingHours: 32,
      },
      {
        id: 'sign',
        name: { vi: 'Ký Phiếu lý lịch tư pháp', en: 'Sign the certificate' },
        role: 'approver',
        budgetWorkingHours: 8,
      },
      {
        id: 'issue',
        name: { vi: 'Trả kết quả', en: 'Issue the result' },
        role: 'clerk',
        budgetWorkingHours: 4,
      },
    ],
  },
};
