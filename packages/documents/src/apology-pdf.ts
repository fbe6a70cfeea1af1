// Form 04: apology for a late result, with the new appointment date.
import { formatDateTime } from './format-date.ts';
import { assertFilled, assertValidDate, prepareForm } from './input.ts';
import { COMMON_LABELS } from './labels.ts';
import {
  createFormDocument,
  drawDossierFields,
  drawHeader,
  drawParagraph,
  drawSignatures,
  finishDocument,
  nameIssuer,
} from './layout.ts';
import type { FormBase, RenderOptions } from './types.ts';

export interface ApologyData extends FormBase {
  reason: string;
  oldDueAt: Date;
  newDueAt: Date;
  signedBy: string;
}

const LABELS = {
  vi: {
    title: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả',
    to: (name: string) => `Kính gửi: Ông/Bà ${name}`,
    received: (issuer: string, oldDue: string) =>
      `${issuer} đã tiếp nhận hồ sơ dưới đây của Ông/Bà, hẹn trả kết quả vào ${oldDue}.`,
    late: (issuer: string) =>
      `Tuy nhiên, đến nay ${issuer} chưa trả kết quả giải quyết hồ sơ cho Ông/Bà đúng hẹn với lý do:`,
    apology: (issuer: string, newDue: string) =>
      `Sự chậm trễ này đã gây phiền hà cho Ông/Bà. ${issuer} xin lỗi Ông/Bà và hẹn lại thời gian trả kết quả vào ${newDue}.`,
    thanks: 'Xin trân trọng cảm ơn sự hợp tác của Ông/Bà.',
  },
  en: {
    title: 'Apology and new appointment for the result',
    to: (name: string) => `To: ${name}`,
    received: (issuer: string, oldDue: string) =>
      `${issuer} received your dossier below and set the result for ${oldDue}.`,
    late: (issuer: string) => `However, ${issuer} has not been able to return the result on time, because:`,
    apology: (issuer: string, newDue: string) =>
      `We are sorry for the inconvenience this delay causes you. ${issuer} apologises and will return the result at ${newDue}.`,
    thanks: 'Thank you for your understanding.',
  },
} as const;

export async function renderApologyPdf(input: ApologyData, options: RenderOptions): Promise<Buffer> {
  const { locale } = options;
  const data = prepareForm(input);
  assertValidDate(data.oldDueAt, 'oldDueAt');
  assertValidDate(data.newDueAt, 'newDueAt');
  // An apology moves the appointment later; anything else is a caller's mistake.
  if (data.newDueAt.getTime() <= data.oldDueAt.getTime()) {
    throw new RangeError('newDueAt must be after oldDueAt');
  }
  assertFilled(data.reason, 'reason');
  assertFilled(data.signedBy, 'signedBy');

  const labels = LABELS[locale];
  const issuer = nameIssuer(data.agency);
  const heading = { formNumber: '04', title: labels.title };
  const doc = createFormDocument(data, heading, locale);
  drawHeader(doc, data, heading, locale);
  drawParagraph(doc, labels.to(data.dossier.applicantName));
  drawParagraph(doc, labels.received(issuer, formatDateTime(data.oldDueAt, locale)));
  drawDossierFields(doc, data.dossier, locale);
  drawParagraph(doc, labels.late(issuer));
  drawParagraph(doc, data.reason);
  drawParagraph(doc, labels.apology(issuer, formatDateTime(data.newDueAt, locale)));
  drawParagraph(doc, labels.thanks);
  drawSignatures(doc, [{ role: COMMON_LABELS[locale].headOfAgency, name: data.signedBy }], locale);
  return finishDocument(doc, data.dossier.code, locale);
}
