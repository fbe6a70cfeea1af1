import { type Database, type TenantSlug, withTenant } from '@motcua/db';
import { outbox } from '@motcua/db/tenant';
import { createTestTenant, testSlug, useIsolatedTestDatabase } from '@motcua/db/testing';
import { createMailer } from '@motcua/mail';
import { type ReceivedMail, startSmtpServer, type TestSmtpServer } from '@motcua/mail/testing';
import { and, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  insertEmails,
  readOutbox,
  recordingLogger,
  type TestEmail,
  uniqueEmail,
  waitUntil,
} from '../test/fixtures.ts';
import { type RunningWorker, startWorker } from './worker.ts';

// A private database: the sweep visits every tenant in it, and must meet only this file's.
const { database } = useIsolatedTestDatabase(8);
const from = 'Motcua <no-reply@motcua.vn>';

/** `people` recipients with `each` messages apiece, written interleaved as dossiers move. */
function interleaved(label: string, people: number, each: number): TestEmail[] {
  const recipients = Array.from({ length: people }, (_, i) => uniqueEmail(`${label}${i}`).to);
  return Array.from({ length: people * each }, (_, n) => ({
    ...uniqueEmail(`${label}m${n}`),
    to: recipients[n % people] as string,
  }));
}

/** Whether each person received their messages once each, in the order they were written. */
function inOrderOnce(server: TestSmtpServer, emails: readonly TestEmail[]): boolean {
  const byPerson = new Map<string, string[]>();
  for (const email of emails) byPerson.set(email.to, [...(byPerson.get(email.to) ?? []), email.code]);
  for (const [person, codes] of byPerson) {
    const got = server.messagesTo(person).map((m) => /Hồ sơ (\S+) đã/.exec(m.subject)?.[1]);
    if (JSON.stringify(got) !== JSON.stringify(codes)) return false;
  }
  return true;
}

const arrivals = new Map<ReceivedMail, number>();
let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startSmtpServer({ beforeAccept: (mail) => void arrivals.set(mail, performance.now()) });
});
afterAll(() => smtp.close());

/** Messages per second between the first and the last arrival of `emails`. */
function rateOf(emails: readonly TestEmail[]): { perSecond: number; first: number } {
  // Each person of a phase is that phase's alone: their messages are the phase's messages.
  const mails = new Set(emails.flatMap((e) => smtp.messagesTo(e.to)));
  const times = [...mails].map((m) => arrivals.get(m) ?? 0);
  const first = Math.min(...times);
  const last = Math.max(...times);
  return { perSecond: (times.length - 1) / ((last - first) / 1000), first };
}

async function pending(db: Database, slug: TenantSlug) {
  return withTenant(db, slug, (tx) =>
    tx
      .select({ due: sql<boolean>`next_attempt_at <= now()`, attempts: outbox.attempts })
      .from(outbox)
      .where(and(isNull(outbox.sentAt), isNull(outbox.givenUpAt))),
  );
}

describe('an SMTP outage', () => {
  let worker: RunningWorker;
  afterAll(() => worker?.stop());

  it('pauses delivery without pushing rows back, then drains the backlog at once, in order per person', {
    timeout: 120_000,
  }, async () => {
    const slug = await createTestTenant(database);
    const { logger, lines, parsed } = recordingLogger();
    worker = await startWorker({
      database,
      mailer: createMailer({ smtpUrl: smtp.url, from }),
      logger,
      sweepIntervalMs: 60_000,
      serverRetry: { initialDelayMs: 200, maxDelayMs: 800 },
    });

    // No outage: the rate the server takes mail at, for comparison.
    const before = interleaved('calm', 6, 10);
    await insertEmails(database, slug, before);
    await waitUntil('the first messages', async () => inOrderOnce(smtp, before), 60_000);

    await smtp.goDown();
    const during = interleaved('storm', 6, 10);
    await insertEmails(database, slug, during);
    await waitUntil('the worker to notice', async () =>
      parsed().some((line) => line.msg === 'SMTP server unreachable; delivery paused'),
    );
    await waitUntil(
      'a few probes',
      async () => parsed().filter((line) => line.msg === 'SMTP server still unreachable').length >= 2,
    );
    // Only the probes counted an attempt; every row is still due, nothing was pushed into the future.
    const waiting = await pending(database, slug);
    expect(waiting).toHaveLength(60);
    expect(waiting.every((row) => row.due)).toBe(true);
    expect(waiting.filter((row) => row.attempts > 0).length).toBeLessThanOrEqual(4);

    const back = performance.now();
    await smtp.comeBack();
    await waitUntil('the backlog', async () => inOrderOnce(smtp, during), 60_000);
    await worker.idle();
    expect(parsed().some((line) => line.msg === 'SMTP server reachable again; delivering the backlog')).toBe(
      true,
    );
    expect(lines.join('\n')).not.toMatch(/@example\.vn/);
    expect((await readOutbox(database, slug)).every((row) => row.sentAt !== null)).toBe(true);

    // Figures for the report (printed, not asserted: speed belongs in the bench).
    const calm = rateOf(before);
    const drained = rateOf(during);
    console.log(
      `SMTP outage drain: ${drained.perSecond.toFixed(0)} msg/s after the outage vs ${calm.perSecond.toFixed(0)} msg/s without (${(
        (drained.perSecond / calm.perSecond) * 100
      ).toFixed(0)} %); first message ${Math.round(drained.first - back)} ms after the server came back`,
    );
  });
});

describe('the probe during an outage', () => {
  it('reaches the tenant whose message waits, though another tenant with nothing due takes it first', async () => {
    // Slugs in this order: a sweep visits the idle agency first, and its visit holds the probe
    // while the waiting agency's visit is sent away.
    const idle = await createTestTenant(database, { slug: testSlug('a') });
    const waiting = await createTestTenant(database, { slug: testSlug('z') });
    const server = await startSmtpServer();
    const { logger, parsed } = recordingLogger();
    const worker = await startWorker({
      database,
      mailer: createMailer({ smtpUrl: server.url, from }),
      logger,
      // No periodic sweep to the rescue within the test: only the probe's own scheduling.
      sweepIntervalMs: 3_600_000,
      serverRetry: { initialDelayMs: 100, maxDelayMs: 200 },
    });
    try {
      await server.goDown();
      const email = uniqueEmail('probe');
      await insertEmails(database, waiting, [email]);
      await waitUntil('the worker to pause', async () =>
        parsed().some((line) => line.msg === 'SMTP server unreachable; delivery paused'),
      );
      await server.comeBack();
      await server.waitFor(email.to, { timeoutMs: 5_000 });
      expect(await readOutbox(database, idle)).toEqual([]);
    } finally {
      await worker.stop();
      await server.close();
    }
  });
});
