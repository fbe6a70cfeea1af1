import { describe, expect, it } from 'vitest';
import {
  asciiFallback,
  attachmentDisposition,
  encodeRfc5987,
  inlineDisposition,
} from './content-disposition.ts';

describe('encodeRfc5987', () => {
  it.each([
    ['plain.pdf', 'plain.pdf'],
    ['Bản sao.pdf', 'B%E1%BA%A3n%20sao.pdf'],
    ['Đơn (mẫu 1).pdf', '%C4%90%C6%A1n%20%28m%E1%BA%ABu%201%29.pdf'],
    ["it's*.png", 'it%27s%2A.png'],
    ['a"b;c\\d.pdf', 'a%22b%3Bc%5Cd.pdf'],
    // Decomposed input (base letter + combining mark) is sent composed.
    ['Vie\u0302\u0323t.pdf', 'Vi%E1%BB%87t.pdf'],
  ])('%s → %s', (name, expected) => {
    expect(encodeRfc5987(name)).toBe(expected);
  });
});

describe('asciiFallback', () => {
  it.each([
    ['Quyết định cấp giấy.pdf', 'Quyet_dinh_cap_giay.pdf'],
    ['€.pdf', 'file.pdf'],
    ['ảnh', 'anh'],
    ['.hidden', 'hidden'],
    ['báo cáo.tar.gz', 'bao_cao.tar.gz'],
    ['"; filename=evil.exe', 'filename_evil.exe'],
  ])('%s → %s', (name, expected) => {
    expect(asciiFallback(name)).toBe(expected);
  });
});

describe('the headers', () => {
  it('names a download both ways and a printed form in ASCII', () => {
    expect(attachmentDisposition('Bản sao CCCD.pdf')).toBe(
      `attachment; filename="Ban_sao_CCCD.pdf"; filename*=UTF-8''B%E1%BA%A3n%20sao%20CCCD.pdf`,
    );
    expect(inlineDisposition('DANANG-260212-0001-receipt.pdf')).toBe(
      'inline; filename="DANANG-260212-0001-receipt.pdf"',
    );
  });

  /** mulberry32, so a failing name can be replayed. */
  function random(seed: number) {
    let state = seed >>> 0;
    return () => {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const alphabet = [...'aZ09 ._-"\';\\/%*()=,đĐạắỹ€😀\u0301\t'];

  it('is always a valid header whose UTF-8 name decodes back to the file name (1,000 random names)', () => {
    const next = random(74);
    for (let i = 0; i < 1000; i += 1) {
      const name = Array.from({ length: 1 + Math.floor(next() * 40) }, () => {
        return alphabet[Math.floor(next() * alphabet.length)] ?? 'a';
      }).join('');
      const header = attachmentDisposition(name);
      const label = JSON.stringify(name);
      // Headers would throw on anything outside Latin-1; these are plain ASCII with no controls.
      expect(new Headers({ 'content-disposition': header }).get('content-disposition'), label).toBe(header);
      expect(header, label).toMatch(/^attachment; filename="[A-Za-z0-9._-]+"; filename\*=UTF-8''[!-~]+$/);
      const encoded = header.slice(header.indexOf("''") + 2);
      expect(encoded, label).toMatch(/^[A-Za-z0-9!#$&+.^_`|~%-]+$/);
      expect(decodeURIComponent(encoded), label).toBe(name.normalize('NFC'));
    }
  });
});
