// How long a message that failed on its own (a 4xx to RCPT TO or DATA, a payload the templates
// refuse) waits before the next try: soon for a blip, then ever more rarely, never a storm. An
// unreachable server does not count here: the worker pauses as a whole (smtp-health.ts).

const scheduleSeconds = [30, 2 * 60, 10 * 60, 60 * 60] as const;
/**
 * After the schedule runs out, a message is retried every six hours, until it has been failing
 * for three days (deliver-outbox.ts gives it up then).
 */
export const maxRetryDelaySeconds = 6 * 60 * 60;

/** The wait after the `failures`-th failed try of one message (1 for the first failure). */
export function computeRetryDelaySeconds(failures: number): number {
  if (!Number.isInteger(failures) || failures < 1) {
    throw new RangeError('The number of failures is a whole number from 1.');
  }
  return scheduleSeconds[failures - 1] ?? maxRetryDelaySeconds;
}
