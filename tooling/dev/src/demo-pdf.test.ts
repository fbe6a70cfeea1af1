import { describe, expect, it } from 'vitest';
import { makeDemoPdf, toPdfText } from './demo-pdf.ts';

describe('toPdfText', () => {
  it.each([
    ['Giấy chứng sinh', 'Giay chung sinh'],
    ['Đà Nẵng', 'Da Nang'],
    ['Phiếu lý lịch tư pháp (số 2)', 'Phieu ly lich tu phap \\(so 2\\)'],
    ['a\\b', 'a\\\\b'],
    ['€ 5', '? 5'],
  ])('%s → %s', (text, expected) => {
    expect(toPdfText(text)).toBe(expected);
  });
});

describe('makeDemoPdf', () => {
  const bytes = makeDemoPdf(['giay-chung-sinh.pdf', 'Hồ sơ dos_1']);
  const text = bytes.toString('latin1');

  it('is a PDF whose cross-reference table points at each object', () => {
    expect(text.startsWith('%PDF-1.4\n')).toBe(true);
    expect(text.endsWith('%%EOF\n')).toBe(true);
    const offsets = [...text.matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    expect(offsets).toHaveLength(5);
    offsets.forEach((offset, i) => {
      expect(text.slice(offset, offset + 8)).toBe(`${i + 1} 0 obj\n`);
    });
    const startxref = Number(/startxref\n(\d+)\n/.exec(text)?.[1]);
    expect(text.slice(startxref, startxref + 5)).toBe('xref\n');
  });

  it('gives the content stream its exact length and writes each line', () => {
    const stream = /<< \/Length (\d+) >>\nstream\n([\s\S]*?)\nendstream/.exec(text);
    expect(Number(stream?.[1])).toBe(stream?.[2]?.length);
    expect(stream?.[2]).toContain('(giay-chung-sinh.pdf) Tj');
    expect(stream?.[2]).toContain('(Ho so dos_1) Tj');
  });
});
