import { PreconditionFailedError } from '@motcua/domain';
import { describe, expect, it } from 'vitest';
import { parseProcedureVersion } from '../procedures/parse-version.ts';
import { testProcedureWithDocument } from '../testing.ts';
import {
  buildApologyData,
  buildControlSlipData,
  buildReceiptData,
  buildRefusalData,
  buildStopNoticeData,
  buildSupplementRequestData,
  buildTrackingUrl,
} from './form-data.ts';
import type { PrintFacts } from './print-facts.ts';
import { at, dossierRow, event, lifeEvents, makeFacts, people } from './test-fixtures.ts';

const base = {
  agency: { name: 'Ủy ban nhân dân thành phố Đà Nẵng', place: 'Đà Nẵng' },
  dossier: {
    code: 'DANANG-260212-0001',
    procedureName: 'Cấp giấy xác nhận thử nghiệm',
    applicantName: 'Nguyễn Thị Hường',
    applicantPhone: '0905123456',
    applicantEmail: 'huong@example.vn',
  },
};

describe('the receipt', () => {
  it('is dated at receipt, signed by the receiving officer, with the tracking key and link', () => {
    expect(buildReceiptData(makeFacts(), 'vi')).toEqual({
      ...base,
      issuedAt: at('2026-02-12T10:00:00'),
      receivedAt: at('2026-02-12T10:00:00'),
      dueAt: at('2026-02-24T17:00:00'),
      documents: [],
      receivedBy: people.desk.name,
      trackingKey: 'K7QM92XF',
      trackingUrl: 'https://da-nang.motcua.vn/track?code=DANANG-260212-0001&key=K7QM92XF',
    });
  });

  it('lists the required documents, and optional ones only when a file was given', () => {
    const version = parseProcedureVersion({
      ...testProcedureWithDocument,
      documents: [
        ...testProcedureWithDocument.documents,
        { ...testProcedureWithDocument.documents[0], id: 'giay_uy_quyen', required: false },
        {
          ...testProcedureWithDocument.documents[0],
          id: 'anh_the',
          required: false,
          copies: { originals: 2, copies: 0 },
        },
      ],
    });
    const facts = makeFacts({ version, inputSlots: new Set(['anh_the']) });
    expect(buildReceiptData(facts, 'en').documents).toEqual([
      { name: 'Copy of the citizen ID card', originals: 0, copies: 1 },
      { name: 'Copy of the citizen ID card', originals: 2, copies: 0 },
    ]);
  });

  it('leaves out contact details the citizen never gave', () => {
    const facts = makeFacts({ applicant: { fullName: 'Lê Văn Tám', email: null, phone: null } });
    expect(buildReceiptData(facts, 'vi').dossier).toEqual({
      code: 'DANANG-260212-0001',
      procedureName: 'Cấp giấy xác nhận thử nghiệm',
      applicantName: 'Lê Văn Tám',
    });
  });
});

describe('the notices', () => {
  it('asks for what the latest supplement request listed', () => {
    const events = [
      ...lifeEvents().slice(0, 5),
      event('request_supplement', '2026-02-13T09:00:00', 'officer', {
        missing: [{ document: 'Giấy xác nhận cư trú', reason: 'Chưa có' }],
        note: 'Nộp bản chính',
      }),
    ];
    expect(buildSupplementRequestData(makeFacts({ events }), 'vi')).toEqual({
      ...base,
      issuedAt: at('2026-02-13T09:00:00'),
      missing: [{ document: 'Giấy xác nhận cư trú', reason: 'Chưa có' }],
      note: 'Nộp bản chính',
      requestedBy: people.officer.name,
    });
  });

  it('gives the refusal’s and the stop’s reasons and who decided', () => {
    const refused = [
      event('submit', '2026-03-02T09:00:00', 'citizen'),
      event('refuse', '2026-03-02T10:00:00', 'desk', { reason: 'Không thuộc thẩm quyền' }),
    ];
    expect(buildRefusalData(makeFacts({ events: refused }), 'vi')).toEqual({
      ...base,
      issuedAt: at('2026-03-02T10:00:00'),
      reason: 'Không thuộc thẩm quyền',
      refusedBy: people.desk.name,
    });
    const stopped = [
      ...lifeEvents().slice(0, 8),
      event('stop', '2026-02-24T16:20:00', 'lead', { reason: 'Hồ sơ giả mạo' }),
    ];
    expect(buildStopNoticeData(makeFacts({ events: stopped }), 'en')).toEqual({
      ...base,
      dossier: { ...base.dossier, procedureName: 'Test certificate' },
      issuedAt: at('2026-02-24T16:20:00'),
      reason: 'Hồ sơ giả mạo',
      signedBy: people.lead.name,
    });
  });

  it('moves the appointment to the close of the apology’s new day, from the dossier’s due date', () => {
    expect(buildApologyData(makeFacts(), 'vi')).toEqual({
      ...base,
      issuedAt: at('2026-02-23T15:00:00'),
      reason: 'Chờ ý kiến cơ quan phối hợp',
      oldDueAt: at('2026-02-24T17:00:00'),
      newDueAt: at('2026-02-27T17:00:00'),
      signedBy: people.desk.name,
    });
  });

  it('builds the control slip as of now, between receipt and the appointment', () => {
    const slip = buildControlSlipData(makeFacts(), 'vi');
    expect(slip).toMatchObject({
      ...base,
      issuedAt: at('2026-02-25T09:00:00'),
      receivedAt: at('2026-02-12T10:00:00'),
      dueAt: at('2026-02-24T17:00:00'),
    });
    expect(slip.entries).toHaveLength(8);
  });
});

const builders = {
  receipt: buildReceiptData,
  'supplement-request': buildSupplementRequestData,
  refusal: buildRefusalData,
  apology: buildApologyData,
  'stop-notice': buildStopNoticeData,
  'control-slip': buildControlSlipData,
} as const;

const submittedOnly = (): Partial<PrintFacts> => ({
  events: [event('submit', '2026-03-02T09:00:00', 'citizen')],
  dossier: dossierRow({ state: 'submitted', receivedAt: null, dueAt: null, finishedAt: null }),
});

describe('a form the dossier’s history does not call for', () => {
  it.each([
    ['receipt', submittedOnly()],
    ['supplement-request', submittedOnly()],
    ['refusal', submittedOnly()],
    ['apology', submittedOnly()],
    ['stop-notice', submittedOnly()],
    ['control-slip', submittedOnly()],
    ['refusal', {}],
    ['stop-notice', {}],
    // An apology whose new day is not after the current appointment cannot be printed as one.
    ['apology', { dossier: dossierRow({ dueAt: at('2026-02-28T17:00:00') }) }],
    // Apologised before receipt: there is no appointment to move.
    [
      'apology',
      {
        ...submittedOnly(),
        events: [
          event('submit', '2026-03-02T09:00:00', 'citizen'),
          event('apologise', '2026-03-02T10:00:00', 'desk', { newDueDate: '2026-03-09', reason: 'Chậm' }),
        ],
      },
    ],
    ['receipt', { dossier: dossierRow({ code: null }) }],
  ] as const)('%s is refused as not available', (form, overrides) => {
    const build = () => builders[form](makeFacts(overrides as Partial<PrintFacts>), 'vi');
    expect(build).toThrow(PreconditionFailedError);
    expect(build).toThrow(expect.objectContaining({ code: 'form_not_available' }));
  });

  it('treats an event without the data its form needs as a bug, not the caller’s mistake', () => {
    const events = [
      event('submit', '2026-03-02T09:00:00', 'citizen'),
      event('refuse', '2026-03-02T10:00:00', 'desk'),
    ];
    const build = () => buildRefusalData(makeFacts({ events }), 'vi');
    expect(build).toThrow(/does not hold what its form needs/);
    expect(build).not.toThrow(PreconditionFailedError);
  });
});

describe('buildTrackingUrl', () => {
  it.each([
    [
      'https://da-nang.motcua.vn',
      'DANANG-260212-0001',
      'K7QM92XF',
      'https://da-nang.motcua.vn/track?code=DANANG-260212-0001&key=K7QM92XF',
    ],
    ['http://motcua.test:8080/', 'A-1', 'B', 'http://motcua.test:8080/track?code=A-1&key=B'],
    [
      'https://x.vn//',
      '000.00.13.H48-260212-0042',
      'AB',
      'https://x.vn/track?code=000.00.13.H48-260212-0042&key=AB',
    ],
    ['https://x.vn', 'A&B=C', 'K Y', 'https://x.vn/track?code=A%26B%3DC&key=K+Y'],
  ])('%s + %s + %s', (origin, code, key, expected) => {
    expect(buildTrackingUrl(origin, code, key)).toBe(expected);
  });

  it('round-trips any code and key through the query string', () => {
    const characters = 'AZaz09.-_&=?#/ %+đĐ';
    for (let i = 0; i < 500; i += 1) {
      const code = Array.from(
        { length: 1 + (i % 17) },
        (_, j) => characters[(i * 7 + j * 3) % characters.length],
      ).join('');
      const key = Array.from(
        { length: 1 + (i % 5) },
        (_, j) => characters[(i * 11 + j) % characters.length],
      ).join('');
      const url = new URL(buildTrackingUrl('https://x.vn', code, key));
      expect([url.pathname, url.searchParams.get('code'), url.searchParams.get('key')]).toEqual([
        '/track',
        code,
        key,
      ]);
    }
  });
});
