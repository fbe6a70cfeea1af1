import { describe, expect, it } from 'vitest';
import { createDeliveryQueue } from './delivery-queue.ts';

/** A visit that runs until the test releases it. */
function controlledVisits() {
  const started: string[] = [];
  const releases = new Map<string, (() => void)[]>();
  let active = 0;
  let maxActive = 0;
  const visit = (key: string) => {
    started.push(key);
    active++;
    maxActive = Math.max(maxActive, active);
    return new Promise<void>((resolve) => {
      const list = releases.get(key) ?? [];
      list.push(() => {
        active--;
        resolve();
      });
      releases.set(key, list);
    });
  };
  const release = async (key: string) => {
    const next = releases.get(key)?.shift();
    if (!next) throw new Error(`${key} is not running`);
    next();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { visit, release, started, maxActive: () => maxActive };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('createDeliveryQueue', () => {
  it('visits at most `concurrency` keys at once, in request order', async () => {
    const v = controlledVisits();
    const queue = createDeliveryQueue({ concurrency: 2, visit: v.visit });
    for (const key of ['a', 'b', 'c', 'd']) queue.request(key);
    expect(v.started).toEqual(['a', 'b']);
    await v.release('a');
    expect(v.started).toEqual(['a', 'b', 'c']);
    await v.release('b');
    await v.release('c');
    await v.release('d');
    await queue.idle();
    expect(v.started).toEqual(['a', 'b', 'c', 'd']);
    expect(v.maxActive()).toBe(2);
  });

  it('coalesces requests for a waiting key, and visits a running key once more afterwards', async () => {
    const v = controlledVisits();
    const queue = createDeliveryQueue({ concurrency: 1, visit: v.visit });
    queue.request('a');
    queue.request('b');
    queue.request('b');
    queue.request('a');
    queue.request('a');
    expect(v.started).toEqual(['a']);
    await v.release('a');
    expect(v.started).toEqual(['a', 'b']);
    await v.release('b');
    expect(v.started).toEqual(['a', 'b', 'a']);
    await v.release('a');
    await queue.idle();
    expect(v.started).toEqual(['a', 'b', 'a']);
  });

  it('never runs two visits of one key at once, even with spare capacity', async () => {
    const v = controlledVisits();
    const queue = createDeliveryQueue({ concurrency: 4, visit: v.visit });
    queue.request('a');
    queue.request('a');
    expect(v.started).toEqual(['a']);
    expect(v.maxActive()).toBe(1);
    await v.release('a');
    await v.release('a');
    await queue.idle();
  });

  it('reports a failed visit and goes on', async () => {
    const errors: [string, unknown][] = [];
    const visited: string[] = [];
    const queue = createDeliveryQueue({
      concurrency: 1,
      visit: async (key: string) => {
        visited.push(key);
        if (key === 'bad') throw new Error('boom');
      },
      onError: (key, error) => errors.push([key, error]),
    });
    queue.request('bad');
    queue.request('good');
    await queue.idle();
    expect(visited).toEqual(['bad', 'good']);
    expect(errors.map(([key]) => key)).toEqual(['bad']);
  });

  it('on close drops what waits, waits for what runs, and takes no new request', async () => {
    const v = controlledVisits();
    const queue = createDeliveryQueue({ concurrency: 1, visit: v.visit });
    queue.request('a');
    queue.request('b');
    queue.request('a');
    let closed = false;
    const closing = queue.close().then(() => {
      closed = true;
    });
    await tick();
    expect(closed).toBe(false);
    await v.release('a');
    await closing;
    expect(closed).toBe(true);
    queue.request('c');
    await tick();
    expect(v.started).toEqual(['a']);
  });

  it('is idle at once when nothing was asked', async () => {
    const queue = createDeliveryQueue({ concurrency: 1, visit: async () => {} });
    await expect(queue.idle()).resolves.toBeUndefined();
  });

  it.each([0, -1, 1.5])('refuses a concurrency of %d', (concurrency) => {
    expect(() => createDeliveryQueue({ concurrency, visit: async () => {} })).toThrow(RangeError);
  });
});
