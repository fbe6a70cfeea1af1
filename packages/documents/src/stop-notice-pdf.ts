// Form 05: notice that the processing of a dossier is stopped, with the reason.
import { FONT } from './fonts.ts';
import { assertFilled, prepareForm } from './input.ts';
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

export interface StopNoticeData extends FormBase {
  reason: string;
  signedBy: string;
}

const LABELS = {
  vi: {
    title: 'Thông báo dừng xử lý hồ sơ',
    to: (name: string) => `Kính gửi: Ông/Bà ${name}`,
    notice: (issuer: string) => `${issuer} thông báo dừng xử lý hồ sơ sau đây:`,
    reason: 'Lý do dừng xử lý hồ sơ:',
    closing: 'Xin thông báo để Ông/Bà được biết.',
  },
  en: {
    title: 'Notice of stopping the processing of a dossier',
    to: (name: string) => `To: ${name}`,
    notice: (issuer: string) =>
      `${issuer} gives notice that it has stopped processing the following dossier:`,
    reason: 'Reason for stopping:',
    closing: 'This notice is given for your information.',
  },
} as const;

export async function renderStopNoticePdf(input: StopNoticeData, options: RenderOptions): Promise<Buffer> {
  const { locale } = options;
  const data = prepareForm(input);
  assertFilled(data.reason, 'reason');
  assertFilled(data.signedBy, 'signedBy');

  const labels = LABELS[locale];
  const heading = { formNumber: '05', title: labels.title };
  const doc = createFormDocument(data, heading, locale);
  drawHeader(doc, data, heading, locale);
  drawParagraph(doc, labels.to(data.dossier.applicantName));
  drawParagraph(doc, labels.notice(nameIssuer(data.agency)));
  drawDossierFields(doc, data.dossier, locale);
  drawParagraph(doc, labels.reason, FONT.bold);
  drawParagraph(doc, data.reason);
  drawParagraph(doc, labels.closing);
  drawSignatures(doc, [{ role: COMMON_LABELS[locale].headOfAgency, name: data.signedBy }], locale);
  return finishDocument(doc, data.dossier.code, locale);
}
