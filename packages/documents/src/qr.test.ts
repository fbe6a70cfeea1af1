import { inflateSync } from 'node:zlib';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { createRandom, VIETNAMESE_ALPHABET } from '../test/fixtures.ts';
import { QR_SETTINGS, qrPng, qrSvg } from './qr.ts';

const URLS = [
  'https://danang.motcua.vn/tra-cuu?ma=000.00.13.H48-261123-0042',
  'https://dichvucong.hue.gov.vn/tra-cuu?ma=000.00.46.H46-260101-0001&khoa=K7Q-92XF',
  'x',
  'Nguyễn Thị Hường — hồ sơ 0042',
];

function expectedMatrix(text: string): boolean[][] {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: QR_SETTINGS.errorCorrectionLevel });
  return Array.from({ length: modules.size }, (_, row) =>
    Array.from({ length: modules.size }, (_, col) => modules.get(row, col) !== 0),
  );
}

/** Reads the dark path back into a module matrix: every subpath is `M<x> <y>h<run>v1h-<run>z`. */
function readSvgMatrix(svg: string, size: number): boolean[][] {
  const grid = Array.from({ length: size }, () => Array.from({ length: size }, () => false));
  const dark = /<path fill="#000000" d="([^"]*)"\/>/.exec(svg)?.[1] ?? '';
  const offset = QR_SETTINGS.quietZone;
  for (const [, x, y, run, back] of dark.matchAll(/M(\d+) (\d+)h(\d+)v1h-(\d+)z/g)) {
    expect(back).toBe(run);
    for (let i = 0; i < Number(run); i += 1) {
      const row = grid[Number(y) - offset];
      if (!row) throw new Error(`row ${y} is outside the symbol`);
      row[Number(x) - offset + i] = true;
    }
  }
  return grid;
}

/** Just enough PNG decoding (8-bit grey, RGB or RGBA; all five filters) to read the modules back. */
function decodePng(png: Buffer): {
  width: number;
  height: number;
  isDark: (x: number, y: number) => boolean;
} {
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      expect(body[8]).toBe(8);
      channels = ({ 0: 1, 2: 3, 6: 4 } as Record<number, number>)[body[9] ?? -1] ?? 0;
      expect(channels).toBeGreaterThan(0);
    }
    if (type === 'IDAT') idat.push(body);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (stride + 1)];
    for (let i = 0; i < stride; i += 1) {
      const value = raw[y * (stride + 1) + 1 + i] ?? 0;
      const a = i >= channels ? (pixels[y * stride + i - channels] ?? 0) : 0;
      const b = y > 0 ? (pixels[(y - 1) * stride + i] ?? 0) : 0;
      const c = y > 0 && i >= channels ? (pixels[(y - 1) * stride + i - channels] ?? 0) : 0;
      const p = a + b - c;
      const paeth =
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
          ? a
          : Math.abs(p - b) <= Math.abs(p - c)
            ? b
            : c;
      const predictor = [0, a, b, Math.floor((a + b) / 2), paeth][filter ?? -1];
      if (predictor === undefined) throw new Error(`unknown PNG filter ${filter}`);
      pixels[y * stride + i] = (value + predictor) & 0xff;
    }
  }
  return { width, height, isDark: (x, y) => (pixels[y * stride + x * channels] ?? 255) < 128 };
}

describe('qrSvg', () => {
  it.each(URLS)('draws the QR matrix of %s exactly, with no inline style', (text) => {
    const svg = qrSvg(text);
    const expected = expectedMatrix(text);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('<path');
    expect(svg).not.toMatch(/style\s*=/i);
    expect(svg).not.toMatch(/<style/i);
    const side = expected.length + 2 * QR_SETTINGS.quietZone;
    expect(svg).toContain(`viewBox="0 0 ${side} ${side}"`);
    expect(readSvgMatrix(svg, expected.length)).toEqual(expected);
  });

  it('round-trips 100 random texts, Vietnamese included', () => {
    const random = createRandom(42);
    const alphabet = `${VIETNAMESE_ALPHABET}ABCXYZ0123456789-_.:/?&=%#"<>'`;
    for (let i = 0; i < 100; i += 1) {
      const text = random.text(alphabet, 1, 120);
      const svg = qrSvg(text);
      expect(svg).not.toMatch(/style\s*=/i);
      expect(readSvgMatrix(svg, expectedMatrix(text).length), text).toEqual(expectedMatrix(text));
    }
  });

  it('labels the image for screen readers and escapes the label', () => {
    const svg = qrSvg('https://x.vn/?a=1&b=2', { label: 'Mã "tra cứu" <A&B>' });
    expect(svg).toContain('role="img" aria-label="Mã &quot;tra cứu&quot; &lt;A&amp;B&gt;"');
    expect(qrSvg('x')).not.toContain('aria-label');
  });
});

describe('qrPng', () => {
  it.each(URLS)('encodes %s at 8 pixels a module with a 4-module quiet zone', async (text) => {
    const expected = expectedMatrix(text);
    const { width, height, isDark } = decodePng(await qrPng(text));
    const { pngScale: scale, quietZone } = QR_SETTINGS;
    expect(width).toBe((expected.length + 2 * quietZone) * scale);
    expect(height).toBe(width);
    // Sample the centre pixel of every module, and a corner of the quiet zone.
    const decoded = expected.map((row, r) =>
      row.map((_, c) => isDark((c + quietZone) * scale + scale / 2, (r + quietZone) * scale + scale / 2)),
    );
    expect(decoded).toEqual(expected);
    expect(isDark(1, 1)).toBe(false);
  });

  it('gives the same bytes for the same text', async () => {
    const url = URLS[0] ?? '';
    expect((await qrPng(url)).equals(await qrPng(url))).toBe(true);
    expect((await qrPng(url)).equals(await qrPng(`${url}1`))).toBe(false);
  });
});
