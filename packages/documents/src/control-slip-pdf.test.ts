import { describe, expect, it } from 'vitest';
import { createRandom, MORNING_23_NOV, sampleForm, VIETNAMESE_ALPHABET } from '../test/fixtures.ts';
import { countOccurrences, locateText, readPdf } from '../test/pdf-text.ts';
import {
  type ControlSlipData,
  type HandOff,
  renderControlSlipPdf,
  type Timeliness,
} from './control-slip-pdf.ts';

const HEADER_VI = 'STT Bước xử lý Giao, nhận hồ sơ Thời điểm giao, nhận Hạn xử lý Kết quả Ký giao, nhận';
const TIMELINESS: readonly (Timeliness | null)[] = ['early', 'on_time', 'late', null];

function tag(i: number): string {
  return String(i).padStart(3, '0');
}

function makeEntries(count: number): HandOff[] {
  return Array.from({ length: count }, (_, i) => ({
    from: `Chuyên viên Nguyễn Văn ${tag(i)}`,
    to: `Lãnh đạo phòng Trần Thị ${tag(i)}`,
    at: new Date(MORNING_23_NOV.getTime() + i * 3_600_000),
    stepName: `Xử lý bước ${tag(i)}`,
    dueAt: i % 5 === 0 ? null : new Date('2026-11-24T09:00:00Z'),
    timeliness: TIMELINESS[i % 4] ?? null,
    ...(i % 7 === 0 ? { note: 'Chờ ý kiến phối hợp của Sở Tài chính' } : {}),
  }));
}

function sampleSlip(entries: HandOff[]): ControlSlipData {
  return { ...sampleForm(), entries, receivedAt: MORNING_23_NOV, dueAt: new Date('2026-12-07T09:00:00Z') };
}

describe('renderControlSlipPdf', () => {
  it('prints each hand-off with its times in Vietnam time and its timeliness', async () => {
    const { text } = await readPdf(await renderControlSlipPdf(sampleSlip(makeEntries(4)), { locale: 'vi' }));
    for (const expected of [
      'Mẫu số 06 — Thông tư 03/2025/TT-VPCP',
      'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ',
      'Cơ quan (bộ phận) giải quyết hồ sơ: Trung tâm Phục vụ hành chính công',
      'Thời gian tiếp nhận hồ sơ: 08 giờ 30 phút, ngày 23/11/2026',
      'Thời gian hẹn trả kết quả: 16 giờ 00 phút, ngày 07/12/2026',
      HEADER_VI,
      // Entry 0: no step deadline, finished early, with a note.
      '1 Xử lý bước 000 Ghi chú: Chờ ý kiến phối hợp của Sở Tài chính Bên giao: Chuyên viên Nguyễn Văn 000 ' +
        'Bên nhận: Lãnh đạo phòng Trần Thị 000 08 giờ 30 phút, ngày 23/11/2026 — Trước hạn Giao: Nhận:',
      '2 Xử lý bước 001 Bên giao: Chuyên viên Nguyễn Văn 001 Bên nhận: Lãnh đạo phòng Trần Thị 001 ' +
        '09 giờ 30 phút, ngày 23/11/2026 16 giờ 00 phút, ngày 24/11/2026 Đúng hạn',
      '10 giờ 30 phút, ngày 23/11/2026 16 giờ 00 phút, ngày 24/11/2026 Quá hạn',
      // Entry 3: still open, so neither early nor late.
      '11 giờ 30 phút, ngày 23/11/2026 16 giờ 00 phút, ngày 24/11/2026 — Giao: Nhận:',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('prints English labels around the names as given', async () => {
    const { text } = await readPdf(await renderControlSlipPdf(sampleSlip(makeEntries(3)), { locale: 'en' }));
    for (const expected of [
      'PROCESSING CONTROL SLIP',
      'No. Step Hand-off Handed over at Step deadline Result Signatures',
      'From: Chuyên viên Nguyễn Văn 001 To: Lãnh đạo phòng Trần Thị 001 09:30, 23 Nov 2026 16:00, 24 Nov 2026 On time',
      'Early',
      'Late',
      'Note: Chờ ý kiến phối hợp',
    ]) {
      expect(text).toContain(expected);
    }
  });

  describe('with 60 hand-offs', async () => {
    const entries = makeEntries(60);
    const pdf = await renderControlSlipPdf(sampleSlip(entries), { locale: 'vi' });
    const { pages, text } = await readPdf(pdf);

    it('spans several pages, each headed by the column titles and numbered', () => {
      expect(pages.length).toBeGreaterThanOrEqual(3);
      pages.forEach((page, i) => {
        expect(countOccurrences(page, HEADER_VI)).toBe(1);
        expect(page).toContain(`000.00.13.H48-261123-0042 · Trang ${i + 1}/${pages.length}`);
      });
    });

    it('prints every hand-off exactly once, in order', () => {
      let previous = -1;
      for (const entry of entries) {
        expect(countOccurrences(text, entry.stepName)).toBe(1);
        const position = text.indexOf(entry.stepName);
        expect(position).toBeGreaterThan(previous);
        previous = position;
      }
    });

    it('never splits a row between pages', () => {
      for (const entry of entries) {
        const page = pages.find((p) => p.includes(entry.stepName));
        expect(page).toContain(`${entry.from} Bên nhận: ${entry.to}`);
      }
    });

    it('keeps every row above the footer', async () => {
      for (const box of await locateText(pdf)) {
        if (box.text.includes('Trang')) continue;
        expect(box.top, box.text).toBeLessThan(box.pageHeight - 20 * (72 / 25.4));
      }
    });

    it('renders the same bytes again', async () => {
      expect((await renderControlSlipPdf(sampleSlip(entries), { locale: 'vi' })).equals(pdf)).toBe(true);
    });
  });

  it('prints every entry once for random slips of 0 to 40 hand-offs', async () => {
    const random = createRandom(606);
    for (let run = 0; run < 6; run += 1) {
      const entries = Array.from({ length: random.int(0, 40) }, (_, i) => ({
        from: random.text(VIETNAMESE_ALPHABET, 3, 40).trim() || 'A',
        to: random.text(VIETNAMESE_ALPHABET, 3, 40).trim() || 'B',
        at: new Date(MORNING_23_NOV.getTime() + random.int(0, 10 ** 9)),
        stepName: `Bước #${tag(i)}`,
        dueAt: random.next() < 0.3 ? null : new Date(MORNING_23_NOV.getTime() + random.int(0, 10 ** 9)),
        timeliness: random.pick(TIMELINESS),
      }));
      const { text } = await readPdf(await renderControlSlipPdf(sampleSlip(entries), { locale: 'vi' }));
      for (const entry of entries) expect(countOccurrences(text, entry.stepName), entry.stepName).toBe(1);
      expect(countOccurrences(text, 'Bước #')).toBe(entries.length);
    }
  });

  it('says so when the dossier has not been handed over yet', async () => {
    const { text } = await readPdf(await renderControlSlipPdf(sampleSlip([]), { locale: 'vi' }));
    expect(text).toContain('Hồ sơ chưa được giao, nhận lần nào.');
    expect(text).not.toContain('Bước xử lý');
  });

  it.each([
    ['an invalid hand-off time', { at: new Date(Number.NaN) }, /entries\[0\]\.at/],
    ['an invalid step deadline', { dueAt: new Date(Number.NaN) }, /entries\[0\]\.dueAt/],
    ['a hand-off without a sender', { from: ' ' }, /entries\[0\]\.from/],
  ])('refuses %s', async (_case, change, message) => {
    const broken = sampleSlip(makeEntries(1).map((entry) => ({ ...entry, ...change })));
    await expect(renderControlSlipPdf(broken, { locale: 'vi' })).rejects.toThrow(message);
  });
});
