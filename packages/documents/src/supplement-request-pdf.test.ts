import { describe, expect, it } from 'vitest';
import { sampleForm } from '../test/fixtures.ts';
import { countOccurrences, locateText, readPdf } from '../test/pdf-text.ts';
import { renderSupplementRequestPdf, type SupplementRequestData } from './supplement-request-pdf.ts';

function sampleRequest(): SupplementRequestData {
  return {
    ...sampleForm(),
    missing: [
      { document: 'Bản vẽ mặt bằng công trình', reason: 'Thiếu chữ ký của chủ đầu tư' },
      { document: 'Giấy chứng nhận quyền sử dụng đất', reason: 'Bản sao chưa được chứng thực' },
    ],
    note: 'Ông/Bà có thể nộp bổ sung trực tuyến trên Cổng dịch vụ công.',
    requestedBy: 'Lê Thị Ánh',
  };
}

describe('renderSupplementRequestPdf', () => {
  it('lists every missing document with its reason, in Vietnamese', async () => {
    const { text } = await readPdf(await renderSupplementRequestPdf(sampleRequest(), { locale: 'vi' }));
    for (const expected of [
      'Mẫu số 02 — Thông tư 03/2025/TT-VPCP',
      'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
      'Đà Nẵng, ngày 23 tháng 11 năm 2026',
      'Mã hồ sơ: 000.00.13.H48-261123-0042',
      'Ông/Bà: Nguyễn Thị Hường',
      'đề nghị Ông/Bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:',
      'STT Giấy tờ cần bổ sung, hoàn thiện Lý do, nội dung cần bổ sung',
      '1 Bản vẽ mặt bằng công trình Thiếu chữ ký của chủ đầu tư',
      '2 Giấy chứng nhận quyền sử dụng đất Bản sao chưa được chứng thực',
      'Ghi chú: Ông/Bà có thể nộp bổ sung trực tuyến trên Cổng dịch vụ công.',
      'không tính vào thời hạn giải quyết hồ sơ',
      'NGƯỜI HƯỚNG DẪN',
      'Lê Thị Ánh',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('prints English labels around the data as given', async () => {
    const { text } = await readPdf(await renderSupplementRequestPdf(sampleRequest(), { locale: 'en' }));
    for (const expected of [
      'Form No. 02 — Circular 03/2025/TT-VPCP',
      'REQUEST TO SUPPLEMENT AND COMPLETE THE DOSSIER',
      'No. Document to supplement or complete Reason, what is needed',
      '1 Bản vẽ mặt bằng công trình Thiếu chữ ký của chủ đầu tư',
      'Note: Ông/Bà có thể nộp bổ sung trực tuyến',
      'GUIDING OFFICER',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('Ghi chú');
  });

  it('leaves the note out when there is none', async () => {
    const { note: _note, ...withoutNote } = sampleRequest();
    const { text } = await readPdf(await renderSupplementRequestPdf(withoutNote, { locale: 'vi' }));
    expect(text).not.toContain('Ghi chú');
  });

  it('breaks a long list across pages, repeating the header row on each', async () => {
    const missing = Array.from({ length: 45 }, (_, i) => ({
      document: `Giấy tờ số ${String(i + 1).padStart(2, '0')}`,
      reason: 'Thiếu bản chính để đối chiếu, đề nghị mang theo khi nộp bổ sung',
    }));
    const { pages, text } = await readPdf(
      await renderSupplementRequestPdf({ ...sampleRequest(), missing }, { locale: 'vi' }),
    );
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, i) => {
      if (i < pages.length - 1 || page.includes('Giấy tờ số')) {
        expect(page).toContain('STT Giấy tờ cần bổ sung, hoàn thiện Lý do, nội dung cần bổ sung');
      }
      expect(page).toContain(`Trang ${i + 1}/${pages.length}`);
    });
    for (const item of missing) expect(countOccurrences(text, item.document)).toBe(1);
  });

  it('cuts a single reason longer than a page with an ellipsis instead of running over the footer', async () => {
    const reason = 'Bản sao chưa được chứng thực theo quy định. '.repeat(400);
    const pdf = await renderSupplementRequestPdf(
      { ...sampleRequest(), missing: [{ document: 'Giấy tờ rất dài', reason }] },
      { locale: 'vi' },
    );
    const { text } = await readPdf(pdf);
    expect(text).toContain('Giấy tờ rất dài');
    expect(text).toContain('…');
    expect(text).toContain('NGƯỜI HƯỚNG DẪN');
    for (const box of await locateText(pdf)) {
      if (box.text.includes('Trang')) continue;
      expect(box.top, box.text).toBeLessThan(box.pageHeight - 20 * (72 / 25.4));
    }
  });

  it('refuses an empty list: the request must say exactly what is missing', async () => {
    await expect(
      renderSupplementRequestPdf({ ...sampleRequest(), missing: [] }, { locale: 'vi' }),
    ).rejects.toThrow(RangeError);
    await expect(
      renderSupplementRequestPdf(
        { ...sampleRequest(), missing: [{ document: 'Đơn', reason: ' ' }] },
        { locale: 'vi' },
      ),
    ).rejects.toThrow(/missing\[0\]\.reason/);
  });
});
