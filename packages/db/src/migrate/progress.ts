// Progress of a fleet migration for a person watching a terminal or reading a CI log: one
// redrawn line on a terminal, a plain line every tenth of the way in a log.
import type { Writable } from 'node:stream';
import type { FleetPlan, FleetProgress } from './fleet.ts';

export interface ProgressReporter {
  start(plan: Pick<FleetPlan, 'total'>): void;
  update(progress: FleetProgress): void;
  /** Ends the display; safe to call when nothing was drawn. */
  finish(): void;
}

export interface ProgressReporterOptions {
  /** Clock in milliseconds; tests pass a fake one. */
  now?: () => number;
}

type Output = NodeJS.WriteStream | Writable;

const barWidth = 10;
// Thousands of tenants can finish within a second; redrawing each would flood the terminal.
const redrawEveryMs = 100;
const clearLine = '\r\x1b[2K';

export function createProgressReporter(
  stream: Output,
  { now = () => performance.now() }: ProgressReporterOptions = {},
): ProgressReporter {
  const isTTY = 'isTTY' in stream && stream.isTTY === true;
  let startedAt = now();
  let total = 0;
  let state = { done: 0, failed: 0, slug: '' };
  let drawnAt = Number.NEGATIVE_INFINITY;
  let drawn = false;
  let drawnDone = -1;
  let lastDecile = 0;
  let lastPrintedDone = -1;

  const line = (withBar: boolean) =>
    formatProgress({ ...state, total, elapsedMs: now() - startedAt }, withBar ? 'terminal' : 'log');

  const draw = () => {
    const columns = ('columns' in stream && stream.columns) || 80;
    // A line longer than the terminal wraps, and `\r` then redraws only its last part.
    stream.write(`${clearLine}${line(true).slice(0, columns - 1)}`);
    drawnAt = now();
    drawn = true;
    drawnDone = state.done;
  };

  const print = () => {
    stream.write(`${line(false)}\n`);
    lastPrintedDone = state.done;
  };

  return {
    start(plan) {
      startedAt = now();
      total = plan.total;
    },
    update({ done, total: all, slug, ok }) {
      total = all;
      state = { done, failed: state.failed + (ok ? 0 : 1), slug };
      if (isTTY) {
        if (done === total || now() - drawnAt >= redrawEveryMs) draw();
        return;
      }
      const decile = total === 0 ? 10 : Math.floor((done * 10) / total);
      if (decile > lastDecile || done === total) {
        lastDecile = decile;
        print();
      }
    },
    finish() {
      if (isTTY) {
        if (!drawn) return;
        if (drawnDone !== state.done) draw();
        stream.write('\n');
      } else if (state.done > 0 && lastPrintedDone !== state.done) {
        print();
      }
    },
  };
}

export interface ProgressState {
  done: number;
  total: number;
  failed: number;
  elapsedMs: number;
  slug: string;
}

/** `[#####-----]  512/1000  51%  12.3/s  eta 40s  failed 0  da-nang` on a terminal. */
export function formatProgress(
  { done, total, failed, elapsedMs, slug }: ProgressState,
  style: 'terminal' | 'log',
): string {
  const fraction = total > 0 ? done / total : 1;
  const filled = Math.floor(fraction * barWidth);
  const rate = elapsedMs > 0 ? done / (elapsedMs / 1000) : 0;
  const eta = rate > 0 ? formatSeconds((total - done) / rate) : '--';
  const parts = [
    `${done}/${total}`,
    `${Math.floor(fraction * 100)}%`,
    `${rate.toFixed(1)}/s`,
    `eta ${eta}`,
    `failed ${failed}`,
  ];
  return style === 'terminal'
    ? [`[${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}]`, ...parts, slug].join('  ')
    : ['tenants', ...parts].join('  ');
}

export function formatSeconds(seconds: number): string {
  const s = Math.ceil(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}
