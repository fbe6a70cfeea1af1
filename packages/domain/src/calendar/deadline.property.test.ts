import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays } from './civil-date.ts';
import { computeDeadline, type Duration, type Pause } from './deadline.ts';
import { addWorkingMinutes, isOfficeTime, workingMinutesBetween } from './office-time.ts';
import { createWorkingCalendar } from './working-calendar.ts';

const calendar = createWorkingCalendar();

// Instants from 1 Dec 2024 to 31 Dec 2026 (Vietnam), to the second, so every shipped holiday is hit.
const FIRST = Date.parse('2024-12-01T00:00:00+07:00');
const LAST = Date.parse('2026-12-31T00:00:00+07:00');
const instant = fc.integer({ min: FIRST, max: LAST }).map((ms) => new Date(Math.floor(ms / 1000) * 1000));
const dayBasedDuration: fc.Arbitrary<Duration> = fc.oneof(
  fc.record({ value: fc.integer({ min: 0, max: 40 }), unit: fc.constant('working_days' as const) }),
  fc.record({ value: fc.integer({ min: 0, max: 90 }), unit: fc.constant('calendar_days' as const) }),
  fc.record({ value: fc.integer({ min: 0, max: 12 }), unit: fc.constant('months' as const) }),
);
const duration: fc.Arbitrary<Duration> = fc.oneof(
  dayBasedDuration,
  fc.record({ value: fc.integer({ min: 0, max: 160 }), unit: fc.constant('working_hours' as const) }),
);
const cutoff = fc.option(fc.integer({ min: 8 * 60, max: 17 * 60 }), { nil: undefined });
// A pause starting within ~60 days of `start`, lasting up to ~15 days.
const pausesAfter = (start: Date): fc.Arbitrary<Pause[]> =>
  fc.array(
    fc
      .tuple(
        fc.integer({ min: -5 * 86_400_000, max: 60 * 86_400_000 }),
        fc.integer({ min: 0, max: 15 * 86_400_000 }),
      )
      .map(([offset, length]) => ({
        from: new Date(start.getTime() + offset),
        to: new Date(start.getTime() + offset + length),
      })),
    { maxLength: 3 },
  );

function deadline(receivedAt: Date, d: Duration, extra: { cutoff?: number; pauses?: Pause[] } = {}) {
  return computeDeadline({
    calendar,
    receivedAt,
    duration: d,
    ...(extra.cutoff === undefined ? {} : { sameDayCutoffMinutes: extra.cutoff }),
    ...(extra.pauses === undefined ? {} : { pauses: extra.pauses }),
  });
}

describe('deadline properties', () => {
  it('never lands on a day off, and the due instant is in office time or at a close', () => {
    fc.assert(
      fc.property(instant, duration, cutoff, (receivedAt, d, cut) => {
        const result = deadline(receivedAt, d, { cutoff: cut });
        expect(calendar.isWorkingDay(result.dueDate)).toBe(true);
        expect(result.dueAt.getTime()).toBeGreaterThanOrEqual(result.clockStartedAt.getTime());
        expect(result.clockStartedAt.getTime()).toBeGreaterThanOrEqual(receivedAt.getTime());
        expect(isOfficeTime(calendar, result.clockStartedAt)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('day-based deadlines fall at the close of the office day', () => {
    fc.assert(
      fc.property(instant, dayBasedDuration, (receivedAt, d) => {
        const result = deadline(receivedAt, d);
        expect(result.dueAt.toISOString().slice(11, 16)).toBe('10:00'); // 17:00 in Vietnam
      }),
    );
  });

  it('pausing never shortens a deadline', () => {
    fc.assert(
      fc.property(
        instant.chain((receivedAt) => fc.tuple(fc.constant(receivedAt), duration, pausesAfter(receivedAt))),
        ([receivedAt, d, pauses]) => {
          const plain = deadline(receivedAt, d);
          const paused = deadline(receivedAt, d, { pauses });
          expect(paused.dueAt.getTime()).toBeGreaterThanOrEqual(plain.dueAt.getTime());
          expect(paused.pausedWorkingMinutes).toBeGreaterThanOrEqual(0);
          expect(paused.clockStartedAt).toEqual(plain.clockStartedAt);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('the deadline moves by exactly the office time of the pauses that counted', () => {
    fc.assert(
      fc.property(
        instant.chain((receivedAt) => fc.tuple(fc.constant(receivedAt), duration, pausesAfter(receivedAt))),
        ([receivedAt, d, pauses]) => {
          const plain = deadline(receivedAt, d);
          const paused = deadline(receivedAt, d, { pauses });
          const added = workingMinutesBetween(calendar, plain.dueAt, paused.dueAt);
          expect(added).toBeCloseTo(paused.pausedWorkingMinutes, 6);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a later receipt never gives an earlier deadline', () => {
    fc.assert(
      fc.property(instant, instant, duration, cutoff, (a, b, d, cut) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        const first = deadline(early, d, { cutoff: cut });
        const second = deadline(late, d, { cutoff: cut });
        expect(second.dueAt.getTime()).toBeGreaterThanOrEqual(first.dueAt.getTime());
      }),
      { numRuns: 300 },
    );
  });

  it('an extra day off never shortens a deadline', () => {
    fc.assert(
      fc.property(instant, duration, fc.integer({ min: 0, max: 120 }), (receivedAt, d, offset) => {
        const start = new Date(receivedAt.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
        const extra = createWorkingCalendar({
          overrides: [{ date: addCalendarDays(start, offset), kind: 'off' }],
        });
        const before = deadline(receivedAt, d);
        const after = computeDeadline({ calendar: extra, receivedAt, duration: d });
        expect(after.dueAt.getTime()).toBeGreaterThanOrEqual(before.dueAt.getTime());
      }),
      { numRuns: 200 },
    );
  });
});

describe('office-time properties', () => {
  const officeInstant = instant.filter((i) => isOfficeTime(calendar, i));
  const minutes = fc.oneof(
    fc.integer({ min: 0, max: 10_000 }),
    fc.double({ min: 0, max: 10_000, noNaN: true }),
  );

  it('measuring what was added gives it back, from any office instant', () => {
    fc.assert(
      fc.property(officeInstant, fc.integer({ min: 0, max: 10_000 }), (from, m) => {
        expect(workingMinutesBetween(calendar, from, addWorkingMinutes(calendar, from, m))).toBe(m);
      }),
      { numRuns: 300 },
    );
  });

  it('adding more minutes never ends earlier, and is additive', () => {
    fc.assert(
      fc.property(instant, minutes, minutes, (from, m1, m2) => {
        const once = addWorkingMinutes(calendar, from, m1);
        const more = addWorkingMinutes(calendar, from, m1 + m2);
        expect(more.getTime()).toBeGreaterThanOrEqual(once.getTime());
        const stepwise = addWorkingMinutes(calendar, once, m2);
        expect(Math.abs(stepwise.getTime() - more.getTime())).toBeLessThanOrEqual(1);
      }),
      { numRuns: 200 },
    );
  });

  it('working minutes are additive over a split point', () => {
    fc.assert(
      fc.property(instant, instant, instant, (x, y, z) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p.getTime() - q.getTime()) as [Date, Date, Date];
        const whole = workingMinutesBetween(calendar, a, c);
        const parts = workingMinutesBetween(calendar, a, b) + workingMinutesBetween(calendar, b, c);
        expect(parts).toBeCloseTo(whole, 6);
      }),
      { numRuns: 100 },
    );
  });
});
