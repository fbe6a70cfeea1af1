import { describe, expect, it } from 'vitest';
import { sampleForm } from '../test/fixtures.ts';
import { readPdf } from '../test/pdf-text.ts';
import { renderStopNoticePdf, type StopNoticeData } from './stop-notice-pdf.ts';

function sampleNotice(): StopNoticeData {
  return {
    ...sampleForm(),
    reason: 'Người nộp hồ sơ đề nghị dừng giải quyết để điều chỉnh thiết kế.',
    signedBy: 'Đỗ Thu Hằng',
  };
}

describe('renderStopNoticePdf', () => {
  it('gives the notice and its reason, in Vietnamese', async () => {
    const { text } = await readPdf(await renderStopNoticePdf(sampleNotice(), { locale: 'vi' }));
    for (const expected of [
      'Mẫu số 05 — Thông tư 03/2025/TT-VPCP',
      'THÔNG BÁO DỪNG XỬ LÝ HỒ SƠ',
      'Kính gửi: Ông/Bà Nguyễn Thị Hường',
      'Trung tâm Phục vụ hành chính công thông báo dừng xử lý hồ sơ sau đây:',
      'Thủ tục: Cấp giấy phép xây dựng nhà ở riêng lẻ',
      'Lý do dừng xử lý hồ sơ: Người nộp hồ sơ đề nghị dừng giải quyết để điều chỉnh thiết kế.',
      'THỦ TRƯỞNG CƠ QUAN',
      'Đỗ Thu Hằng',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('prints English labels', async () => {
    const { text } = await readPdf(await renderStopNoticePdf(sampleNotice(), { locale: 'en' }));
    for (const expected of [
      'NOTICE OF STOPPING THE PROCESSING OF A DOSSIER',
      'Reason for stopping: Người nộp hồ sơ đề nghị dừng giải quyết',
      'Procedure: Cấp giấy phép xây dựng nhà ở riêng lẻ',
      'Đỗ Thu Hằng',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('uses the agency itself as issuer when no unit is named', async () => {
    const base = sampleNotice();
    const { text } = await readPdf(
      await renderStopNoticePdf(
        { ...base, agency: { name: base.agency.name, place: 'Đà Nẵng' } },
        { locale: 'vi' },
      ),
    );
    expect(text).toContain('Ủy ban nhân dân thành phố Đà Nẵng thông báo dừng xử lý hồ sơ sau đây:');
    expect(text).not.toContain('TRUNG TÂM PHỤC VỤ');
  });

  it('refuses a notice without a signer', async () => {
    await expect(renderStopNoticePdf({ ...sampleNotice(), signedBy: '' }, { locale: 'vi' })).rejects.toThrow(
      /signedBy/,
    );
  });
});
