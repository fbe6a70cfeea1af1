// Tests only: the text of a PDF that pdfkit drew, read without a PDF library (none is a
// dependency of the API): each font's ToUnicode map applied to the glyph strings of the pages'
// content streams, one text operation per space-separated run.
import { inflateSync } from 'node:zlib';

interface PdfObject {
  dict: string;
  stream?: Buffer;
}

function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const header = /(\d+) 0 obj\s*/g;
  for (let match = header.exec(text); match; match = header.exec(text)) {
    const start = match.index + match[0].length;
    const streamAt = text.indexOf('stream', start);
    const endAt = text.indexOf('endobj', start);
    if (streamAt < 0 || streamAt > endAt) {
      objects.set(Number(match[1]), { dict: text.slice(start, endAt) });
      header.lastIndex = endAt;
      continue;
    }
    const dict = text.slice(start, streamAt);
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? Number.NaN);
    let from = streamAt + 'stream'.length;
    if (text[from] === '\r') from += 1;
    if (text[from] === '\n') from += 1;
    const raw = pdf.subarray(from, from + length);
    objects.set(Number(match[1]), { dict, stream: dict.includes('/FlateDecode') ? inflateSync(raw) : raw });
    header.lastIndex = text.indexOf('endobj', from + length);
  }
  return objects;
}

const utf16 = (hex: string) =>
  String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((unit) => Number.parseInt(unit, 16)));

/** Glyph id → text, from a ToUnicode CMap's bfchar and bfrange sections. */
function readCMap(cmap: string): Map<number, string> {
  const glyphs = new Map<number, string>();
  for (const [, block = ''] of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, src = '', dst = ''] of block.matchAll(/<(\w+)>\s*<(\w+)>/g)) {
      glyphs.set(Number.parseInt(src, 16), utf16(dst));
    }
  }
  for (const [, block = ''] of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo = '', hi = '', list, dst] of block.matchAll(
      /<(\w+)>\s*<(\w+)>\s*(?:\[([^\]]*)\]|<(\w+)>)/g,
    )) {
      const first = Number.parseInt(lo, 16);
      if (list !== undefined) {
        // A ligature maps to several code units: `<0066 0069>` is "fi".
        const targets = [...list.matchAll(/<([\w\s]+)>/g)].map(([, d = '']) =>
          utf16(d.replaceAll(/\s/g, '')),
        );
        for (const [i, target] of targets.entries()) glyphs.set(first + i, target);
        continue;
      }
      // One destination for the whole range: its last code unit counts up with the glyph id.
      const base = utf16(dst ?? '');
      for (let id = first; id <= Number.parseInt(hi, 16); id += 1) {
        const step = id - first;
        glyphs.set(id, base.slice(0, -1) + String.fromCharCode(base.charCodeAt(base.length - 1) + step));
      }
    }
  }
  return glyphs;
}

const ref = (dict: string, key: string) => Number(new RegExp(`/${key} (\\d+) 0 R`).exec(dict)?.[1]);

export function readPdfText(pdf: Buffer): string {
  const objects = readObjects(pdf);
  const fonts = new Map<string, Map<number, string>>();
  for (const { dict } of objects.values()) {
    const list = /\/Font\s*<<([^>]*)>>/.exec(dict)?.[1] ?? '';
    for (const [, name = '', id] of list.matchAll(/\/(\w+) (\d+) 0 R/g)) {
      const cmap = objects.get(ref(objects.get(Number(id))?.dict ?? '', 'ToUnicode'))?.stream;
      if (cmap) fonts.set(name, readCMap(cmap.toString('latin1')));
    }
  }
  const pages = [...objects.values()].find((o) => /\/Type \/Pages\b/.test(o.dict))?.dict ?? '';
  const kids = [...(/\/Kids \[([^\]]*)\]/.exec(pages)?.[1] ?? '').matchAll(/(\d+) 0 R/g)];
  const runs: string[] = [];
  for (const [, kid] of kids) {
    const content = objects.get(ref(objects.get(Number(kid))?.dict ?? '', 'Contents'))?.stream;
    let glyphs = new Map<number, string>();
    const decode = (hex: string) =>
      (hex.match(/.{4}/g) ?? []).map((g) => glyphs.get(Number.parseInt(g, 16)) ?? '').join('');
    const operations = /\/(\w+) [\d.]+ Tf|\[((?:<\w*>|[\s\d.-])*)\]\s*TJ|<(\w*)>\s*Tj/g;
    for (const [, font, array, single] of (content?.toString('latin1') ?? '').matchAll(operations)) {
      if (font) glyphs = fonts.get(font) ?? new Map();
      if (single !== undefined) runs.push(decode(single));
      if (array === undefined) continue;
      // Justified lines space their words by moving right (a large negative adjustment), not
      // with a space glyph; small adjustments are kerning.
      const parts = [...array.matchAll(/<(\w*)>|(-?[\d.]+)/g)].map(([, hex, move]) =>
        hex !== undefined ? decode(hex) : Number(move) <= -200 ? ' ' : '',
      );
      runs.push(parts.join(''));
    }
  }
  return runs.join(' ').replace(/\s+/g, ' ').trim();
}
