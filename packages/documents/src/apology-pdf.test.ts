import { describe, expect, it } from 'vitest';
import { sampleForm } from '../test/fixtures.ts';
import { readPdf } from '../test/pdf-text.ts';
import { type ApologyData, renderApologyPdf } from './apology-pdf.ts';

function sampleApology(): ApologyData {
  return {
    ...sampleForm(),
    reason: 'Cần lấy ý kiến của Sở Tài nguyên và Môi trường về ranh giới thửa đất.',
    // 17:00 on 25 Nov and 10:15 on 2 Dec 2026 in Vietnam.
    oldDueAt: new Date('2026-11-25T10:00:00Z'),
    newDueAt: new Date('2026-12-02T03:15:00Z'),
    signedBy: 'Hoàng Minh Tuấn',
  };
}

describe('renderApologyPdf', () => {
  it('apologises with the old and new dates in Vietnam time', async () => {
    const { text } = await readPdf(await renderApologyPdf(sampleApology(), { locale: 'vi' }));
    for (const expected of [
      'Mẫu số 04 — Thông tư 03/2025/TT-VPCP',
      'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
      'Kính gửi: Ông/Bà Nguyễn Thị Hường',
      'hẹn trả kết quả vào 17 giờ 00 phút, ngày 25/11/2026.',
      'Cần lấy ý kiến của Sở Tài nguyên và Môi trường về ranh giới thửa đất.',
      'xin lỗi Ông/Bà và hẹn lại thời gian trả kết quả vào 10 giờ 15 phút, ngày 02/12/2026.',
      'Mã hồ sơ: 000.00.13.H48-261123-0042',
      'THỦ TRƯỞNG CƠ QUAN',
      'Hoàng Minh Tuấn',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('prints English labels and dates', async () => {
    const { text } = await readPdf(await renderApologyPdf(sampleApology(), { locale: 'en' }));
    for (const expected of [
      'APOLOGY AND NEW APPOINTMENT FOR THE RESULT',
      'To: Nguyễn Thị Hường',
      'set the result for 17:00, 25 Nov 2026.',
      'will return the result at 10:15, 2 Dec 2026.',
      'HEAD OF AGENCY',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it.each([
    ['the same', new Date('2026-11-25T10:00:00Z')],
    ['an earlier', new Date('2026-11-24T10:00:00Z')],
  ])('refuses %s new date', async (_case, newDueAt) => {
    await expect(renderApologyPdf({ ...sampleApology(), newDueAt }, { locale: 'vi' })).rejects.toThrow(
      /newDueAt/,
    );
  });
});
