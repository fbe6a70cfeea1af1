// The 34 provincial units in force since 1 July 2025, with the codes of Decision 19/2025/QĐ-TTg.
// Kept as data so that a later reorganisation is an edit here, not a change of rules.
import type { LocalizedText } from './localized-text.ts';

export type Province = { code: string; kind: 'city' | 'province'; name: LocalizedText };

const city = (code: string, vi: string, en: string): Province => ({ code, kind: 'city', name: { vi, en } });
const province = (code: string, vi: string, en: string): Province => ({
  code,
  kind: 'province',
  name: { vi, en },
});

export const provinces: readonly Province[] = Object.freeze([
  city('01', 'Hà Nội', 'Ha Noi'),
  province('04', 'Cao Bằng', 'Cao Bang'),
  province('08', 'Tuyên Quang', 'Tuyen Quang'),
  province('11', 'Điện Biên', 'Dien Bien'),
  province('12', 'Lai Châu', 'Lai Chau'),
  province('14', 'Sơn La', 'Son La'),
  province('15', 'Lào Cai', 'Lao Cai'),
  province('19', 'Thái Nguyên', 'Thai Nguyen'),
  province('20', 'Lạng Sơn', 'Lang Son'),
  province('22', 'Quảng Ninh', 'Quang Ninh'),
  province('24', 'Bắc Ninh', 'Bac Ninh'),
  province('25', 'Phú Thọ', 'Phu Tho'),
  city('31', 'Hải Phòng', 'Hai Phong'),
  province('33', 'Hưng Yên', 'Hung Yen'),
  province('37', 'Ninh Bình', 'Ninh Binh'),
  province('38', 'Thanh Hóa', 'Thanh Hoa'),
  province('40', 'Nghệ An', 'Nghe An'),
  province('42', 'Hà Tĩnh', 'Ha Tinh'),
  province('44', 'Quảng Trị', 'Quang Tri'),
  city('46', 'Huế', 'Hue'),
  city('48', 'Đà Nẵng', 'Da Nang'),
  province('51', 'Quảng Ngãi', 'Quang Ngai'),
  province('52', 'Gia Lai', 'Gia Lai'),
  province('56', 'Khánh Hòa', 'Khanh Hoa'),
  province('66', 'Đắk Lắk', 'Dak Lak'),
  province('68', 'Lâm Đồng', 'Lam Dong'),
  province('75', 'Đồng Nai', 'Dong Nai'),
  city('79', 'TP Hồ Chí Minh', 'Ho Chi Minh City'),
  province('80', 'Tây Ninh', 'Tay Ninh'),
  province('82', 'Đồng Tháp', 'Dong Thap'),
  province('86', 'Vĩnh Long', 'Vinh Long'),
  province('91', 'An Giang', 'An Giang'),
  city('92', 'Cần Thơ', 'Can Tho'),
  province('96', 'Cà Mau', 'Ca Mau'),
]);

const byCode = new Map(provinces.map((p) => [p.code, p]));

/** The province with this two-digit code, or undefined when no current unit has it. */
export const findProvince = (code: string): Province | undefined => byCode.get(code);
