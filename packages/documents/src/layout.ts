// Page furniture every form shares: A4, margins, national motto header, title, signatures, footer.
import PDFDocument from 'pdfkit';
import { FONT, registerFonts } from './fonts.ts';
import { formatDateLine } from './format-date.ts';
import { COMMON_LABELS } from './labels.ts';
import type { AgencyInfo, DossierInfo, FormBase, Locale } from './types.ts';

export type PdfDocument = PDFKit.PDFDocument;

const MM = 72 / 25.4;
// Decree 30/2020/NĐ-CP (appendix I): top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm.
const MARGINS = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM };
export const BODY_SIZE = 11;
const HEADER_SIZE = 10.5;
const FOOTER_SIZE = 8;

export interface FormHeading {
  /** "01" … "06", the form's number in appendix I of Circular 03/2025/TT-VPCP. */
  formNumber: string;
  /** Sentence case; printed in capitals, kept as written in the PDF's metadata. */
  title: string;
}

export function createFormDocument(form: FormBase, heading: FormHeading, locale: Locale): PdfDocument {
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGINS,
    // Footers ("page 2 of 5") are written once the page count is known.
    bufferPages: true,
    lang: locale,
    displayTitle: true,
    info: {
      Title: heading.title,
      Subject: form.dossier.code,
      Author: form.agency.unitName ?? form.agency.name,
      Creator: 'Motcua',
      Producer: 'Motcua',
      // pdfkit would stamp the current time here and derive the file ID from it.
      CreationDate: form.issuedAt,
      ModDate: form.issuedAt,
    },
  });
  registerFonts(doc);
  doc.font(FONT.regular).fontSize(BODY_SIZE);
  return doc;
}

export function contentLeft(doc: PdfDocument): number {
  return doc.page.margins.left;
}

export function contentWidth(doc: PdfDocument): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

export function contentBottom(doc: PdfDocument): number {
  return doc.page.height - doc.page.margins.bottom;
}

/** Starts a new page unless `height` more points fit on this one, so a block never splits. */
export function ensureSpace(doc: PdfDocument, height: number): void {
  if (doc.y + height > contentBottom(doc)) doc.addPage();
  doc.x = contentLeft(doc);
}

export function nameIssuer(agency: AgencyInfo): string {
  return agency.unitName ?? agency.name;
}

function upper(text: string): string {
  return text.toLocaleUpperCase('vi');
}

function drawRule(doc: PdfDocument, centerX: number, y: number, length: number): void {
  doc
    .moveTo(centerX - length / 2, y)
    .lineTo(centerX + length / 2, y)
    .lineWidth(0.6)
    .stroke();
}

/** The largest size from `max` down to `min` at which `text` stays on one line of `width`. */
function fitFontSize(doc: PdfDocument, text: string, width: number, max: number, min: number): number {
  let size = max;
  while (size > min && doc.fontSize(size).widthOfString(text) > width) size -= 0.5;
  return size;
}

/**
 * Form reference, then the agency on the left and the national motto with the place-and-date line
 * on the right, laid out as Decree 30/2020/NĐ-CP prescribes for administrative papers.
 */
export function drawHeader(doc: PdfDocument, form: FormBase, heading: FormHeading, locale: Locale): void {
  const labels = COMMON_LABELS[locale];
  const left = contentLeft(doc);
  const width = contentWidth(doc);
  doc
    .font(FONT.italic)
    .fontSize(FOOTER_SIZE)
    .text(labels.formReference(heading.formNumber), left, doc.y, { width, align: 'right' });
  const top = doc.y + 6;
  const leftWidth = width * 0.46;
  const rightX = left + leftWidth + 8;
  const rightWidth = width - leftWidth - 8;

  const agencyLines: [string, string][] = form.agency.unitName
    ? [
        [FONT.regular, form.agency.name],
        [FONT.bold, form.agency.unitName],
      ]
    : [[FONT.bold, form.agency.name]];
  doc.y = top;
  for (const [font, text] of agencyLines) {
    // Shrink a long agency name a little before letting it wrap onto a second line.
    doc.font(font);
    const size = fitFontSize(doc, upper(text), leftWidth, HEADER_SIZE, HEADER_SIZE - 2);
    doc.fontSize(size).text(upper(text), left, doc.y, { width: leftWidth, align: 'center' });
  }
  drawRule(doc, left + leftWidth / 2, doc.y + 3, leftWidth / 3);
  const leftBottom = doc.y + 3;

  const mottoWidth = doc
    .font(FONT.bold)
    .fontSize(HEADER_SIZE + 0.5)
    .widthOfString(labels.motto);
  doc
    .fontSize(fitFontSize(doc, labels.nation, rightWidth, HEADER_SIZE, 7))
    .text(labels.nation, rightX, top, { width: rightWidth, align: 'center' });
  doc.fontSize(HEADER_SIZE + 0.5).text(labels.motto, rightX, doc.y, { width: rightWidth, align: 'center' });
  drawRule(doc, rightX + rightWidth / 2, doc.y + 1, Math.min(mottoWidth, rightWidth));
  doc
    .font(FONT.italic)
    .fontSize(BODY_SIZE - 0.5)
    .text(formatDateLine(form.agency.place, form.issuedAt, locale), rightX, doc.y + 10, {
      width: rightWidth,
      align: 'center',
    });

  doc.y = Math.max(leftBottom, doc.y) + 18;
  doc.font(FONT.bold).fontSize(13).text(upper(heading.title), left, doc.y, { width, align: 'center' });
  doc.moveDown(1);
  doc.font(FONT.regular).fontSize(BODY_SIZE);
}

/** A bold label and its value on one flowing line: "Mã hồ sơ: 000.00.13.H38-250714-0042". */
export function drawField(doc: PdfDocument, label: string, value: string): void {
  doc.x = contentLeft(doc);
  doc.font(FONT.bold).fontSize(BODY_SIZE).text(`${label}: `, { continued: true });
  doc.font(FONT.regular).text(value, { paragraphGap: 3 });
}

export function drawParagraph(doc: PdfDocument, text: string, font: string = FONT.regular): void {
  doc.x = contentLeft(doc);
  doc
    .font(font)
    .fontSize(BODY_SIZE)
    .text(text, { width: contentWidth(doc), align: 'justify', paragraphGap: 5 });
}

/** Code, applicant and procedure: who and what the paper is about. Missing contact lines are left out. */
export function drawDossierFields(doc: PdfDocument, dossier: DossierInfo, locale: Locale): void {
  const labels = COMMON_LABELS[locale];
  drawField(doc, labels.dossierCode, dossier.code);
  drawField(doc, labels.applicant, dossier.applicantName);
  if (dossier.applicantAddress) drawField(doc, labels.address, dossier.applicantAddress);
  const contacts = [
    dossier.applicantPhone ? `${labels.phone}: ${dossier.applicantPhone}` : '',
    dossier.applicantEmail ? `${labels.email}: ${dossier.applicantEmail}` : '',
  ].filter((line) => line !== '');
  if (contacts.length > 0) drawParagraph(doc, contacts.join('    '));
  drawField(doc, labels.procedure, dossier.procedureName);
  doc.moveDown(0.4);
}

export interface SignatureBlock {
  /** Role in capitals, e.g. "NGƯỜI TIẾP NHẬN HỒ SƠ". */
  role: string;
  /** Printed under the space left for the signature; omitted when the signer writes it by hand. */
  name?: string;
}

/** One block sits on the right; two share the width, the first on the left. */
export function drawSignatures(doc: PdfDocument, blocks: readonly SignatureBlock[], locale: Locale): void {
  doc.moveDown(1);
  ensureSpace(doc, 120);
  const labels = COMMON_LABELS[locale];
  const half = contentWidth(doc) / 2;
  const top = doc.y;
  let bottom = top;
  blocks.forEach((block, index) => {
    const x = contentLeft(doc) + (blocks.length === 1 || index === 1 ? half : 0);
    doc.font(FONT.bold).fontSize(BODY_SIZE).text(block.role, x, top, { width: half, align: 'center' });
    doc
      .font(FONT.italic)
      .fontSize(BODY_SIZE - 1.5)
      .text(labels.signHint, x, doc.y, { width: half, align: 'center' });
    const nameY = doc.y + 60;
    if (block.name)
      doc.font(FONT.bold).fontSize(BODY_SIZE).text(block.name, x, nameY, { width: half, align: 'center' });
    bottom = Math.max(bottom, block.name ? doc.y : nameY);
  });
  doc.x = contentLeft(doc);
  doc.y = bottom;
}

/** Writes "<dossier code> · Trang i/n" on every page, then serializes the whole PDF. */
export function finishDocument(doc: PdfDocument, dossierCode: string, locale: Locale): Promise<Buffer> {
  const labels = COMMON_LABELS[locale];
  const { start, count } = doc.bufferedPageRange();
  for (let index = 0; index < count; index += 1) {
    doc.switchToPage(start + index);
    const bottomMargin = doc.page.margins.bottom;
    // Inside the bottom margin pdfkit would otherwise open a fresh page for the footer.
    doc.page.margins.bottom = 0;
    doc
      .font(FONT.italic)
      .fontSize(FOOTER_SIZE)
      .text(
        `${dossierCode} · ${labels.page(index + 1, count)}`,
        contentLeft(doc),
        doc.page.height - 12 * MM,
        {
          width: contentWidth(doc),
          align: 'center',
          lineBreak: false,
        },
      );
    doc.page.margins.bottom = bottomMargin;
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
