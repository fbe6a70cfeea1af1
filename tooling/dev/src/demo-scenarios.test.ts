// The demo plans without a database: answers the procedures accept, lives the state machine
// allows, and a schedule that holds on any day `npm start` may run (every day of 2025–2027 at
// times around the office hours), with the engine's own deadline rule applied to it.
import { staffRolePermissions } from '@motcua/auth';
import {
  addCalendarDays,
  computeDeadline,
  computeFees,
  createWorkingCalendar,
  type DossierActor,
  type DossierSnapshot,
  deadlineStatus,
  decide,
  dossierStates,
  isOfficeTime,
  isTerminal,
  type Pause,
  type ProcedureVersion,
  requiredDocuments,
  starterCatalog,
  toLocal,
  validateAnswers,
} from '@motcua/domain';
import { describe, expect, it } from 'vitest';
import { demoPeople } from './demo-people.ts';
import { type DemoRole, type DossierPlan, dueSoonReceiptDay, inputOf, type PlanStep } from './demo-plan.ts';
import { planDemoDossiers } from './demo-scenarios.ts';

const calendar = createWorkingCalendar();
/** Vietnam time (UTC+7) as an instant. */
const at = (local: string) => new Date(`${local}+07:00`);
const staff = { reception: 'reception', specialist: 'specialist', approver: 'approver', clerk: 'clerk' };
const tenants = Object.values(demoPeople);

function versionOf(code: string): ProcedureVersion {
  const version = starterCatalog.find((v) => v.code === code);
  if (!version) throw new Error(`No starter procedure ${code}`);
  return version;
}

// Fees by hand from the catalog: household business 100,000 đ; judicial record 200,000 đ and
// 5,000 đ from the third certificate; residence 10,000 đ online; building permit 75,000 đ;
// birth registration on time is free.
const fees: Record<string, number> = {
  draft: 100_000,
  submitted: 200_000,
  supplement_requested: 10_000,
  refused: 75_000,
  received: 10_000,
  withdrawn: 200_000,
  late: 100_000,
  due_soon: 0,
  in_progress: 10_000,
  payment_requested: 100_000,
  awaiting_approval: 75_000,
  approved: 75_000,
  stopped: 10_000,
  result_issued: 200_000,
  result_returned_rated: 0,
  result_returned: 205_000,
};

/** The answers as submitted: every file field names an uploaded file. */
function submitted(plan: DossierPlan) {
  const answers: Record<string, unknown> = { ...plan.filing.answers };
  for (const [i, file] of plan.filing.files.entries()) if (file.field) answers[file.field] = [`doc-${i}`];
  const version = versionOf(plan.filing.procedureCode);
  return { version, checked: validateAnswers(version, answers, { today: toLocal(plan.at).date }) };
}

const actorOf = (role: DemoRole): DossierActor =>
  role === 'citizen'
    ? { kind: 'citizen', id: 'owner' }
    : { kind: 'staff', id: role, permissions: staffRolePermissions[role] };

/** Plays the plan through the state machine, with the due date recomputed as the engine does. */
function play(plan: DossierPlan) {
  const version = versionOf(plan.filing.procedureCode);
  const fee = fees[plan.key] ?? 0;
  let snapshot: DossierSnapshot = {
    state: 'draft',
    ownerId: 'owner',
    assigneeId: null,
    stepIndex: null,
    stepCount: version.workflow.steps.length,
    supplementCount: 0,
    supplementFrom: null,
    received: false,
    rated: false,
    channel: 'online',
  };
  const pauses: Pause[] = [];
  let receivedAt: Date | undefined;
  let dueFrom: { pauses: Pause[]; now: Date } | undefined;
  const submit: PlanStep = { action: 'submit', by: 'citizen', at: plan.at, input: {} };
  for (const step of plan.submit ? [submit, ...plan.steps] : []) {
    const input = inputOf(
      step,
      (step.files ?? []).map((_, i) => `doc-${i}`),
      staff,
    );
    const withFee = step.action === 'request_payment' ? { ...input, amount: fee } : input;
    const decision = decide(snapshot, step.action, actorOf(step.by), withFee);
    const { clock } = decision.event;
    if (clock === 'start') receivedAt = step.at;
    if (clock === 'pause') pauses.push({ from: step.at, to: null });
    const open = pauses.at(-1);
    if (clock === 'resume' && open?.to === null) open.to = step.at;
    // The engine recomputes the due date at each start and resume; the last one is what it keeps.
    if (clock === 'start' || clock === 'resume')
      dueFrom = { pauses: pauses.map((p) => ({ ...p })), now: step.at };
    snapshot = decision.snapshot;
  }
  const dueAt = () =>
    receivedAt && dueFrom
      ? computeDeadline({ calendar, receivedAt, duration: version.processingTime, ...dueFrom }).dueAt
      : undefined;
  return { snapshot, dueAt };
}

describe('the day the due-soon dossier is received', () => {
  it.each([
    [
      'a working morning: due at today’s close, received the working day before',
      '2026-03-18T10:00',
      '2026-03-17',
    ],
    ['a minute before the close', '2026-03-18T16:59', '2026-03-17'],
    ['at the close: due tomorrow, received today', '2026-03-18T17:00', '2026-03-18'],
    ['a Saturday: due Monday, received Friday', '2026-03-21T09:00', '2026-03-20'],
    [
      'Friday evening before Tết 2026 (14–22 Feb off): due Mon 23, received that Friday',
      '2026-02-13T18:00',
      '2026-02-13',
    ],
    ['the first day after Tết', '2026-02-23T09:00', '2026-02-13'],
    ['Fri 2 Jan 2026, swapped off: due Mon 5, received Wed 31 Dec', '2026-01-02T10:00', '2025-12-31'],
    ['Sat 10 Jan 2026, the make-up working Saturday', '2026-01-10T09:00', '2026-01-09'],
  ])('%s', (_case, now, expected) => {
    expect(dueSoonReceiptDay(calendar, at(now))).toBe(expected);
  });
});

describe('the demo plans of each agency', () => {
  const now = at('2026-03-18T10:00');

  it.each(tenants.map((t) => [t.slug, t] as const))(
    '%s: every state, 16 dossiers, all five procedures',
    (_, people) => {
      const plans = planDemoDossiers(people, now);
      expect(plans).toHaveLength(16);
      expect(new Set(plans.map((p) => p.key)).size).toBe(16);
      expect(new Set(plans.map((p) => p.state))).toEqual(new Set(dossierStates));
      expect(new Set(plans.map((p) => p.filing.procedureCode))).toEqual(
        new Set(starterCatalog.map((v) => v.code)),
      );
      expect(plans.filter((p) => p.deadline).map((p) => [p.key, p.deadline])).toEqual([
        ['late', 'late'],
        ['due_soon', 'due_soon'],
      ]);
    },
  );

  const cases = tenants.flatMap((people) =>
    planDemoDossiers(people, now).map((p) => [people.slug, p.key, p] as const),
  );

  it.each(cases)(
    '%s %s: answers pass, every paper that applies is attached, the fee is right',
    (_s, key, plan) => {
      const { version, checked } = submitted(plan);
      expect(checked.ok ? [] : checked.errors).toEqual([]);
      if (!checked.ok) return;
      expect(computeFees(version, checked.values).total).toBe(fees[key]);
      const attached = plan.filing.files.map((f) => f.slot).sort();
      const needed = requiredDocuments(version, checked.values).filter((d) => d.required);
      expect(needed.map((d) => d.id).sort()).toEqual(attached);
    },
  );

  it.each(cases)('%s %s: plays through the state machine to its planned state', (_s, key, plan) => {
    const { snapshot } = play(plan);
    expect(snapshot.state).toBe(plan.state);
    const expectedStep: Record<string, number | null> = { late: 0, due_soon: snapshot.stepCount - 1 };
    if (key in expectedStep) expect(snapshot.stepIndex).toBe(expectedStep[key]);
    expect(snapshot.rated).toBe(key === 'result_returned_rated');
  });
});

describe('the schedule, whatever day the demo starts', () => {
  // Before opening (exactly one working day to the close), the last minute of the day and the
  // close itself: the branches of the due-soon day and the tightest moments for "due soon" and
  // "late". Every day of the years the national calendar covers, one of the three in turn (the
  // weekly cycle and the 3-cycle are coprime, so every weekday meets every time).
  const times = ['07:29', '16:59', '17:00'];
  const nows: Date[] = [];
  for (let day = '2025-01-01', i = 0; day <= '2027-12-31'; day = addCalendarDays(day, 1), i += 1) {
    nows.push(at(`${day}T${times[i % times.length]}`));
  }
  const people = tenants[0];

  it('has every step in the past and in order, staff steps in office hours, and only the planned dossiers late or due soon', () => {
    if (!people) throw new Error('No demo people.');
    const problems: string[] = [];
    for (const now of nows) {
      for (const plan of planDemoDossiers(people, now, calendar)) {
        const moments = [plan.at, ...plan.steps.map((s) => s.at)].map((d) => d.getTime());
        const where = `${plan.key} at ${now.toISOString()}`;
        if (moments.some((m, i) => m >= now.getTime() || (i > 0 && m <= (moments[i - 1] ?? 0)))) {
          problems.push(`${where}: not in the past and in order`);
        }
        if (plan.steps.some((s) => s.by !== 'citizen' && !isOfficeTime(calendar, s.at))) {
          problems.push(`${where}: a staff step out of office hours`);
        }
        const { snapshot, dueAt } = play(plan);
        // The staff queue flags every received dossier not yet finished, its clock running or paused.
        if (!snapshot.received || isTerminal(snapshot.state) || snapshot.state === 'result_issued') continue;
        const due = dueAt();
        const status = due ? deadlineStatus({ calendar, now, dueAt: due }) : 'no due date';
        if (status !== (plan.deadline ?? 'on_time')) problems.push(`${where}: ${status}`);
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it('gives answers that pass whatever the day (dates of birth are never in the future)', () => {
    for (const now of nows.filter((_, i) => i % 7 === 0)) {
      for (const people of tenants) {
        const failing = planDemoDossiers(people, now, calendar).filter((p) => !submitted(p).checked.ok);
        expect(failing.map((p) => `${p.key} at ${now.toISOString()}`)).toEqual([]);
      }
    }
  });
});
