// DejaVu Sans covers every Vietnamese letter; pdfkit embeds only the glyphs a form uses.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export const FONT = {
  regular: 'motcua-regular',
  bold: 'motcua-bold',
  italic: 'motcua-italic',
} as const;

type FontName = (typeof FONT)[keyof typeof FONT];

const FONT_FILES: Record<FontName, string> = {
  [FONT.regular]: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  [FONT.bold]: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
  [FONT.italic]: 'dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf',
};

// Read once per process: the files are part of the installed package and never change under us.
let loaded: ReadonlyMap<FontName, Buffer> | undefined;

function loadFonts(): ReadonlyMap<FontName, Buffer> {
  if (!loaded) {
    const require = createRequire(import.meta.url);
    loaded = new Map(
      Object.entries(FONT_FILES).map(([name, file]) => [
        name as FontName,
        readFileSync(require.resolve(file)),
      ]),
    );
  }
  return loaded;
}

export function registerFonts(doc: PDFKit.PDFDocument): void {
  for (const [name, data] of loadFonts()) doc.registerFont(name, data);
}
