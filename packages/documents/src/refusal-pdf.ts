// Form 03: refusal to receive and resolve a dossier, always with the reason in writing.
import { assertFilled, prepareForm } from './input.ts';
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

export interface RefusalData extends FormBase {
  reason: string;
  refusedBy: string;
}

const LABELS = {
  vi: {
    title: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ',
    intro: (issuer: string) => `${issuer} đã nhận hồ sơ của:`,
    decision: (issuer: string) =>
      `Qua xem xét, đối chiếu với quy định hiện hành, ${issuer} từ chối tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:`,
    closing: 'Xin thông báo để Ông/Bà được biết và thực hiện.',
    role: 'NGƯỜI TIẾP NHẬN HỒ SƠ',
  },
  en: {
    title: 'Notice of refusal to receive and resolve the dossier',
    intro: (issuer: string) => `${issuer} has been handed the dossier of:`,
    decision: (issuer: string) =>
      `Having examined it against the regulations in force, ${issuer} refuses to receive and resolve this dossier for the following reason:`,
    closing: 'This notice is given for your information.',
    role: 'RECEIVING OFFICER',
  },
} as const;

export async function renderRefusalPdf(input: RefusalData, options: RenderOptions): Promise<Buffer> {
  const { locale } = options;
  const data = prepareForm(input);
  // A refusal states its reason in writing (Decree 118/2025/NĐ-CP, one-stop mechanism).
  assertFilled(data.reason, 'reason');
  assertFilled(data.refusedBy, 'refusedBy');

  const labels = LABELS[locale];
  const issuer = nameIssuer(data.agency);
  const heading = { formNumber: '03', title: labels.title };
  const doc = createFormDocument(data, heading, locale);
  drawHeader(doc, data, heading, locale);
  drawParagraph(doc, labels.intro(issuer));
  drawDossierFields(doc, data.dossier, locale);
  drawParagraph(doc, labels.decision(issuer));
  drawParagraph(doc, data.reason);
  drawParagraph(doc, labels.closing);
  drawSignatures(doc, [{ role: labels.role, name: data.refusedBy }], locale);
  return finishDocument(doc, data.dossier.code, locale);
}
