import { describe, expect, it } from 'vitest';
import { sampleForm } from '../test/fixtures.ts';
import { readPdf } from '../test/pdf-text.ts';
import { type RefusalData, renderRefusalPdf } from './refusal-pdf.ts';

function sampleRefusal(): RefusalData {
  return {
    ...sampleForm(),
    reason: 'Thủ tục này thuộc thẩm quyền giải quyết của Sở Xây dựng, không thuộc Ủy ban nhân dân phường.',
    refusedBy: 'Phạm Quốc Việt',
  };
}

describe('renderRefusalPdf', () => {
  it('states the reason in writing, in Vietnamese', async () => {
    const { text, title } = await readPdf(await renderRefusalPdf(sampleRefusal(), { locale: 'vi' }));
    for (const expected of [
      'Mẫu số 03 — Thông tư 03/2025/TT-VPCP',
      'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
      'Đà Nẵng, ngày 23 tháng 11 năm 2026',
      'Mã hồ sơ: 000.00.13.H48-261123-0042',
      'Ông/Bà: Nguyễn Thị Hường',
      'từ chối tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:',
      'Thủ tục này thuộc thẩm quyền giải quyết của Sở Xây dựng, không thuộc Ủy ban nhân dân phường.',
      'NGƯỜI TIẾP NHẬN HỒ SƠ',
      'Phạm Quốc Việt',
    ]) {
      expect(text).toContain(expected);
    }
    expect(title).toBe('Phiếu từ chối tiếp nhận giải quyết hồ sơ');
  });

  it('prints English labels and the reason as given', async () => {
    const { text } = await readPdf(await renderRefusalPdf(sampleRefusal(), { locale: 'en' }));
    for (const expected of [
      'NOTICE OF REFUSAL TO RECEIVE AND RESOLVE THE DOSSIER',
      'refuses to receive and resolve this dossier for the following reason:',
      'thuộc thẩm quyền giải quyết của Sở Xây dựng',
      'Applicant: Nguyễn Thị Hường',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('refuses to print a refusal without a reason', async () => {
    await expect(renderRefusalPdf({ ...sampleRefusal(), reason: '' }, { locale: 'vi' })).rejects.toThrow(
      /reason/,
    );
  });
});
