// Helpers for the worker's tests (imported by *.test.ts only): outbox rows written the way the
// engine writes them, read back, and SMTP endpoints that are down.
import { randomBytes } from 'node:crypto';
import { type AddressInfo, createServer } from 'node:net';
import { createDatabase, type Database, type TenantSlug, withTenant } from '@motcua/db';
import { outbox } from '@motcua/db/tenant';
import type {} from '@motcua/testing/provided';
import { asc } from 'drizzle-orm';
import { inject } from 'vitest';
import type { OutboundEmail, OutboxMailer } from '../src/deliver-outbox.ts';
import { createLogger, type Logger } from '../src/logger.ts';

export type OutboxRow = typeof outbox.$inferSelect;

export interface TestEmail {
  to: string;
  code: string;
  dedupeKey: string;
  template?: string;
  data?: Record<string, unknown>;
  locale?: 'vi' | 'en';
  nextAttemptAt?: Date;
  kind?: string;
  payload?: Record<string, unknown>;
}

/** A unique recipient and dossier code, so tests sharing a database never read each other's mail. */
export function uniqueEmail(label: string): TestEmail {
  const id = randomBytes(4).toString('hex');
  return {
    to: `${label}-${id}@example.vn`,
    code: `000.00.13.H38-260302-${id}`,
    dedupeKey: `dos_${id}:1:dossier.received`,
  };
}

export function payloadOf(email: TestEmail): Record<string, unknown> {
  return (
    email.payload ?? {
      template: email.template ?? 'dossier.received',
      to: email.to,
      dossierId: email.dedupeKey.split(':')[0],
      code: email.code,
      procedureName: { vi: 'Đăng ký khai sinh', en: 'Birth registration' },
      dueAt: '2026-03-09T10:00:00.000Z',
      data: email.data ?? {},
      ...(email.locale ? { locale: email.locale } : {}),
    }
  );
}

/** Writes the rows in one committed unit of work of the tenant, as a domain verb would. */
export async function insertEmails(database: Database, slug: TenantSlug, emails: readonly TestEmail[]) {
  await withTenant(database, slug, (db) =>
    db.insert(outbox).values(
      emails.map((email) => ({
        kind: email.kind ?? 'email',
        dedupeKey: email.dedupeKey,
        payload: payloadOf(email),
        ...(email.nextAttemptAt ? { nextAttemptAt: email.nextAttemptAt } : {}),
      })),
    ),
  );
}

export function readOutbox(database: Database, slug: TenantSlug): Promise<OutboxRow[]> {
  return withTenant(database, slug, (db) => db.select().from(outbox).orderBy(asc(outbox.id)));
}

/** An SMTP URL on a port nothing listens on: connections are refused. */
export async function closedSmtpUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `smtp://127.0.0.1:${port}`;
}

/** Wraps a mailer to record what the worker handed it (the Message-ID above all). */
export function recordingMailer(inner: OutboxMailer, { delayMs = 0 } = {}) {
  const sent: OutboundEmail[] = [];
  const mailer: OutboxMailer = {
    async send(message) {
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      await inner.send(message);
      sent.push(message);
    },
  };
  return { mailer, sent };
}

/** The login role's URL of the database `database` is connected to (a private test database). */
export async function urlOfDatabase(database: Database): Promise<string> {
  const [row] = await database.sql<{ name: string }[]>`select current_database() as name`;
  const url = new URL(inject('motcua').databaseUrl);
  url.pathname = `/${row?.name}`;
  return url.toString();
}

/** Another pool on the same database, as a second worker process would have. */
export async function openSecondPool(database: Database, max = 4): Promise<Database> {
  return createDatabase({ url: await urlOfDatabase(database), max, applicationName: 'motcua-worker-2' });
}

/** Polls `check` until it holds or `timeoutMs` passes; the failure names what was awaited. */
export async function waitUntil(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A logger that keeps its JSON lines, for asserting what the worker says (and does not say). */
export function recordingLogger(): {
  logger: Logger;
  lines: string[];
  parsed: () => Record<string, unknown>[];
} {
  const lines: string[] = [];
  return {
    logger: createLogger('debug', (line) => lines.push(line)),
    lines,
    parsed: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

/** Makes every row of the tenant due now (as if its retry time had come). */
export async function makeAllDue(database: Database, slug: TenantSlug) {
  await withTenant(database, slug, (db) => db.update(outbox).set({ nextAttemptAt: new Date(0) }));
}
