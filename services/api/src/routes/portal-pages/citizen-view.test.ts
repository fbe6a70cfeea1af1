// What the citizen's dossier page offers, from the engine's view and timeline: the actions for
// each state worked out by hand from the one-stop rules (Decree 118/2025: withdraw any time
// before a decision, supplement when asked, rate once a result is returned), the printed forms
// the history calls for, and which step data reaches the citizen.
import { type DossierState, dossierStates } from '@motcua/domain';
import type { DossierView, TimelineEntry } from '@motcua/engine';
import { describe, expect, it } from 'vitest';
import {
  citizenActions,
  citizenSnapshot,
  listCitizenForms,
  listResultFiles,
  readStepDetails,
  toDossierDetail,
} from './citizen-view.ts';

const owner = 'usr_owner';

function view(state: DossierState, overrides: Partial<DossierView> = {}): DossierView {
  return {
    id: 'dos_1',
    code: state === 'draft' ? null : '000.00.13.H48-260212-0001',
    procedureCode: '1.000001.H48',
    procedureVersionId: 'pvr_1',
    state,
    nationalStatus: null,
    channel: 'online',
    answers: {},
    feeTotal: 50_000,
    paid: false,
    assigneeId: null,
    stepIndex: null,
    submittedAt: null,
    receivedAt: null,
    dueAt: null,
    finishedAt: null,
    rating: null,
    revision: 1,
    ...overrides,
  };
}

const entry = (action: string, data: Record<string, unknown> = {}, from = 'x', to = 'y'): TimelineEntry => ({
  action,
  from,
  to,
  actor: 'staff:usr_staff',
  at: '2026-02-12T02:00:00.000Z',
  data,
});

const supplementRequest = entry(
  'request_supplement',
  { missing: [{ document: 'Giấy xác nhận cư trú', reason: 'Chưa có' }], note: 'Nộp bản scan' },
  'submitted',
  'supplement_requested',
);

type Offer = { supplement: boolean; withdraw: boolean; rate: boolean; feedback: boolean };
const none: Offer = { supplement: false, withdraw: false, rate: false, feedback: true };

// By hand from packages/domain/src/dossier/rules.ts, for the dossier's own citizen.
const expectedOffers: Record<DossierState, Offer> = {
  draft: { ...none, feedback: false },
  submitted: { ...none, withdraw: true },
  supplement_requested: { ...none, supplement: true, withdraw: true },
  refused: none,
  received: { ...none, withdraw: true },
  in_progress: { ...none, withdraw: true },
  payment_requested: { ...none, withdraw: true },
  awaiting_approval: none,
  approved: none,
  stopped: none,
  result_issued: none,
  result_returned: { ...none, rate: true },
  withdrawn: none,
};

const offered = (actions: ReturnType<typeof citizenActions>): Offer => ({
  supplement: actions.supplement !== undefined,
  withdraw: actions.withdraw,
  rate: actions.rate,
  feedback: actions.feedback,
});

describe('citizenActions', () => {
  it.each(dossierStates.map((state) => [state, expectedOffers[state]] as const))(
    'offers the owner of a %s dossier %j',
    (state, expected) => {
      const timeline = state === 'supplement_requested' ? [supplementRequest] : [];
      expect(offered(citizenActions(view(state), timeline, owner))).toEqual(expected);
    },
  );

  it('offers no rating once the dossier is rated', () => {
    expect(citizenActions(view('result_returned', { rating: 4 }), [], owner).rate).toBe(false);
  });

  it('lists what the latest supplement request asked for', () => {
    const papers = [
      { id: 'xac_nhan', name: { vi: 'Giấy xác nhận', en: 'Certificate' }, accept: 'application/pdf' },
    ];
    const actions = citizenActions(view('supplement_requested'), [supplementRequest], owner, papers);
    expect(actions.supplement).toEqual({
      missing: [{ document: 'Giấy xác nhận cư trú', reason: 'Chưa có' }],
      note: 'Nộp bản scan',
      papers,
    });
  });

  it('rebuilds the snapshot the state machine decides on', () => {
    const requested = view('supplement_requested', { receivedAt: '2026-02-12T03:00:00.000Z', stepIndex: 1 });
    expect(citizenSnapshot(requested, [supplementRequest, supplementRequest], owner)).toEqual({
      state: 'supplement_requested',
      ownerId: owner,
      assigneeId: null,
      stepIndex: 1,
      stepCount: 2,
      supplementCount: 2,
      supplementFrom: 'submitted',
      received: true,
      rated: false,
      channel: 'online',
    });
  });
});

describe('listCitizenForms and listResultFiles', () => {
  it.each([
    [[], []],
    [[entry('submit')], []],
    [[entry('submit'), entry('receive')], ['receipt']],
    [
      [entry('request_supplement'), entry('supplement'), entry('receive')],
      ['supplement-request', 'receipt'],
    ],
    [[entry('refuse', { reason: 'Sai thẩm quyền' })], ['refusal']],
    [
      [entry('receive'), entry('apologise'), entry('apologise'), entry('stop')],
      ['receipt', 'apology', 'stop-notice'],
    ],
    [[entry('receive'), entry('assign'), entry('complete_step'), entry('approve')], ['receipt']],
  ])('%j gives the forms %j', (timeline, forms) => {
    expect(listCitizenForms(timeline)).toEqual(forms);
  });

  it('gives the latest issue’s result files once a result is issued, and none before', () => {
    const timeline = [
      entry('issue_result', { resultDocuments: ['doc_old'] }),
      entry('issue_result', { resultDocuments: ['doc_a', 'doc_b', 7] }),
    ];
    expect(listResultFiles(view('result_issued'), timeline)).toEqual(['doc_a', 'doc_b']);
    expect(listResultFiles(view('result_returned'), timeline)).toEqual(['doc_a', 'doc_b']);
    expect(listResultFiles(view('approved'), timeline)).toEqual([]);
    expect(listResultFiles(view('result_returned'), [])).toEqual([]);
  });
});

describe('readStepDetails', () => {
  it.each([
    [entry('refuse', { reason: 'Sai thẩm quyền' }), { reason: 'Sai thẩm quyền' }],
    [entry('stop', { reason: 'Theo quy định' }), { reason: 'Theo quy định' }],
    [
      entry('apologise', { newDueDate: '2026-03-02', reason: 'Chờ xác minh' }),
      { reason: 'Chờ xác minh', newDueDate: '2026-03-02' },
    ],
    [entry('rate', { score: 5, comment: 'Nhanh' }), { score: 5, comment: 'Nhanh' }],
    [entry('return_result', { method: 'online' }), { method: 'online' }],
    [entry('request_payment', { amount: 50_000 }), { amount: 50_000 }],
    [entry('supplement', { answers: { note: 'Đã gửi bưu điện' } }), { note: 'Đã gửi bưu điện' }],
    [
      supplementRequest,
      { missing: [{ document: 'Giấy xác nhận cư trú', reason: 'Chưa có' }], note: 'Nộp bản scan' },
    ],
    // Internal to the agency: a leader's reason for rework, an officer's notes, who was assigned.
    [entry('return_for_rework', { reason: 'Thiếu chữ ký' }), undefined],
    [entry('complete_step', { note: 'Đã xác minh' }), undefined],
    [entry('assign', { assigneeId: 'usr_x' }), undefined],
    [entry('refuse', { reason: '   ' }), undefined],
  ])('%j shows %j', (step, details) => {
    expect(readStepDetails(step)).toEqual(details);
  });
});

describe('toDossierDetail', () => {
  it('puts the pieces together without staff names', () => {
    const detail = toDossierDetail(view('received'), [entry('submit'), entry('receive')], owner, {
      vi: 'Thủ tục',
      en: 'Procedure',
    });
    expect(detail).toMatchObject({
      id: 'dos_1',
      forms: ['receipt'],
      results: [],
      actions: { withdraw: true, rate: false, feedback: true },
    });
    expect(JSON.stringify(detail)).not.toContain('usr_staff');
  });
});
