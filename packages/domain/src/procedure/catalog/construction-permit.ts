// Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ: building permit for a detached house.
import type { ProcedureVersion } from '../procedure-version.ts';
import {
  citizenId,
  declaration,
  mobilePhone,
  oneCopy,
  oneOriginal,
  pdfOnly,
  personName,
  scan,
} from './shared.ts';

const sheetOrParcel = (id: string, vi: string, en: string) =>
  ({
    id,
    type: 'text',
    label: { vi, en },
    help: { vi: 'Ghi theo Giấy chứng nhận quyền sử dụng đất', en: 'As written on the land-use certificate' },
    required: true,
    pattern: {
      regex: '\\d{1,6}',
      message: { vi: 'Nhập số, tối đa 6 chữ số', en: 'Enter a number of up to 6 digits' },
    },
  }) as const;

export const constructionPermit: ProcedureVersion = {
  // Illustrative code: public listings disagree (1.009994 and 1.009974); confirm it in the
  // national procedure database before publishing.
  code: '1.009994',
  name: {
    vi: 'Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ',
    en: 'Building permit for a new detached house',
  },
  description: {
    vi: 'Cấp giấy phép xây dựng nhà ở riêng lẻ của hộ gia đình, cá nhân.',
    en: 'Issue a building permit for a detached house built by a household or an individual.',
  },
  sector: 'Hoạt động xây dựng',
  // The commune People's Committee since the district level was abolished on 1 July 2025.
  competentUnitCode: 'commune_peoples_committee',
  audience: 'both',
  onlineLevel: 'partial',
  legalBasis: [
    { document: '50/2014/QH13', title: 'Luật Xây dựng (arts. 89–103: building permits)' },
    { document: '62/2020/QH14', title: 'Luật sửa đổi, bổ sung một số điều của Luật Xây dựng' },
    {
      document: '175/2024/NĐ-CP',
      title: 'Nghị định quy định chi tiết Luật Xây dựng về quản lý hoạt động xây dựng',
    },
    {
      document: '85/2019/TT-BTC',
      title: 'Thông tư hướng dẫn về phí và lệ phí thuộc thẩm quyền của HĐND cấp tỉnh',
    },
  ],
  // Law on Construction art. 102 (as amended by Law 62/2020/QH14): 15 days for a detached house.
  processingTime: { value: 15, unit: 'calendar_days' },
  fees: [
    {
      id: 'building_permit_fee',
      // The provincial People's Council sets it (Circular 85/2019/TT-BTC); 75,000 đ is the common rate.
      name: {
        vi: 'Lệ phí cấp giấy phép xây dựng nhà ở riêng lẻ',
        en: 'Building permit fee (detached house)',
      },
      amount: 75_000,
    },
  ],
  documents: [
    {
      id: 'land_use_certificate',
      name: {
        vi: 'Giấy tờ chứng minh quyền sử dụng đất',
        en: 'Proof of land-use rights (land-use certificate)',
      },
      required: true,
      copies: oneCopy,
      ...scan,
    },
    {
      id: 'design_drawings',
      name: {
        vi: '02 bộ bản vẽ thiết kế: mặt bằng vị trí, mặt bằng, mặt cắt, mặt đứng, móng, đấu nối hạ tầng',
        en: 'Two sets of design drawings: site plan, floor plans, sections, elevations, foundations, utility connections',
      },
      required: true,
      copies: { originals: 2, copies: 0 },
      ...pdfOnly,
    },
    {
      id: 'adjacent_works_commitment',
      name: {
        vi: 'Bản cam kết bảo đảm an toàn đối với công trình liền kề',
        en: 'Commitment to keep adjacent buildings safe',
      },
      required: true,
      copies: oneOriginal,
      templateFile: 'ban-cam-ket-an-toan-cong-trinh-lien-ke.docx',
      ...scan,
      showWhen: { field: 'has_adjacent_buildings', equals: true },
    },
  ],
  form: {
    fields: [
      personName('applicant_full_name', 'Họ, chữ đệm và tên chủ đầu tư', "Owner's full name"),
      citizenId('applicant_citizen_id', 'Số định danh cá nhân', 'Personal ID number'),
      mobilePhone('applicant_phone'),
      {
        id: 'site_address',
        type: 'address',
        label: { vi: 'Địa điểm xây dựng', en: 'Building site' },
        required: true,
      },
      sheetOrParcel('map_sheet_number', 'Tờ bản đồ số', 'Map sheet number'),
      sheetOrParcel('parcel_number', 'Thửa đất số', 'Land parcel number'),
      {
        id: 'land_area_m2',
        type: 'number',
        label: { vi: 'Diện tích thửa đất (m²)', en: 'Plot area (m²)' },
        required: true,
        min: 1,
        max: 100_000,
      },
      {
        id: 'ground_floor_area_m2',
        type: 'number',
        label: { vi: 'Diện tích xây dựng tầng 1 (m²)', en: 'Ground-floor footprint (m²)' },
        required: true,
        min: 1,
        max: 100_000,
      },
      {
        id: 'floors',
        type: 'number',
        label: { vi: 'Số tầng', en: 'Number of storeys' },
        required: true,
        integer: true,
        min: 1,
        max: 20,
      },
      {
        id: 'has_basement',
        type: 'checkbox',
        label: { vi: 'Có tầng hầm', en: 'Has a basement' },
        required: false,
      },
      {
        id: 'land_use_certificate_file',
        type: 'file',
        label: { vi: 'Giấy tờ chứng minh quyền sử dụng đất', en: 'Proof of land-use rights' },
        required: true,
        document: 'land_use_certificate',
      },
      {
        id: 'design_drawings_file',
        type: 'file',
        label: { vi: 'Bản vẽ thiết kế', en: 'Design drawings' },
        required: true,
        document: 'design_drawings',
      },
      {
        id: 'has_adjacent_buildings',
        type: 'checkbox',
        label: {
          vi: 'Nhà xây sát các công trình liền kề',
          en: 'The house is built against neighbouring buildings',
        },
        required: false,
      },
      {
        id: 'adjacent_commitment_file',
        type: 'file',
        label: { vi: 'Bản cam kết an toàn công trình liền kề', en: 'Commitment on adjacent buildings' },
        required: true,
        document: 'adjacent_works_commitment',
        showWhen: { field: 'has_adjacent_buildings', equals: true },
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
        id: 'site_inspection',
        name: { vi: 'Thẩm định hồ sơ, kiểm tra thực địa', en: 'Appraise the dossier and inspect the site' },
        role: 'specialist',
        budgetWorkingHours: 56,
      },
      {
        id: 'sign',
        name: { vi: 'Ký giấy phép xây dựng', en: 'Sign the permit' },
        role: 'approver',
        budgetWorkingHours: 16,
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
