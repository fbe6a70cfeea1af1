// Shared by the print tests only: a dossier's record as the loader would read it, on the 2026
// national calendar, and a seeded random source for the property tests.
import type { Dossier, DossierEvent } from '@motcua/db/tenant';
import { createWorkingCalendar } from '@motcua/domain';
import { parseProcedureVersion } from '../procedures/parse-version.ts';
import { testProcedure } from '../testing.ts';
import type { PrintFacts } from './print-facts.ts';

/** Vietnam time (UTC+7) as an instant. */
export const at = (local: string) => new Date(`${local}+07:00`);

export const people = {
  desk: { id: 'usr_desk', name: 'Trần Văn Đức' },
  lead: { id: 'usr_lead', name: 'Lê Thị Mai' },
  officer: { id: 'usr_officer', name: 'Phạm Minh Khoa' },
  clerk: { id: 'usr_clerk', name: 'Võ Thu Hà' },
} as const;

const staff = (who: keyof typeof people) => `staff:${people[who].id}`;

let nextId = 1;
export function event(
  action: string,
  local: string,
  actor: keyof typeof people | 'citizen' | string,
  data: Record<string, unknown> = {},
): DossierEvent {
  const ref =
    actor in people ? staff(actor as keyof typeof people) : actor === 'citizen' ? 'citizen:usr_cd' : actor;
  return {
    id: nextId++,
    dossierId: 'dos_1',
    action,
    fromState: 'x',
    toState: 'y',
    actor: ref,
    data,
    clock: null,
    at: at(local),
  };
}

/**
 * A dossier's full life on the 2026 calendar (Tết 14–22 Feb off): submitted online Thu 12 Feb,
 * sent back once for a supplement, received the same morning and due Tue 24 Feb 17:00.
 */
export function lifeEvents(): DossierEvent[] {
  return [
    event('submit', '2026-02-12T09:00:00', 'citizen'),
    event('request_supplement', '2026-02-12T09:30:00', 'desk', {
      missing: [{ document: 'Bản sao CCCD', reason: 'Ảnh mờ' }],
      sequence: 1,
      countsAsLate: false,
    }),
    event('supplement', '2026-02-12T09:45:00', 'citizen', { documents: { cccd: 'moi' } }),
    event('receive', '2026-02-12T10:00:00', 'desk'),
    event('assign', '2026-02-13T08:00:00', 'lead', { assigneeId: people.officer.id, stepIndex: 0 }),
    event('apologise', '2026-02-23T15:00:00', 'desk', {
      newDueDate: '2026-02-27',
      reason: 'Chờ ý kiến cơ quan phối hợp',
    }),
    event('complete_step', '2026-02-24T07:45:00', 'officer', {
      fromStep: 0,
      toStep: 1,
      note: 'Đủ điều kiện',
    }),
    event('submit_for_approval', '2026-02-24T16:00:00', 'officer'),
    event('approve', '2026-02-24T16:10:00', 'lead'),
    event('issue_result', '2026-02-24T16:30:00', 'clerk', { resultDocuments: ['doc_1'] }),
    event('return_result', '2026-02-25T08:00:00', 'desk', { method: 'online' }),
  ];
}

export function dossierRow(overrides: Partial<Dossier> = {}): Dossier {
  return {
    id: 'dos_1',
    code: 'DANANG-260212-0001',
    procedureVersionId: 'ver_1',
    procedureCode: testProcedure.code,
    ownerId: 'usr_cd',
    channel: 'online',
    state: 'result_returned',
    answers: { full_name: 'Nguyễn Thị Hường', purpose: 'xin_viec' },
    unitId: 'uni_stp',
    assigneeId: people.officer.id,
    stepIndex: 1,
    supplementCount: 1,
    supplementFrom: null,
    feeTotal: 50_000,
    paidAt: null,
    trackingKey: 'K7QM92XF',
    submittedAt: at('2026-02-12T09:00:00'),
    receivedAt: at('2026-02-12T10:00:00'),
    dueAt: at('2026-02-24T17:00:00'),
    pausedAt: null,
    finishedAt: at('2026-02-24T16:30:00'),
    rating: null,
    revision: 11,
    createdAt: at('2026-02-12T08:50:00'),
    updatedAt: at('2026-02-25T08:00:00'),
    ...overrides,
  };
}

export function makeFacts(overrides: Partial<PrintFacts> = {}): PrintFacts {
  return {
    dossier: dossierRow(),
    events: lifeEvents(),
    version: parseProcedureVersion(testProcedure),
    applicant: { fullName: 'Nguyễn Thị Hường', email: 'huong@example.vn', phone: '0905123456' },
    agency: { name: 'Ủy ban nhân dân thành phố Đà Nẵng', place: 'Đà Nẵng' },
    unitName: 'Sở Tư pháp',
    staffNames: new Map(Object.values(people).map((p) => [p.id, p.name])),
    inputSlots: new Set(),
    calendar: createWorkingCalendar(),
    siteOrigin: 'https://da-nang.motcua.vn',
    now: at('2026-02-25T09:00:00'),
    ...overrides,
  };
}

/** mulberry32: "random" cases that are the same on every run, so a failure can be replayed. */
export function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    const item = items[int(0, items.length - 1)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  };
  return { next, int, pick };
}
