// QR codes for tracking links: SVG for web pages, PNG for the printed forms.
import QRCode, { type QRCodeErrorCorrectionLevel } from 'qrcode';

// Level M survives a creased or smudged paper receipt while keeping a tracking URL at a small
// version; a margin of 4 modules is the quiet zone the QR standard asks for.
const ERROR_CORRECTION: QRCodeErrorCorrectionLevel = 'M';
const QUIET_ZONE = 4;
const PNG_SCALE = 8;

function escapeAttribute(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('"', '&quot;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;');
}

/** Dark modules as one path, one horizontal run per subpath: `M<x> <y>h<run>v1h-<run>z`. */
function tracePath(size: number, isDark: (row: number, col: number) => boolean): string {
  const parts: string[] = [];
  for (let row = 0; row < size; row += 1) {
    let col = 0;
    while (col < size) {
      if (!isDark(row, col)) {
        col += 1;
        continue;
      }
      const start = col;
      while (col < size && isDark(row, col)) col += 1;
      const run = col - start;
      parts.push(`M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${run}v1h-${run}z`);
    }
  }
  return parts.join('');
}

/**
 * An inline SVG built from the QR matrix. It uses presentation attributes only, never `style=`,
 * because the site's Content-Security-Policy forbids inline styles; size it with a CSS class.
 */
export function qrSvg(text: string, options: { label?: string } = {}): string {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: ERROR_CORRECTION });
  const side = modules.size + 2 * QUIET_ZONE;
  const path = tracePath(modules.size, (row, col) => modules.get(row, col) !== 0);
  const label =
    options.label === undefined ? '' : ` role="img" aria-label="${escapeAttribute(options.label)}"`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" shape-rendering="crispEdges"${label}>` +
    `<path fill="#ffffff" d="M0 0h${side}v${side}H0z"/><path fill="#000000" d="${path}"/></svg>`
  );
}

/** A black-on-white PNG, 8 pixels per module, for pdfkit to place on a form. */
export function qrPng(text: string): Promise<Buffer> {
  return QRCode.toBuffer(text, {
    type: 'png',
    errorCorrectionLevel: ERROR_CORRECTION,
    margin: QUIET_ZONE,
    scale: PNG_SCALE,
    color: { dark: '#000000ff', light: '#ffffffff' },
  });
}

export const QR_SETTINGS = {
  errorCorrectionLevel: ERROR_CORRECTION,
  quietZone: QUIET_ZONE,
  pngScale: PNG_SCALE,
};
