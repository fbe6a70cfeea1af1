// The pure translations between the console's forms and addresses and the engine, case by case
// with expectations worked out by hand.
import type { DossierView } from '@motcua/engine';
import { describe, expect, it } from 'vitest';
import { fieldOf, formErrors, readActionForm } from './action-input.ts';
import { offeredActions, paginate, personName, readQueueQuery, timelineRows } from './present.ts';

describe('readQueueQuery', () => {
  it.each([
    [{}, {}, 1],
    [{ state: 'submitted', page: '3' }, { state: 'submitted' }, 3],
    [{ state: 'draft' }, {}, 1],
    [{ state: 'nope', due: 'soon', page: '-2' }, {}, 1],
    [
      { procedure: ' 1.000001.H48 ', due: 'late', mine: '1' },
      { procedureCode: '1.000001.H48', due: 'late', mine: true },
      1,
    ],
    [{ mine: 'true', page: '0' }, {}, 1],
    [{ procedure: 'x'.repeat(81) }, {}, 1],
  ])('%j → %j, page %i', (query, filters, page) => {
    expect(readQueueQuery(query)).toEqual({ filters, page });
  });
});

describe('paginate', () => {
  const items = Array.from({ length: 101 }, (_, i) => i);
  it.each([
    [1, 0, 49, 3],
    [2, 50, 99, 3],
    [3, 100, 100, 3],
    [9, 100, 100, 3],
  ])('page %i holds %i…%i of %i pages', (page, from, to, pageCount) => {
    const result = paginate(items, page);
    expect(result.rows[0]).toBe(from);
    expect(result.rows.at(-1)).toBe(to);
    expect(result.pageCount).toBe(pageCount);
  });
  it('has one empty page for nothing', () => {
    expect(paginate([], 4)).toEqual({ rows: [], page: 1, pageCount: 1 });
  });
});

describe('personName', () => {
  const names = new Map([['usr_a', 'Lê A']]);
  it.each([
    ['staff:usr_a', 'Lê A'],
    ['staff:usr_me', 'Bạn'],
    ['staff:usr_gone', 'Cán bộ'],
    ['usr_a', 'Lê A'],
    ['citizen:usr_c', 'Công dân'],
    ['api_key:key_1', 'Hệ thống'],
    ['system:vnpay', 'Hệ thống'],
  ])('%s → %s', (ref, name) => {
    expect(personName('vi', ref, names, 'usr_me')).toBe(name);
  });
});

describe('readActionForm', () => {
  it('lists the supplement rows that have anything, remembering where each came from', () => {
    const form = readActionForm('request_supplement', {
      'supplement-document-0': ' Sổ hộ khẩu ',
      'supplement-reason-0': 'Thiếu',
      'supplement-document-1': '',
      'supplement-reason-1': ' ',
      'supplement-reason-3': 'Chưa chứng thực',
      'supplement-note': '',
    });
    expect(form).toEqual({
      input: {
        missing: [
          { document: 'Sổ hộ khẩu', reason: 'Thiếu' },
          { document: '', reason: 'Chưa chứng thực' },
        ],
      },
      rows: [0, 3],
    });
  });
  it.each([
    ['refuse', { 'refuse-reason': ' Sai thẩm quyền ' }, { reason: 'Sai thẩm quyền' }],
    ['assign', { 'assign-officer': 'usr_x' }, { assigneeId: 'usr_x' }],
    ['complete_step', { 'complete-note': '' }, {}],
    [
      'record_payment',
      { 'payment-reference': 'BL-01', method: 'online' },
      { method: 'desk', reference: 'BL-01' },
    ],
    [
      'apologise',
      { 'apology-date': '2026-03-20', 'apology-reason': 'Chờ xác minh' },
      { newDueDate: '2026-03-20', reason: 'Chờ xác minh' },
    ],
    ['receive', { anything: 'x' }, {}],
  ] as const)('%s', (action, fields, input) => {
    expect(readActionForm(action, fields).input).toEqual(input);
  });
});

describe('fieldOf and formErrors', () => {
  it.each([
    ['refuse', 'reason', 'refuse-reason'],
    ['request_supplement', 'missing', 'supplement-document-0'],
    ['request_supplement', 'missing.1.reason', 'supplement-reason-3'],
    ['request_supplement', 'missing.0.document', 'supplement-document-0'],
    ['issue_result', 'resultDocuments', 'result-file'],
    ['apologise', 'newDueDate', 'apology-date'],
    ['receive', 'whatever', undefined],
  ] as const)('%s %s → %s', (action, path, field) => {
    expect(fieldOf(action, path, [0, 3])).toBe(field);
  });
  it('says each problem once, in the page’s language, with duplicates and whole-form problems told apart', () => {
    const details = [
      { path: 'missing.1.document', message: 'Listed twice.' },
      { path: 'missing.1.document', message: 'Required.' },
      { path: 'note', message: 'At most 2000 characters.' },
      { path: 'other', message: '?' },
    ];
    expect(formErrors('en', 'request_supplement', details, [0, 2])).toEqual([
      { field: 'supplement-document-2', message: 'This document is listed twice' },
      { field: 'supplement-note', message: 'The note can have at most 2000 characters' },
      { message: 'Some details are not valid' },
    ]);
    expect(formErrors('vi', 'refuse', undefined, [])).toEqual([{ message: 'Thông tin chưa hợp lệ' }]);
  });
});

describe('offeredActions', () => {
  const dossier = (state: DossierView['state'], extra: Partial<DossierView> = {}): DossierView => ({
    id: 'dos_1',
    code: 'X-260302-0001',
    procedureCode: '1.000001.H48',
    procedureVersionId: 'pv_1',
    state,
    nationalStatus: null,
    channel: 'online',
    answers: {},
    feeTotal: 0,
    paid: false,
    assigneeId: null,
    stepIndex: null,
    submittedAt: null,
    receivedAt: null,
    dueAt: null,
    finishedAt: null,
    rating: null,
    revision: 1,
    ...extra,
  });
  const working = { receivedAt: '2026-03-02T02:00:00.000Z', assigneeId: 'usr_s', stepIndex: 0 };
  it.each([
    ['submitted', {}, 'reception', 2, ['receive', 'refuse', 'request_supplement']],
    ['submitted', {}, 'specialist', 2, []],
    [
      'in_progress',
      working,
      'specialist',
      2,
      ['request_supplement', 'complete_step', 'request_payment', 'apologise'],
    ],
    [
      'in_progress',
      working,
      'specialist',
      1,
      ['request_supplement', 'request_payment', 'submit_for_approval', 'apologise'],
    ],
    // The dossier's own workflow unknown: both ways forward, the engine decides.
    [
      'in_progress',
      working,
      'specialist',
      null,
      ['request_supplement', 'complete_step', 'request_payment', 'submit_for_approval', 'apologise'],
    ],
    [
      'in_progress',
      { ...working, assigneeId: 'usr_other' },
      'specialist',
      2,
      ['request_supplement', 'request_payment', 'apologise'],
    ],
    ['awaiting_approval', working, 'approver', 2, ['return_for_rework', 'approve', 'stop']],
    ['approved', working, 'clerk', 2, ['issue_result']],
    ['result_returned', working, 'reception', 2, []],
    ['in_progress', working, 'admin', 2, []],
  ] as const)('%s (%j) as %s, %s steps', (state, extra, role, steps, expected) => {
    expect(offeredActions(dossier(state, extra), steps, { id: 'usr_s', role })).toEqual(expected);
  });
});

describe('timelineRows', () => {
  const papers = {
    basePath: '/t/hue',
    dossierId: 'dos_1',
    nameOf: (paper: string) => (paper === 'ban_sao_cccd' ? 'Bản sao CCCD' : paper),
  };
  const entry = (action: string, data: Record<string, unknown>) => ({
    action,
    from: 'supplement_requested',
    to: 'submitted',
    actor: 'citizen:usr_1',
    at: '2026-03-02T02:00:00.000Z',
    data,
  });

  it('shows what the citizen answered to a supplement request, and the papers to open', () => {
    const [row] = timelineRows(
      'vi',
      [
        entry('supplement', {
          answers: { note: 'Đã gửi bản chụp rõ', xac_nhan: 'Nộp bản giấy' },
          documents: { ban_sao_cccd: ['doc_a', 'doc_b'] },
        }),
      ],
      new Map(),
      'usr_me',
      papers,
    );
    expect(row?.notes).toEqual(['Đã gửi bản chụp rõ', 'xac_nhan: Nộp bản giấy']);
    expect(row?.files).toEqual([
      { href: '/t/hue/api/dossiers/dos_1/documents/doc_a/content', label: 'Bản sao CCCD 1' },
      { href: '/t/hue/api/dossiers/dos_1/documents/doc_b/content', label: 'Bản sao CCCD 2' },
    ]);
  });

  it('lists no files for other steps, even if their data names documents', () => {
    const [row] = timelineRows(
      'en',
      [entry('receive', { documents: { x: ['doc_c'] } })],
      new Map(),
      'usr_me',
      papers,
    );
    expect(row?.files).toBeUndefined();
  });
});
