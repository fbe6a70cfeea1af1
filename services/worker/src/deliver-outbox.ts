// Delivers one tenant's due outbox emails, in that tenant's own unit of work.
//
// The rows are claimed with FOR UPDATE SKIP LOCKED and sent while the claiming transaction is
// open; the outcome is written in that same transaction. So two workers never send the same
// row (the second skips what the first holds, and a row the first has committed no longer
// matches once the second locks it), and a row is marked sent only if it was sent. The price is
// at-least-once delivery: a crash or a lost connection after the SMTP server accepted a message
// and before COMMIT leaves the row unsent, and it goes out again later, with the same
// Message-ID (see message-id.ts). Sending after commit instead would lose messages on a crash;
// a small batch keeps both the window and the lock time short.
import { type Database, type TenantSlug, withTenant } from '@motcua/db';
import { outbox } from '@motcua/db/tenant';
import type { MailMessage } from '@motcua/mail';
import { renderOutboxEmail } from '@motcua/mail/templates';
import { and, asc, eq, inArray, isNull, lte, type SQL, sql } from 'drizzle-orm';
import { deriveMessageId } from './message-id.ts';
import { computeRetryDelaySeconds } from './retry-delay.ts';
import { describeSendFailure, isServerUnreachable } from './send-failure.ts';

/** A message with the Message-ID it must carry. */
export interface OutboundEmail extends MailMessage {
  messageId: string;
}

/** What the worker needs of a mailer; `createMailer` from @motcua/mail fits. */
export interface OutboxMailer {
  send(message: OutboundEmail): Promise<void>;
}

export interface DeliverTenantOutboxOptions {
  database: Database;
  mailer: OutboxMailer;
  slug: TenantSlug;
  /** The time to act at; by default the database's clock, the one that stamped the rows. */
  now?: Date;
  /** Most rows claimed by one unit of work. */
  batch?: number;
  /** The right-hand side of Message-IDs, usually the From address's domain. */
  messageIdDomain?: string;
}

export interface DeliveryCounts {
  /** Rows this unit of work locked: due, unsent, and not held by another worker. */
  claimed: number;
  sent: number;
  failed: number;
}

interface ClaimedRow {
  id: number;
  dedupeKey: string;
  payload: unknown;
  attempts: number;
}

interface Failure {
  row: ClaimedRow;
  error: string;
}

export const defaultBatch = 20;

export async function deliverTenantOutbox(options: DeliverTenantOutboxOptions): Promise<DeliveryCounts> {
  const { database, slug, now, batch = defaultBatch } = options;
  if (!Number.isInteger(batch) || batch < 1) throw new RangeError('The batch is a whole number from 1.');
  // Due rows are compared with the transaction's start (a row committed before it is due);
  // outcomes are stamped when they happen.
  const dueBy: SQL = now ? sql`${now.toISOString()}::timestamptz` : sql`now()`;
  const happenedAt: SQL = now ? dueBy : sql`clock_timestamp()`;
  return withTenant(database, slug, async (db) => {
    const rows: ClaimedRow[] = await db
      .select({
        id: outbox.id,
        dedupeKey: outbox.dedupeKey,
        payload: outbox.payload,
        attempts: outbox.attempts,
      })
      .from(outbox)
      .where(and(eq(outbox.kind, 'email'), isNull(outbox.sentAt), lte(outbox.nextAttemptAt, dueBy)))
      .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
      .limit(batch)
      .for('update', { skipLocked: true });
    const { sent, failures } = await sendRows(rows, options);
    if (sent.length > 0) {
      await db
        .update(outbox)
        .set({ sentAt: happenedAt, attempts: sql`${outbox.attempts} + 1`, lastError: null })
        .where(inArray(outbox.id, sent));
    }
    for (const { row, error } of failures) {
      const delay = computeRetryDelaySeconds(row.attempts + 1);
      await db
        .update(outbox)
        .set({
          attempts: row.attempts + 1,
          nextAttemptAt: sql`${happenedAt} + make_interval(secs => ${delay}::int)`,
          lastError: error,
        })
        .where(eq(outbox.id, row.id));
    }
    return { claimed: rows.length, sent: sent.length, failed: failures.length };
  });
}

/** Sends in order; once the server proves unreachable, the rest wait with the same error. */
async function sendRows(
  rows: readonly ClaimedRow[],
  { mailer, slug, messageIdDomain }: DeliverTenantOutboxOptions,
): Promise<{ sent: number[]; failures: Failure[] }> {
  const sent: number[] = [];
  const failures: Failure[] = [];
  let unreachable: string | null = null;
  for (const row of rows) {
    if (unreachable !== null) {
      failures.push({ row, error: unreachable });
      continue;
    }
    try {
      const email = renderOutboxEmail(row.payload);
      await mailer.send({ ...email, messageId: deriveMessageId(slug, row.dedupeKey, messageIdDomain) });
      sent.push(row.id);
    } catch (error) {
      const described = describeSendFailure(error);
      failures.push({ row, error: described });
      if (isServerUnreachable(error)) unreachable = described;
    }
  }
  return { sent, failures };
}
