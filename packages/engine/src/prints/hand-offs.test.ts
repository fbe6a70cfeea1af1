import type { DossierEvent } from '@motcua/db/tenant';
import type { HandOff } from '@motcua/documents';
import {
  allowedActions,
  type DossierAction,
  type DossierActor,
  type DossierSnapshot,
  decide,
  isTerminal,
} from '@motcua/domain';
import { describe, expect, it } from 'vitest';
import { handOffActions, listHandOffs } from './hand-offs.ts';
import { at, createRandom, dossierRow, event, lifeEvents, makeFacts, people } from './test-fixtures.ts';

const row = (entry: Partial<HandOff>) => ({ note: undefined, ...entry });
const strip = (entries: HandOff[]) => entries.map((e) => ({ note: undefined, ...e }));

describe('listHandOffs over a whole life (2026 calendar, Tết 14–22 Feb off)', () => {
  const rows = strip(listHandOffs(makeFacts(), 'vi'));

  it.each([
    [
      'submission: to the desk officer who answered it first, no deadline',
      row({
        from: 'Công dân',
        to: people.desk.name,
        at: at('2026-02-12T09:00:00'),
        stepName: 'Nộp hồ sơ',
        dueAt: null,
        timeliness: null,
      }),
    ],
    [
      // Decree 45/2020: 8 working hours from the supplement at 09:45 Thu — 105 + 240 minutes that
      // day, the other 135 from 07:30 Fri — so due Fri 13 Feb 09:45; received Thu: a day early.
      'receipt of an online dossier: 8 working hours from its return to the desk',
      row({
        from: people.desk.name,
        to: 'Sở Tư pháp',
        at: at('2026-02-12T10:00:00'),
        stepName: 'Tiếp nhận hồ sơ',
        dueAt: at('2026-02-13T09:45:00'),
        timeliness: 'early',
      }),
    ],
    [
      'assignment: from the leader to the case officer',
      row({
        from: people.lead.name,
        to: people.officer.name,
        at: at('2026-02-13T08:00:00'),
        stepName: 'Phân công xử lý',
        dueAt: null,
        timeliness: null,
      }),
    ],
    [
      // 16 working hours from Fri 13 08:00: 450 minutes on Fri, 480 on Mon 23, 30 on Tue 24 → 08:00.
      'first workflow step, finished 15 minutes before its deadline on the same day',
      row({
        from: people.officer.name,
        to: people.officer.name,
        at: at('2026-02-24T07:45:00'),
        stepName: 'Thẩm định',
        dueAt: at('2026-02-24T08:00:00'),
        timeliness: 'on_time',
        note: 'Đủ điều kiện',
      }),
    ],
    [
      // 4 working hours from Tue 24 07:45: 225 minutes to 11:30, 15 after lunch → 13:15.
      'last workflow step, handed up for signature after its deadline',
      row({
        from: people.officer.name,
        to: people.lead.name,
        at: at('2026-02-24T16:00:00'),
        stepName: 'Trình ký',
        dueAt: at('2026-02-24T13:15:00'),
        timeliness: 'late',
      }),
    ],
    [
      'approval: to the clerk who issues',
      row({
        from: people.lead.name,
        to: people.clerk.name,
        at: at('2026-02-24T16:10:00'),
        stepName: 'Phê duyệt',
        dueAt: null,
        timeliness: null,
      }),
    ],
    [
      'result issued on the appointment day before 17:00',
      row({
        from: people.clerk.name,
        to: people.desk.name,
        at: at('2026-02-24T16:30:00'),
        stepName: 'Ban hành kết quả',
        dueAt: at('2026-02-24T17:00:00'),
        timeliness: 'on_time',
      }),
    ],
    [
      'result returned to the citizen',
      row({
        from: people.desk.name,
        to: 'Công dân',
        at: at('2026-02-25T08:00:00'),
        stepName: 'Trả kết quả',
        dueAt: null,
        timeliness: null,
      }),
    ],
  ])('%s', (_name, expected) => {
    expect(rows).toContainEqual(expected);
  });

  it('has one row per hand-off, in order, and none for the supplement or the apology', () => {
    expect(rows.map((r) => r.stepName)).toEqual([
      'Nộp hồ sơ',
      'Tiếp nhận hồ sơ',
      'Phân công xử lý',
      'Thẩm định',
      'Trình ký',
      'Phê duyệt',
      'Ban hành kết quả',
      'Trả kết quả',
    ]);
  });

  it('speaks English when asked', () => {
    const english = listHandOffs(makeFacts(), 'en');
    expect(english.map((r) => [r.from, r.stepName])).toEqual([
      ['Citizen', 'Submission'],
      [people.desk.name, 'Receipt'],
      [people.lead.name, 'Assignment'],
      [people.officer.name, 'Appraisal'],
      [people.officer.name, 'For signature'],
      [people.lead.name, 'Approval'],
      [people.clerk.name, 'Result issued'],
      [people.desk.name, 'Result returned'],
    ]);
    expect(english.at(-1)?.to).toBe('Citizen');
  });
});

describe('listHandOffs on partial and unusual histories', () => {
  it('names the party by its role while no person has taken the dossier yet', () => {
    const events = [
      event('submit', '2026-03-02T09:00:00', 'citizen'),
      event('receive', '2026-03-02T10:00:00', 'desk'),
      event('assign', '2026-03-02T11:00:00', 'lead', { assigneeId: people.officer.id }),
      event('complete_step', '2026-03-03T09:00:00', 'officer', { fromStep: 0, toStep: 1 }),
      event('submit_for_approval', '2026-03-03T10:00:00', 'officer'),
    ];
    const rows = listHandOffs(makeFacts({ events, unitName: null }), 'vi');
    expect(rows.map((r) => r.to)).toEqual([
      people.desk.name,
      'Cơ quan giải quyết',
      people.officer.name,
      people.officer.name,
      'Lãnh đạo',
    ]);
    const submitOnly = listHandOffs(makeFacts({ events: events.slice(0, 1) }), 'vi');
    expect(submitOnly.map((r) => r.to)).toEqual(['Bộ phận tiếp nhận và trả kết quả']);
  });

  it('falls back to the clerk and the desk before they act', () => {
    const events = [...lifeEvents().slice(0, 9)];
    expect(listHandOffs(makeFacts({ events }), 'en').at(-1)?.to).toBe('Records clerk');
    const issued = lifeEvents().slice(0, 10);
    expect(listHandOffs(makeFacts({ events: issued }), 'en').at(-1)?.to).toBe('Reception and result desk');
  });

  it('gives a dossier filed at the desk no intake deadline', () => {
    const rows = listHandOffs(makeFacts({ dossier: dossierRow({ channel: 'in_person' }) }), 'vi');
    expect(rows[1]).toMatchObject({ stepName: 'Tiếp nhận hồ sơ', dueAt: null, timeliness: null });
  });

  it('restarts the last step when it is sent back for rework, and hands it to whoever sent it back', () => {
    const events = [
      event('submit', '2026-03-02T08:00:00', 'citizen'),
      event('receive', '2026-03-02T08:30:00', 'desk'),
      event('assign', '2026-03-02T09:00:00', 'lead', { assigneeId: people.officer.id }),
      event('complete_step', '2026-03-02T10:00:00', 'officer', { fromStep: 0, toStep: 1 }),
      event('submit_for_approval', '2026-03-02T11:00:00', 'officer'),
      event('return_for_rework', '2026-03-03T09:00:00', 'lead', { reason: 'Sửa' }),
      event('submit_for_approval', '2026-03-03T14:00:00', 'officer'),
    ];
    const rows = listHandOffs(makeFacts({ events }), 'vi');
    // 4 hours from Mon 2 Mar 10:00 → 15:30; after rework, 4 hours from Tue 3 Mar 09:00 → 14:30.
    expect(rows.slice(-2)).toMatchObject([
      { to: people.lead.name, dueAt: at('2026-03-02T15:30:00'), timeliness: 'on_time' },
      { to: 'Lãnh đạo', dueAt: at('2026-03-03T14:30:00'), timeliness: 'on_time' },
    ]);
  });

  it('names integrations as the system and staff it cannot find as an officer', () => {
    const events = [
      event('submit', '2026-03-02T08:00:00', 'citizen'),
      event('receive', '2026-03-02T08:30:00', 'api_key:key_sync'),
      event('assign', '2026-03-02T09:00:00', 'staff:usr_gone', { assigneeId: 'usr_missing' }),
    ];
    const rows = listHandOffs(makeFacts({ events }), 'vi');
    expect(rows.map((r) => [r.from, r.to])).toEqual([
      ['Công dân', 'Hệ thống'],
      ['Hệ thống', 'Sở Tư pháp'],
      ['Cán bộ', 'Cán bộ'],
    ]);
  });
});

// Property: over lives the state machine itself allows, taken by random actors at random
// intervals, the slip holds exactly the hand-offs, each timed and judged consistently.
const officerId = people.officer.id;
const actors: DossierActor[] = [
  { kind: 'citizen', id: 'usr_cd' },
  { kind: 'staff', id: people.desk.id, permissions: ['dossiers.receive', 'dossiers.issue_result'] },
  { kind: 'staff', id: people.lead.id, permissions: ['dossiers.approve'] },
  { kind: 'staff', id: officerId, permissions: ['dossiers.process'] },
  { kind: 'staff', id: people.clerk.id, permissions: ['dossiers.issue_result'] },
  { kind: 'system' },
];
const inputs: Record<DossierAction, unknown> = {
  submit: {},
  receive: {},
  refuse: { reason: 'Sai thẩm quyền' },
  request_supplement: { missing: [{ document: 'Giấy tờ', reason: 'Thiếu' }] },
  supplement: { documents: { a: 'b' } },
  assign: { assigneeId: officerId },
  complete_step: {},
  request_payment: { amount: 50_000 },
  record_payment: { method: 'online', reference: 'GD-1' },
  submit_for_approval: {},
  return_for_rework: { reason: 'Sửa lại' },
  approve: {},
  stop: { reason: 'Dừng' },
  issue_result: { resultDocuments: ['doc_1'] },
  return_result: { method: 'online' },
  withdraw: {},
  apologise: { newDueDate: '2026-12-31', reason: 'Chậm' },
  rate: { score: 5 },
};
const refOf = (actor: DossierActor) => (actor.kind === 'system' ? 'system' : `${actor.kind}:${actor.id}`);

function randomLife(seed: number) {
  const random = createRandom(seed);
  let snapshot: DossierSnapshot = {
    state: 'draft',
    ownerId: 'usr_cd',
    assigneeId: null,
    stepIndex: null,
    stepCount: 2,
    supplementCount: 0,
    supplementFrom: null,
    received: false,
    rated: false,
    channel: random.pick(['online', 'in_person', 'post'] as const),
  };
  let time = at('2026-03-02T08:00:00').getTime();
  const events: DossierEvent[] = [];
  while (events.length < 30 && !isTerminal(snapshot.state)) {
    const choices = actors.flatMap((actor) =>
      allowedActions(snapshot, actor).map((action) => ({ actor, action })),
    );
    if (choices.length === 0) break;
    const { actor, action } = random.pick(choices);
    const decision = decide(snapshot, action, actor, inputs[action]);
    time += random.int(1, 3 * 24 * 60) * 60_000;
    events.push({
      id: events.length + 1,
      dossierId: 'dos_1',
      action,
      fromState: decision.event.from,
      toState: decision.event.to,
      actor: refOf(actor),
      data: decision.event.data,
      clock: decision.event.clock ?? null,
      at: new Date(time),
    });
    snapshot = decision.snapshot;
  }
  return { events, channel: snapshot.channel };
}

describe('listHandOffs over random lives the state machine allows', () => {
  const seeds = Array.from({ length: 300 }, (_, i) => i + 1);

  it('has one row per hand-off, each timed and judged consistently (300 seeded lives)', () => {
    for (const seed of seeds) {
      const { events, channel } = randomLife(seed);
      const dossier = dossierRow({ channel, dueAt: at('2026-03-20T17:00:00') });
      const rows = listHandOffs(makeFacts({ events, dossier }), 'vi');
      const handOffs = events.filter((e) => (handOffActions as readonly string[]).includes(e.action));
      const life = `seed ${seed}`;
      expect(
        rows.map((r) => r.at),
        life,
      ).toEqual(handOffs.map((e) => e.at));
      rows.forEach((r, i) => {
        expect(r.from && r.to && r.stepName, life).toBeTruthy();
        expect(r.timeliness === null, life).toBe(r.dueAt === null);
        if (r.dueAt) expect(r.timeliness === 'late', life).toBe(r.at.getTime() > r.dueAt.getTime());
        const action = handOffs[i]?.action;
        if (action === 'complete_step' || action === 'submit_for_approval' || action === 'issue_result') {
          expect(r.dueAt, life).not.toBeNull();
        }
      });
    }
  });

  it('reaches every kind of hand-off across the seeds, so the property is not vacuous', () => {
    const seen = new Set(seeds.flatMap((seed) => randomLife(seed).events.map((e) => e.action)));
    for (const action of handOffActions) expect(seen).toContain(action);
  });
});
