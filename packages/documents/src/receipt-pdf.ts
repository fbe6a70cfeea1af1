// Form 01: receipt and appointment, handed to the applicant when a complete dossier is received.
import { FONT } from './fonts.ts';
import { formatDateTime } from './format-date.ts';
import { assertCount, assertFilled, assertNotBefore, assertValidDate, prepareForm } from './input.ts';
import {
  BODY_SIZE,
  contentLeft,
  contentWidth,
  createFormDocument,
  drawDossierFields,
  drawField,
  drawHeader,
  drawParagraph,
  drawSignatures,
  ensureSpace,
  finishDocument,
  nameIssuer,
  type PdfDocument,
} from './layout.ts';
import { qrPng } from './qr.ts';
import { drawTable } from './table.ts';
import type { FormBase, Locale, RenderOptions } from './types.ts';

export interface ReceivedDocument {
  name: string;
  originals: number;
  copies: number;
}

export interface ReceiptData extends FormBase {
  /** When the dossier was found complete: the resolution clock starts here, not at submission. */
  receivedAt: Date;
  /** The appointment to return the result. */
  dueAt: Date;
  documents: readonly ReceivedDocument[];
  receivedBy: string;
  /** The second factor the public tracking page asks for besides the dossier code. */
  trackingKey: string;
  trackingUrl: string;
}

const LABELS = {
  vi: {
    title: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
    intro: (issuer: string) => `${issuer} đã tiếp nhận hồ sơ của:`,
    documents: '1. Thành phần hồ sơ gồm:',
    columns: ['STT', 'Tên giấy tờ', 'Bản chính', 'Bản sao'],
    receivedAt: '2. Thời gian tiếp nhận hồ sơ',
    dueAt: '3. Thời gian hẹn trả kết quả',
    trackingKey: 'Mã tra cứu',
    tracking: 'Quét mã QR hoặc truy cập địa chỉ dưới đây, nhập mã hồ sơ và mã tra cứu để theo dõi hồ sơ:',
    applicantRole: 'NGƯỜI NỘP HỒ SƠ',
    receiverRole: 'NGƯỜI TIẾP NHẬN HỒ SƠ',
  },
  en: {
    title: 'Receipt of dossier and appointment for the result',
    intro: (issuer: string) => `${issuer} has received the dossier of:`,
    documents: '1. Documents received:',
    columns: ['No.', 'Document', 'Originals', 'Copies'],
    receivedAt: '2. Received at',
    dueAt: '3. Result due at',
    trackingKey: 'Tracking key',
    tracking: 'Scan the QR code or open the address below and enter the dossier code and tracking key:',
    applicantRole: 'APPLICANT',
    receiverRole: 'RECEIVING OFFICER',
  },
} as const;

const QR_SIZE = 96;

async function drawTracking(doc: PdfDocument, data: ReceiptData, locale: Locale): Promise<void> {
  const labels = LABELS[locale];
  const png = await qrPng(data.trackingUrl);
  ensureSpace(doc, QR_SIZE + 30);
  const left = contentLeft(doc);
  const top = doc.y;
  doc.image(png, left, top, { width: QR_SIZE, height: QR_SIZE });
  doc
    .font(FONT.bold)
    .fontSize(BODY_SIZE - 2)
    .text(`${labels.trackingKey}: ${data.trackingKey}`, left - 12, top + QR_SIZE + 2, {
      width: QR_SIZE + 24,
      align: 'center',
    });
  const qrBottom = doc.y;
  const textX = left + QR_SIZE + 14;
  const textWidth = contentWidth(doc) - QR_SIZE - 14;
  doc
    .font(FONT.regular)
    .fontSize(BODY_SIZE - 1)
    .text(labels.tracking, textX, top + 8, { width: textWidth });
  doc.font(FONT.bold).text(data.trackingUrl, textX, doc.y + 4, { width: textWidth, link: data.trackingUrl });
  doc.x = left;
  doc.y = Math.max(qrBottom, doc.y) + 4;
  doc.font(FONT.regular).fontSize(BODY_SIZE);
}

function checkReceipt(data: ReceiptData): void {
  assertValidDate(data.receivedAt, 'receivedAt');
  assertValidDate(data.dueAt, 'dueAt');
  assertNotBefore(data.dueAt, data.receivedAt, 'receivedAt, dueAt');
  assertFilled(data.receivedBy, 'receivedBy');
  assertFilled(data.trackingKey, 'trackingKey');
  assertFilled(data.trackingUrl, 'trackingUrl');
  data.documents.forEach((document, i) => {
    assertFilled(document.name, `documents[${i}].name`);
    assertCount(document.originals, `documents[${i}].originals`);
    assertCount(document.copies, `documents[${i}].copies`);
  });
}

export async function renderReceiptPdf(input: ReceiptData, options: RenderOptions): Promise<Buffer> {
  const { locale } = options;
  const data = prepareForm(input);
  checkReceipt(data);
  const labels = LABELS[locale];
  const heading = { formNumber: '01', title: labels.title };
  const doc = createFormDocument(data, heading, locale);
  drawHeader(doc, data, heading, locale);
  drawParagraph(doc, labels.intro(nameIssuer(data.agency)));
  drawDossierFields(doc, data.dossier, locale);
  drawParagraph(doc, labels.documents, FONT.bold);
  drawTable(
    doc,
    labels.columns.map((header, i) => ({
      header,
      weight: [0.8, 6, 1.6, 1.6][i] ?? 1,
      align: i === 1 ? 'left' : 'center',
    })),
    data.documents.map((d, i) => [String(i + 1), d.name, String(d.originals), String(d.copies)]),
  );
  drawField(doc, labels.receivedAt, formatDateTime(data.receivedAt, locale));
  drawField(doc, labels.dueAt, formatDateTime(data.dueAt, locale));
  doc.moveDown(0.6);
  await drawTracking(doc, data, locale);
  drawSignatures(
    doc,
    [{ role: labels.applicantRole }, { role: labels.receiverRole, name: data.receivedBy }],
    locale,
  );
  return finishDocument(doc, data.dossier.code, locale);
}
