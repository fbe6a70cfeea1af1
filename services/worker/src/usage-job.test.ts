import { useIsolatedTestDatabase } from '@motcua/db/testing';
import { createMailer } from '@motcua/mail';
import { afterAll, describe, expect, it } from 'vitest';
import { waitUntil } from '../test/fixtures.ts';
import { createLogger } from './logger.ts';
import {
  createUsageJob,
  daysToMeasure,
  type FleetUsageMeter,
  type FleetUsageOutcome,
  vietnamDay,
} from './usage-job.ts';
import { type RunningWorker, startWorker } from './worker.ts';

describe('vietnamDay and daysToMeasure', () => {
  it.each([
    ['2026-11-19T16:59:59.999Z', '2026-11-19'],
    ['2026-11-19T17:00:00.000Z', '2026-11-20'],
    ['2026-12-31T17:00:00.000Z', '2027-01-01'],
    ['2028-02-28T17:30:00.000Z', '2028-02-29'],
  ])('%s is %s in Vietnam', (instant, day) => {
    expect(vietnamDay(new Date(instant))).toBe(day);
  });

  it.each([
    // First run of the process: yesterday's last figures, then today.
    ['2026-11-20T02:00:00.000Z', null, ['2026-11-19', '2026-11-20']],
    // Later the same day: today only.
    ['2026-11-20T02:15:00.000Z', '2026-11-20', ['2026-11-20']],
    // The first run after midnight in Vietnam (00:05 on the 21st) closes the 20th.
    ['2026-11-20T17:05:00.000Z', '2026-11-20', ['2026-11-20', '2026-11-21']],
    // 23:59 on the 20th in Vietnam is still the 20th, though UTC says so too late.
    ['2026-11-20T16:59:00.000Z', '2026-11-20', ['2026-11-20']],
    ['2027-01-01T00:00:00.000Z', '2026-12-31', ['2026-12-31', '2027-01-01']],
  ] as const)('at %s after %s: %j', (instant, last, days) => {
    expect(daysToMeasure(new Date(instant), last)).toEqual(days);
  });
});

/** A meter that records the days asked for and answers from a script, call by call. */
function scriptedMeter(script: ((day: string) => FleetUsageOutcome)[]) {
  const days: string[] = [];
  const meter: FleetUsageMeter = async (day) => {
    const answer = script[days.length] ?? script.at(-1);
    days.push(day);
    if (!answer) throw new Error('no answer scripted');
    return answer(day);
  };
  return { meter, days };
}

function capturedLogger() {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger('info', (line) => lines.push(JSON.parse(line) as Record<string, unknown>));
  const entries = () => lines.map(({ time: _time, ...rest }) => rest);
  return { logger, entries };
}

class PermissionDenied extends Error {
  override name = 'PostgresError';
  code = 'EPERM';
}

describe('createUsageJob', () => {
  it('logs each agency that failed with its slug and goes on; the others are counted', async () => {
    const { meter, days } = scriptedMeter([
      () => ({ measured: ['da-nang', 'hue'], failed: [] }),
      () => ({
        measured: ['da-nang'],
        failed: [{ slug: 'hue', error: new PermissionDenied('permission denied for table dossiers') }],
      }),
    ]);
    const { logger, entries } = capturedLogger();
    let now = new Date('2026-11-20T02:00:00.000Z');
    const job = createUsageJob({ measure: meter, now: () => now, logger });
    await job.run();
    expect(days).toEqual(['2026-11-19', '2026-11-20']);
    now = new Date('2026-11-20T02:15:00.000Z');
    await job.run();
    expect(days).toEqual(['2026-11-19', '2026-11-20', '2026-11-20']);
    const hueFailed = {
      level: 'error',
      msg: 'usage measurement failed',
      tenant: 'hue',
      day: '2026-11-20',
      // The error's class and code only: a database message may quote data.
      error: 'PostgresError:EPERM',
    };
    const dayMeasured = { level: 'info', msg: 'usage measured', day: '2026-11-20', measured: 1, failed: 1 };
    expect(entries()).toEqual([
      { level: 'info', msg: 'usage measured', day: '2026-11-19', measured: 2, failed: 0 },
      hueFailed,
      dayMeasured,
      hueFailed,
      dayMeasured,
    ]);
  });

  it('logs a meter that failed as a whole, and tries yesterday again on the next run', async () => {
    const { meter, days } = scriptedMeter([
      () => {
        throw new Error('connection refused');
      },
      () => ({ measured: ['hue'], failed: [] }),
    ]);
    const { logger, entries } = capturedLogger();
    const now = new Date('2026-11-20T17:05:00.000Z');
    const job = createUsageJob({ measure: meter, now: () => now, logger });
    await job.run();
    await job.run();
    await job.run();
    expect(days).toEqual(['2026-11-20', '2026-11-21', '2026-11-20', '2026-11-21', '2026-11-21']);
    expect(entries()[0]).toEqual({
      level: 'error',
      msg: 'usage measurement failed',
      day: '2026-11-20',
      error: 'Error',
    });
    expect(
      entries()
        .slice(1)
        .map((e) => [e.msg, e.day]),
    ).toEqual([
      ['usage measured', '2026-11-21'],
      ['usage measured', '2026-11-20'],
      ['usage measured', '2026-11-21'],
      ['usage measured', '2026-11-21'],
    ]);
  });

  it('runs once for calls made while it runs', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const days: string[] = [];
    const job = createUsageJob({
      measure: async (day) => {
        days.push(day);
        await held;
        return { measured: [], failed: [] };
      },
      now: () => new Date('2026-11-20T02:00:00.000Z'),
      logger: capturedLogger().logger,
    });
    const first = job.run();
    const second = job.run();
    expect(second).toBe(first);
    release();
    await Promise.all([first, second]);
    expect(days).toEqual(['2026-11-19', '2026-11-20']);
  });
});

describe('startWorker with a usage meter', () => {
  // A private database: the outbox sweep must meet none of the other files' agencies.
  const { database } = useIsolatedTestDatabase(4);
  const running = new Set<RunningWorker>();
  afterAll(async () => {
    for (const worker of running) await worker.stop();
  });
  const mailer = createMailer({ from: 'Motcua <no-reply@motcua.vn>', log: () => {} });
  const start = async (options: Partial<Parameters<typeof startWorker>[0]>) => {
    const worker = await startWorker({ database, mailer, sweepIntervalMs: 3_600_000, ...options });
    running.add(worker);
    return worker;
  };

  it('measures at start and then every usageIntervalMs, until it stops', async () => {
    const { meter, days } = scriptedMeter([() => ({ measured: ['hue'], failed: [] })]);
    const worker = await start({
      measureUsage: meter,
      usageIntervalMs: 40,
      now: () => new Date('2026-11-20T02:00:00.000Z'),
    });
    await waitUntil('three runs', async () => days.length >= 4);
    expect(days.slice(0, 4)).toEqual(['2026-11-19', '2026-11-20', '2026-11-20', '2026-11-20']);
    await worker.stop();
    const after = days.length;
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(days).toHaveLength(after);
    await worker.measureUsage();
    expect(days).toHaveLength(after);
  });

  it('measures nothing on its own with usageIntervalMs 0, but still on request', async () => {
    const { meter, days } = scriptedMeter([() => ({ measured: [], failed: [] })]);
    const worker = await start({
      measureUsage: meter,
      usageIntervalMs: 0,
      now: () => new Date('2026-11-20T02:00:00.000Z'),
    });
    await worker.idle();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(days).toEqual([]);
    await worker.measureUsage();
    expect(days).toEqual(['2026-11-19', '2026-11-20']);
    await worker.stop();
  });

  it('waits on stop for a measurement under way', async () => {
    let finished = false;
    const worker = await start({
      measureUsage: async () => {
        await new Promise((resolve) => setTimeout(resolve, 200));
        finished = true;
        return { measured: [], failed: [] };
      },
      usageIntervalMs: 3_600_000,
    });
    await worker.stop();
    expect(finished).toBe(true);
  });
});
