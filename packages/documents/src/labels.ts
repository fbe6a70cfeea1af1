// Labels every form shares, in Vietnamese first and English for foreign applicants.
import type { Locale } from './types.ts';

export interface CommonLabels {
  nation: string;
  motto: string;
  formReference: (formNumber: string) => string;
  dossierCode: string;
  applicant: string;
  address: string;
  phone: string;
  email: string;
  procedure: string;
  signHint: string;
  headOfAgency: string;
  page: (index: number, count: number) => string;
}

export const COMMON_LABELS: Record<Locale, CommonLabels> = {
  vi: {
    nation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    motto: 'Độc lập - Tự do - Hạnh phúc',
    formReference: (n) => `Mẫu số ${n} — Thông tư 03/2025/TT-VPCP`,
    dossierCode: 'Mã hồ sơ',
    applicant: 'Ông/Bà',
    address: 'Địa chỉ',
    phone: 'Số điện thoại',
    email: 'Thư điện tử',
    procedure: 'Thủ tục',
    signHint: '(Ký và ghi rõ họ tên)',
    headOfAgency: 'THỦ TRƯỞNG CƠ QUAN',
    page: (i, n) => `Trang ${i}/${n}`,
  },
  en: {
    nation: 'SOCIALIST REPUBLIC OF VIETNAM',
    motto: 'Independence - Freedom - Happiness',
    formReference: (n) => `Form No. ${n} — Circular 03/2025/TT-VPCP`,
    dossierCode: 'Dossier code',
    applicant: 'Applicant',
    address: 'Address',
    phone: 'Phone',
    email: 'Email',
    procedure: 'Procedure',
    signHint: '(Signature and full name)',
    headOfAgency: 'HEAD OF AGENCY',
    page: (i, n) => `Page ${i} of ${n}`,
  },
};
