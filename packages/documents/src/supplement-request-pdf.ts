// Form 02: supplement request, the one written list of everything a dossier still lacks.
import { FONT } from './fonts.ts';
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
import { drawTable } from './table.ts';
import type { FormBase, RenderOptions } from './types.ts';

export interface MissingItem {
  document: string;
  reason: string;
}

export interface SupplementRequestData extends FormBase {
  missing: readonly MissingItem[];
  note?: string;
  requestedBy: string;
}

const LABELS = {
  vi: {
    title: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ',
    intro: (issuer: string) => `${issuer} đã tiếp nhận hồ sơ của:`,
    request: 'Sau khi xem xét, đề nghị Ông/Bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:',
    columns: ['STT', 'Giấy tờ cần bổ sung, hoàn thiện', 'Lý do, nội dung cần bổ sung'],
    note: 'Ghi chú',
    paused: 'Thời gian chờ bổ sung, hoàn thiện hồ sơ không tính vào thời hạn giải quyết hồ sơ.',
    help: (issuer: string) =>
      `Trong quá trình bổ sung, hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ ${issuer} để được hướng dẫn.`,
    role: 'NGƯỜI HƯỚNG DẪN',
  },
  en: {
    title: 'Request to supplement and complete the dossier',
    intro: (issuer: string) => `${issuer} has received the dossier of:`,
    request: 'Having reviewed it, we ask you to supplement and complete the dossier as follows:',
    columns: ['No.', 'Document to supplement or complete', 'Reason, what is needed'],
    note: 'Note',
    paused: 'The time spent waiting for the supplement does not count towards the processing deadline.',
    help: (issuer: string) =>
      `If anything is unclear while completing the dossier, please contact ${issuer}.`,
    role: 'GUIDING OFFICER',
  },
} as const;

export async function renderSupplementRequestPdf(
  input: SupplementRequestData,
  options: RenderOptions,
): Promise<Buffer> {
  const { locale } = options;
  const data = prepareForm(input);
  // The request is made once and in writing, listing exactly what is missing (Decree 118/2025/NĐ-CP,
  // one-stop mechanism), so an empty list is a caller's mistake, not a form to print.
  if (data.missing.length === 0) throw new RangeError('missing must list at least one document');
  data.missing.forEach((item, i) => {
    assertFilled(item.document, `missing[${i}].document`);
    assertFilled(item.reason, `missing[${i}].reason`);
  });
  assertFilled(data.requestedBy, 'requestedBy');

  const labels = LABELS[locale];
  const issuer = nameIssuer(data.agency);
  const heading = { formNumber: '02', title: labels.title };
  const doc = createFormDocument(data, heading, locale);
  drawHeader(doc, data, heading, locale);
  drawParagraph(doc, labels.intro(issuer));
  drawDossierFields(doc, data.dossier, locale);
  drawParagraph(doc, labels.request);
  drawTable(
    doc,
    labels.columns.map((header, i) => ({
      header,
      weight: [0.8, 4.2, 5][i] ?? 1,
      align: i === 0 ? 'center' : 'left',
    })),
    data.missing.map((item, i) => [String(i + 1), item.document, item.reason]),
  );
  if (data.note) {
    drawParagraph(doc, `${labels.note}:`, FONT.bold);
    drawParagraph(doc, data.note);
  }
  drawParagraph(doc, labels.paused);
  drawParagraph(doc, labels.help(issuer));
  drawSignatures(doc, [{ role: labels.role, name: data.requestedBy }], locale);
  return finishDocument(doc, data.dossier.code, locale);
}
