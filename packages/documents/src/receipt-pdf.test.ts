import { describe, expect, it } from 'vitest';
import { MORNING_23_NOV, sampleForm } from '../test/fixtures.ts';
import { locateText, readPdf } from '../test/pdf-text.ts';
import { type ReceiptData, renderReceiptPdf } from './receipt-pdf.ts';

function sampleReceipt(): ReceiptData {
  return {
    ...sampleForm(),
    receivedAt: MORNING_23_NOV,
    // 16:00 on 7 Dec 2026 in Vietnam.
    dueAt: new Date('2026-12-07T09:00:00Z'),
    documents: [
      { name: 'Đơn đề nghị cấp giấy phép xây dựng', originals: 1, copies: 0 },
      { name: 'Bản sao giấy chứng nhận quyền sử dụng đất', originals: 0, copies: 2 },
      { name: 'Bản vẽ thiết kế xây dựng', originals: 2, copies: 1 },
    ],
    receivedBy: 'Trần Văn Đức',
    trackingKey: 'K7Q-92XF',
    trackingUrl: 'https://danang.motcua.vn/tra-cuu?ma=000.00.13.H48-261123-0042',
  };
}

describe('renderReceiptPdf in Vietnamese', async () => {
  const pdf = await renderReceiptPdf(sampleReceipt(), { locale: 'vi' });
  const { text, pages, title, creationDate } = await readPdf(pdf);

  it.each([
    'Mẫu số 01 — Thông tư 03/2025/TT-VPCP',
    'ỦY BAN NHÂN DÂN THÀNH PHỐ ĐÀ NẴNG',
    'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG',
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    'Đà Nẵng, ngày 23 tháng 11 năm 2026',
    'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
    'Trung tâm Phục vụ hành chính công đã tiếp nhận hồ sơ của:',
    'Mã hồ sơ: 000.00.13.H48-261123-0042',
    'Ông/Bà: Nguyễn Thị Hường',
    'Địa chỉ: 12 Lê Duẩn, phường Hải Châu, thành phố Đà Nẵng',
    'Số điện thoại: 0905 123 456',
    'Thư điện tử: huong.nguyen@example.vn',
    'Thủ tục: Cấp giấy phép xây dựng nhà ở riêng lẻ',
    'STT Tên giấy tờ Bản chính Bản sao',
    '1 Đơn đề nghị cấp giấy phép xây dựng 1 0',
    '2 Bản sao giấy chứng nhận quyền sử dụng đất 0 2',
    '3 Bản vẽ thiết kế xây dựng 2 1',
    '2. Thời gian tiếp nhận hồ sơ: 08 giờ 30 phút, ngày 23/11/2026',
    '3. Thời gian hẹn trả kết quả: 16 giờ 00 phút, ngày 07/12/2026',
    'Mã tra cứu: K7Q-92XF',
    'NGƯỜI NỘP HỒ SƠ',
    'NGƯỜI TIẾP NHẬN HỒ SƠ',
    '(Ký và ghi rõ họ tên)',
    'Trần Văn Đức',
    '000.00.13.H48-261123-0042 · Trang 1/1',
  ])('prints "%s" with its diacritics intact', (expected) => {
    expect(text).toContain(expected);
  });

  it('prints the tracking URL (it may wrap) beside the QR image', () => {
    expect(text.replaceAll(' ', '')).toContain(
      'https://danang.motcua.vn/tra-cuu?ma=000.00.13.H48-261123-0042',
    );
    expect(pdf.includes('/Subtype /Image')).toBe(true);
  });

  it('fits on one A4 page, under 200 KB with subset fonts, titled and dated for regeneration', () => {
    expect(pages).toHaveLength(1);
    expect(pdf.length).toBeLessThan(200 * 1024);
    expect(title).toBe('Giấy tiếp nhận hồ sơ và hẹn trả kết quả');
    expect(creationDate).toMatch(/^D:20261123013000Z/);
  });

  it('keeps all text inside the page', async () => {
    for (const box of await locateText(pdf)) {
      expect(box.x, box.text).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, box.text).toBeLessThanOrEqual(box.pageWidth);
      expect(box.top, box.text).toBeGreaterThan(0);
      expect(box.top, box.text).toBeLessThan(box.pageHeight);
    }
  });
});

describe('renderReceiptPdf in English', async () => {
  const { text } = await readPdf(await renderReceiptPdf(sampleReceipt(), { locale: 'en' }));

  it.each([
    'Form No. 01 — Circular 03/2025/TT-VPCP',
    'SOCIALIST REPUBLIC OF VIETNAM',
    'Independence - Freedom - Happiness',
    'Đà Nẵng, 23 November 2026',
    'RECEIPT OF DOSSIER AND APPOINTMENT FOR THE RESULT',
    'Dossier code: 000.00.13.H48-261123-0042',
    'Applicant: Nguyễn Thị Hường',
    'No. Document Originals Copies',
    '2 Bản sao giấy chứng nhận quyền sử dụng đất 0 2',
    '2. Received at: 08:30, 23 Nov 2026',
    '3. Result due at: 16:00, 7 Dec 2026',
    'Tracking key: K7Q-92XF',
    'RECEIVING OFFICER',
    'Trần Văn Đức',
    'Page 1 of 1',
  ])('prints "%s"', (expected) => {
    expect(text).toContain(expected);
  });

  it('translates labels only', () => {
    expect(text).not.toContain('Mã hồ sơ');
    expect(text).not.toContain('CỘNG HÒA');
    expect(text).toContain('ỦY BAN NHÂN DÂN THÀNH PHỐ ĐÀ NẴNG');
  });
});

describe('renderReceiptPdf output', () => {
  it('is byte-identical for the same input, and differs when the issue time does', async () => {
    const first = await renderReceiptPdf(sampleReceipt(), { locale: 'vi' });
    const again = await renderReceiptPdf(sampleReceipt(), { locale: 'vi' });
    const later = await renderReceiptPdf(
      { ...sampleReceipt(), issuedAt: new Date('2026-11-23T01:31:00Z') },
      { locale: 'vi' },
    );
    expect(again.equals(first)).toBe(true);
    expect(later.equals(first)).toBe(false);
  });

  it('prints decomposed Vietnamese exactly as composed', async () => {
    const composed = sampleReceipt();
    const decomposed: ReceiptData = {
      ...composed,
      dossier: { ...composed.dossier, applicantName: composed.dossier.applicantName.normalize('NFD') },
      receivedBy: composed.receivedBy.normalize('NFD'),
    };
    expect(decomposed.dossier.applicantName).not.toBe(composed.dossier.applicantName);
    const [a, b] = await Promise.all([
      renderReceiptPdf(composed, { locale: 'vi' }),
      renderReceiptPdf(decomposed, { locale: 'vi' }),
    ]);
    expect(b.equals(a)).toBe(true);
  });

  it('leaves out contact lines the applicant did not give', async () => {
    const base = sampleReceipt();
    const { applicantName, code, procedureName } = base.dossier;
    const { text } = await readPdf(
      await renderReceiptPdf({ ...base, dossier: { applicantName, code, procedureName } }, { locale: 'vi' }),
    );
    expect(text).toContain('Ông/Bà: Nguyễn Thị Hường');
    expect(text).not.toContain('Địa chỉ');
    expect(text).not.toContain('Số điện thoại');
  });

  it.each([
    ['a due date before receipt', { dueAt: new Date('2026-11-22T00:00:00Z') }, /out of order/],
    ['an invalid date', { receivedAt: new Date(Number.NaN) }, /receivedAt/],
    ['a negative count', { documents: [{ name: 'Đơn', originals: -1, copies: 0 }] }, /originals/],
    ['a fractional count', { documents: [{ name: 'Đơn', originals: 1, copies: 0.5 }] }, /copies/],
    ['no receiving officer', { receivedBy: '  ' }, /receivedBy/],
    ['no tracking key', { trackingKey: '' }, /trackingKey/],
  ])('refuses %s', async (_case, change, message) => {
    await expect(renderReceiptPdf({ ...sampleReceipt(), ...change }, { locale: 'vi' })).rejects.toThrow(
      message,
    );
  });
});
