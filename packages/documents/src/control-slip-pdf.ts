// Form 06: processing control slip, one row per hand-off of the dossier, with room to sign.
import { formatDateTime } from './format-date.ts';
import { assertFilled, assertNotBefore, assertValidDate, prepareForm } from './input.ts';
import {
  createFormDocument,
  drawDossierFields,
  drawField,
  drawHeader,
  drawParagraph,
  finishDocument,
  nameIssuer,
} from './layout.ts';
import { drawTable } from './table.ts';
import type { FormBase, Locale, RenderOptions } from './types.ts';

export type Timeliness = 'early' | 'on_time' | 'late';

export interface HandOff {
  from: string;
  to: string;
  at: Date;
  stepName: string;
  /** The step's own deadline; null for a step without one. */
  dueAt: Date | null;
  /** Null while the step is still open or has no deadline. */
  timeliness: Timeliness | null;
  note?: string;
}

export interface ControlSlipData extends FormBase {
  entries: readonly HandOff[];
  receivedAt: Date;
  dueAt: Date;
}

const LABELS = {
  vi: {
    title: 'Phiếu kiểm soát quá trình giải quyết hồ sơ',
    unit: 'Cơ quan (bộ phận) giải quyết hồ sơ',
    receivedAt: 'Thời gian tiếp nhận hồ sơ',
    dueAt: 'Thời gian hẹn trả kết quả',
    columns: [
      'STT',
      'Bước xử lý',
      'Giao, nhận hồ sơ',
      'Thời điểm giao, nhận',
      'Hạn xử lý',
      'Kết quả',
      'Ký giao, nhận',
    ],
    from: 'Bên giao',
    to: 'Bên nhận',
    note: 'Ghi chú',
    sign: 'Giao:\n\nNhận:',
    timeliness: { early: 'Trước hạn', on_time: 'Đúng hạn', late: 'Quá hạn' },
    empty: 'Hồ sơ chưa được giao, nhận lần nào.',
  },
  en: {
    title: 'Processing control slip',
    unit: 'Unit resolving the dossier',
    receivedAt: 'Received at',
    dueAt: 'Result due at',
    columns: ['No.', 'Step', 'Hand-off', 'Handed over at', 'Step deadline', 'Result', 'Signatures'],
    from: 'From',
    to: 'To',
    note: 'Note',
    sign: 'From:\n\nTo:',
    timeliness: { early: 'Early', on_time: 'On time', late: 'Late' },
    empty: 'The dossier has not been handed over yet.',
  },
} as const;

// Relative widths of the seven columns; the hand-off and the two dates need the most room.
const WEIGHTS = [0.55, 1.8, 2.1, 1.55, 1.55, 1.05, 1.4];
const NO_VALUE = '—';

function describeHandOff(entry: HandOff, index: number, locale: Locale): string[] {
  const labels = LABELS[locale];
  const step = entry.note ? `${entry.stepName}\n${labels.note}: ${entry.note}` : entry.stepName;
  return [
    String(index + 1),
    step,
    `${labels.from}: ${entry.from}\n${labels.to}: ${entry.to}`,
    formatDateTime(entry.at, locale),
    entry.dueAt ? formatDateTime(entry.dueAt, locale) : NO_VALUE,
    entry.timeliness ? labels.timeliness[entry.timeliness] : NO_VALUE,
    labels.sign,
  ];
}

function checkControlSlip(data: ControlSlipData): void {
  assertValidDate(data.receivedAt, 'receivedAt');
  assertValidDate(data.dueAt, 'dueAt');
  assertNotBefore(data.dueAt, data.receivedAt, 'receivedAt, dueAt');
  data.entries.forEach((entry, i) => {
    assertValidDate(entry.at, `entries[${i}].at`);
    if (entry.dueAt !== null) assertValidDate(entry.dueAt, `entries[${i}].dueAt`);
    assertFilled(entry.stepName, `entries[${i}].stepName`);
    assertFilled(entry.from, `entries[${i}].from`);
    assertFilled(entry.to, `entries[${i}].to`);
  });
}

export async function renderControlSlipPdf(input: ControlSlipData, options: RenderOptions): Promise<Buffer> {
  const { locale } = options;
  const data = prepareForm(input);
  checkControlSlip(data);

  const labels = LABELS[locale];
  const heading = { formNumber: '06', title: labels.title };
  const doc = createFormDocument(data, heading, locale);
  drawHeader(doc, data, heading, locale);
  drawDossierFields(doc, data.dossier, locale);
  drawField(doc, labels.unit, nameIssuer(data.agency));
  drawField(doc, labels.receivedAt, formatDateTime(data.receivedAt, locale));
  drawField(doc, labels.dueAt, formatDateTime(data.dueAt, locale));
  doc.moveDown(0.6);
  if (data.entries.length === 0) {
    drawParagraph(doc, labels.empty);
  } else {
    drawTable(
      doc,
      labels.columns.map((header, i) => ({
        header,
        weight: WEIGHTS[i] ?? 1,
        align: i === 0 ? 'center' : 'left',
      })),
      data.entries.map((entry, i) => describeHandOff(entry, i, locale)),
      { fontSize: 8, padding: 3, minRowHeight: 44 },
    );
  }
  return finishDocument(doc, data.dossier.code, locale);
}
