// The usage job: measures the fleet's usage of today (Vietnam's civil day) every interval, so
// that platform.tenant_usage holds each agency's figures for billing and the operator console.
// The measuring itself is @motcua/provisioning's measureFleetUsage, passed in by the process
// (see WorkerOptions.measureUsage); one agency's failure is logged and the others are measured.
import type { Logger } from './logger.ts';
import { describeSendFailure } from './send-failure.ts';

/** What measureFleetUsage answers: agencies measured, and those that failed with their error. */
export interface FleetUsageOutcome {
  measured: readonly string[];
  failed: readonly { slug: string; error: unknown }[];
}

/** Measures every live agency's usage of one civil day, 'YYYY-MM-DD'. */
export type FleetUsageMeter = (day: string) => Promise<FleetUsageOutcome>;

const dayMs = 86_400_000;
// Vietnam is UTC+7 all year, with no daylight saving (the domain's calendar relies on it too).
const vietnamOffsetMs = 7 * 3_600_000;

/** The civil day in Vietnam of an instant. */
export function vietnamDay(at: Date): string {
  return new Date(at.getTime() + vietnamOffsetMs).toISOString().slice(0, 10);
}

/**
 * The days a run measures: today, and also yesterday when this process has not measured today
 * before (it just started, or midnight passed since its last run), so that what came in between
 * a day's last run and its midnight is counted in that day's final figures.
 */
export function daysToMeasure(at: Date, lastDay: string | null): string[] {
  const today = vietnamDay(at);
  if (lastDay === today) return [today];
  return [vietnamDay(new Date(at.getTime() - dayMs)), today];
}

export interface UsageJobOptions {
  measure: FleetUsageMeter;
  now: () => Date;
  logger: Logger;
}

export interface UsageJob {
  /** Measures now; a call while a run is under way waits for that run instead of starting another. */
  run(): Promise<void>;
}

export function createUsageJob({ measure, now, logger }: UsageJobOptions): UsageJob {
  let lastDay: string | null = null;
  let running: Promise<void> | null = null;

  const measureDay = async (day: string) => {
    try {
      const outcome = await measure(day);
      for (const { slug, error } of outcome.failed) {
        logger.error('usage measurement failed', { tenant: slug, day, error: describeSendFailure(error) });
      }
      logger.info('usage measured', {
        day,
        measured: outcome.measured.length,
        failed: outcome.failed.length,
      });
      return true;
    } catch (error) {
      logger.error('usage measurement failed', { day, error: describeSendFailure(error) });
      return false;
    }
  };

  const runOnce = async () => {
    const at = now();
    const days = daysToMeasure(at, lastDay);
    let complete = true;
    for (const day of days) complete = (await measureDay(day)) && complete;
    // Only a run that reached the fleet moves on: otherwise yesterday is tried again next time.
    if (complete) lastDay = days.at(-1) ?? lastDay;
  };

  return {
    run() {
      running ??= runOnce().finally(() => {
        running = null;
      });
      return running;
    },
  };
}
