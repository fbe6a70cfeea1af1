import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgressReporter, formatProgress, formatSeconds } from './progress.ts';

function fakeStream(tty?: { columns: number }) {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      chunks.push(String(chunk));
      callback();
    },
  });
  if (tty) Object.assign(stream, { isTTY: true, columns: tty.columns });
  return { stream, chunks, text: () => chunks.join('') };
}

/** A clock that advances `stepMs` every time it is read after `start`. */
function steppingClock(stepMs: number) {
  let t = 0;
  return () => {
    t += stepMs;
    return t;
  };
}

function run(total: number, failedAt: Set<number>, stream: Writable, now: () => number) {
  const reporter = createProgressReporter(stream, { now });
  reporter.start({ total });
  for (let done = 1; done <= total; done += 1) {
    reporter.update({ done, total, slug: `t-${done}`, ok: !failedAt.has(done), ms: 5 });
  }
  reporter.finish();
}

describe('progress reporter off a terminal', () => {
  it('prints one plain line per tenth of the way, the last one at the end', () => {
    const { stream, text } = fakeStream();
    run(1000, new Set([3, 640]), stream, steppingClock(1));
    const lines = text().split('\n').filter(Boolean);
    expect(lines).toHaveLength(10);
    expect(lines[0]).toMatch(/^tenants {2}100\/1000 {2}10% {2}[\d.]+\/s {2}eta \S+ {2}failed 1$/);
    expect(lines[6]).toContain('700/1000  70%');
    expect(lines[6]).toContain('failed 2');
    expect(lines.at(-1)).toMatch(/^tenants {2}1000\/1000 {2}100% .* {2}eta 0s {2}failed 2$/);
    expect(text()).not.toContain('\r');
    expect(text()).not.toContain('\x1b');
  });

  it('prints no more lines than tenants when there are fewer than ten', () => {
    const { stream, text } = fakeStream();
    run(3, new Set(), stream, steppingClock(1));
    expect(
      text()
        .split('\n')
        .filter(Boolean)
        .map((line) => line.split('  ')[1]),
    ).toEqual(['1/3', '2/3', '3/3']);
  });

  it('prints the state reached when the run stops early', () => {
    const { stream, text } = fakeStream();
    const reporter = createProgressReporter(stream, { now: steppingClock(1) });
    reporter.start({ total: 100 });
    for (let done = 1; done <= 15; done += 1)
      reporter.update({ done, total: 100, slug: 'x', ok: true, ms: 1 });
    reporter.finish();
    expect(text().split('\n').filter(Boolean)).toEqual([
      expect.stringContaining('10/100'),
      expect.stringContaining('15/100'),
    ]);
  });

  it('prints nothing when no tenant was behind', () => {
    const { stream, text } = fakeStream();
    run(0, new Set(), stream, steppingClock(1));
    expect(text()).toBe('');
  });
});

describe('progress reporter on a terminal', () => {
  it('redraws one line in place, clipped to the terminal, and ends it at the finish', () => {
    const { stream, chunks, text } = fakeStream({ columns: 40 });
    run(50, new Set(), stream, steppingClock(30));
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks.length).toBeLessThan(50); // redraws are throttled
    for (const chunk of chunks.slice(0, -1)) {
      expect(chunk.startsWith('\r\x1b[2K')).toBe(true);
      expect(chunk.length - '\r\x1b[2K'.length).toBeLessThanOrEqual(39);
    }
    expect(chunks.at(-2)).toContain('[##########]  50/50  100%');
    expect(chunks.at(-1)).toBe('\n');
    expect(text().match(/\n/g)).toHaveLength(1);
  });
});

describe('formatProgress', () => {
  it('shows bar, count, percentage, rate, eta, failures and the last tenant', () => {
    expect(
      formatProgress({ done: 512, total: 1000, failed: 0, elapsedMs: 41_626, slug: 'da-nang' }, 'terminal'),
    ).toBe('[#####-----]  512/1000  51%  12.3/s  eta 40s  failed 0  da-nang');
  });

  it('shows an unknown eta before any time has passed', () => {
    expect(formatProgress({ done: 0, total: 10, failed: 0, elapsedMs: 0, slug: '' }, 'log')).toBe(
      'tenants  0/10  0%  0.0/s  eta --  failed 0',
    );
  });

  it.each([
    [0, '0s'],
    [39.2, '40s'],
    [60, '1m00s'],
    [125, '2m05s'],
    [3720, '1h02m'],
  ])('formats %d seconds as %s', (seconds, shown) => {
    expect(formatSeconds(seconds)).toBe(shown);
  });
});
