// Delivers one tenant's due outbox emails.
//
// A batch is claimed with a lease (a short unit of work that commits at once), then each message
// is sent and its outcome written by a statement of its own, straight after the server's answer:
// the 250 that accepts a message is recorded before anything else can fail. A worker killed
// mid-batch therefore re-sends at most the message that was on the wire (at least once, with the
// same Message-ID, see message-id.ts); the rest of its batch, not yet tried, goes to the next
// claim when the lease runs out. Two workers never hold the same row, and a person's messages
// leave in the order they were written (see outbox-rows.ts).
//
// What a failure leads to depends on whose it is (send-failure.ts): a server that cannot be
// reached hands the batch back still due and reports it, for the worker to pause as a whole; a
// message the server refuses for good (5xx to RCPT TO or DATA) is given up, as is one that kept
// failing for three days; any other failure of one message is retried for it alone.
import { issueEmailedToken } from '@motcua/auth';
import type { Database, TenantSlug } from '@motcua/db';
import type { MailMessage } from '@motcua/mail';
import {
  type OutboxEmail,
  outboxTokenOf,
  parseOutboxEmail,
  renderParsedOutboxEmail,
} from '@motcua/mail/templates';
import type { Handback } from './handback.ts';
import { type Logger, silentLogger } from './logger.ts';
import { deriveMessageId } from './message-id.ts';
import {
  type ClaimedRow,
  claimRows,
  clockOf,
  giveUp,
  markSent,
  release,
  releaseAfterOutage,
  scheduleRetry,
} from './outbox-rows.ts';
import { computeRetryDelaySeconds } from './retry-delay.ts';
import { classifySendFailure, describeSendFailure, smtpCodeOf } from './send-failure.ts';

/** A message with the Message-ID it must carry. */
export interface OutboundEmail extends MailMessage {
  messageId: string;
}

/** What the worker needs of a mailer; `createMailer` from @motcua/mail fits. */
export interface OutboxMailer {
  send(message: OutboundEmail): Promise<void>;
}

/** Gives an emailed link's token its secret as the email is sent; null when it must not go. */
export type TokenIssuer = (
  slug: TenantSlug,
  token: { tokenId: string; validForMinutes: number },
  now?: Date,
) => Promise<{ token: string; version: string } | null>;

export interface DeliverTenantOutboxOptions {
  database: Database;
  mailer: OutboxMailer;
  slug: TenantSlug;
  /** The time to act at; by default the database's clock, the one that stamped the rows. */
  now?: Date;
  /** Most rows claimed at once. */
  batch?: number;
  /** The right-hand side of Message-IDs, usually the From address's domain. */
  messageIdDomain?: string;
  /** How long claimed rows stay this worker's; past it another worker may take them. */
  leaseMs?: number;
  /** Failing for longer than this since it was written, a message is given up as expired. */
  giveUpAfterMs?: number;
  /** No new send starts this long after the claim; the rest is handed back (inside the lease). */
  sendWindowMs?: number;
  /**
   * Messages on the wire at once, each to another person (one connection each): servers that
   * make every connection wait for its greeting are drained this many times faster.
   */
  sendConcurrency?: number;
  logger?: Logger;
  /** @motcua/auth's issueEmailedToken on `database` by default. */
  issueToken?: TokenIssuer;
  /** What the worker owes the outbox from batches the database left unfinished (handback.ts). */
  handback?: Handback;
}

export interface DeliveryCounts {
  /** Rows this call leased: due, unsent, not held by another worker, in order per recipient. */
  claimed: number;
  sent: number;
  /** Failed and to be retried. */
  failed: number;
  /** Given up: refused for good, failing for too long, or superseded. */
  givenUp: number;
  /** Set when the SMTP server could not be reached: the kind of failure, for the worker. */
  serverDown: string | null;
}

export const defaultBatch = 20;
export const defaultLeaseMs = 2 * 60_000;
export const defaultGiveUpAfterMs = 3 * 24 * 60 * 60_000;
export const defaultSendConcurrency = 4;

type Outcome = { kind: 'sent' } | { kind: 'superseded' } | { kind: 'failed'; error: unknown };

export async function deliverTenantOutbox(options: DeliverTenantOutboxOptions): Promise<DeliveryCounts> {
  const { database, slug, batch = defaultBatch, leaseMs = defaultLeaseMs } = options;
  if (!Number.isInteger(batch) || batch < 1) throw new RangeError('The batch is a whole number from 1.');
  const {
    sendWindowMs = leaseMs / 2,
    logger = silentLogger,
    sendConcurrency = defaultSendConcurrency,
  } = options;
  const clock = clockOf(options.now);
  const { handback } = options;
  // Before claiming: rows an earlier batch sent or left leased when the database went away.
  await handback?.settle(database, slug);
  const rows = await claimRows(database, slug, { batch, leaseMs, clock });
  const leasedUntil = rows[0]?.leasedUntil ?? '';
  const counts: DeliveryCounts = { claimed: rows.length, sent: 0, failed: 0, givenUp: 0, serverDown: null };
  const untried = new Set(rows.map((row) => row.id));
  const unreachable: number[] = [];
  const started = performance.now();
  const stopped = () => unreachable.length > 0 || performance.now() - started > sendWindowMs;

  /**
   * Sends one row and records what happened; false when the rest of its lane must wait. When the
   * database fails the bookkeeping, the row is owed to it (marked sent or handed back later).
   */
  const deliverRow = async (row: ClaimedRow): Promise<boolean> => {
    untried.delete(row.id);
    let accepted = false;
    try {
      return await sendAndRecord(row, () => {
        accepted = true;
      });
    } catch (error) {
      if (accepted) handback?.sent(slug, row.id);
      else handback?.release(slug, [row.id], leasedUntil);
      throw error;
    }
  };

  const sendAndRecord = async (row: ClaimedRow, onAccepted: () => void): Promise<boolean> => {
    const outcome = await sendRow(row, options);
    if (outcome.kind === 'sent') {
      onAccepted();
      await markSent(database, slug, row.id, clock);
      counts.sent += 1;
      return true;
    }
    if (outcome.kind === 'superseded') {
      await giveUp(database, slug, row.id, { reason: 'superseded', error: null, clock });
      counts.givenUp += 1;
      return true;
    }
    const error = describeSendFailure(outcome.error);
    const log = { tenant: slug, outboxId: row.id, smtpCode: smtpCodeOf(outcome.error), error };
    const kind = classifySendFailure(outcome.error);
    if (kind === 'server') {
      counts.serverDown = error;
      counts.failed += 1;
      unreachable.push(row.id);
      return false;
    }
    if (kind === 'permanent') {
      await giveUp(database, slug, row.id, { reason: 'rejected', error, clock });
      logger.error('email undeliverable', { ...log, reason: 'rejected' });
      counts.givenUp += 1;
      return true;
    }
    const delaySeconds = computeRetryDelaySeconds(row.attempts + 1);
    const expired = await scheduleRetry(database, slug, row.id, {
      error,
      delaySeconds,
      giveUpAfterMs: giveUpAfter(options),
      clock,
    });
    if (expired) {
      logger.error('email undeliverable', { ...log, reason: 'expired' });
      counts.givenUp += 1;
    } else {
      logger.warn('email not delivered; will retry', { ...log, retryInSeconds: delaySeconds });
      counts.failed += 1;
    }
    // The person's later messages wait for this one (they were claimed in order behind it).
    return false;
  };

  // One lane per recipient, in order; lanes run side by side, a few at a time.
  const lanes = [...Map.groupBy(rows, recipientOf).values()];
  let nextLane = 0;
  const runLanes = async () => {
    for (let lane = lanes[nextLane++]; lane; lane = lanes[nextLane++]) {
      for (const row of lane) {
        if (stopped() || !(await deliverRow(row))) break;
      }
    }
  };
  try {
    const runs = await Promise.allSettled(
      Array.from({ length: Math.min(sendConcurrency, lanes.length) }, runLanes),
    );
    const failure = runs.find((run) => run.status === 'rejected');
    if (failure) throw failure.reason;
    if (unreachable.length > 0) {
      const error = counts.serverDown ?? 'UnknownError';
      const expired = await releaseAfterOutage(database, slug, {
        tried: unreachable,
        ids: [...unreachable, ...untried],
        error,
        giveUpAfterMs: giveUpAfter(options),
        clock,
      });
      untried.clear();
      for (const outboxId of expired) {
        logger.error('email undeliverable', { tenant: slug, outboxId, reason: 'expired', error });
      }
      counts.givenUp += expired.length;
    }
  } finally {
    if (untried.size > 0) {
      await release(database, slug, [...untried]).catch((error: unknown) => {
        handback?.release(slug, untried, leasedUntil);
        throw error;
      });
    }
  }
  return counts;
}

const giveUpAfter = (options: DeliverTenantOutboxOptions) => options.giveUpAfterMs ?? defaultGiveUpAfterMs;

function recipientOf(row: ClaimedRow): string {
  const to = (row.payload as { to?: unknown } | null)?.to;
  return typeof to === 'string' ? to.toLowerCase() : `#${row.id}`;
}

/** Renders and sends one row; only a failure to issue its token (the database) is thrown. */
async function sendRow(row: ClaimedRow, options: DeliverTenantOutboxOptions): Promise<Outcome> {
  const { database, mailer, slug, messageIdDomain, now } = options;
  let message: OutboxEmail;
  try {
    message = parseOutboxEmail(row.payload);
  } catch (error) {
    return { kind: 'failed', error };
  }
  const tokenRef = outboxTokenOf(message);
  let issued: { token: string; version: string } | null = null;
  if (tokenRef) {
    const issue = options.issueToken ?? ((s, ref, at) => issueEmailedToken(database, s, ref, at));
    issued = await issue(slug, tokenRef, now);
    if (!issued) return { kind: 'superseded' };
  }
  try {
    const email = renderParsedOutboxEmail(message, issued ? { token: issued.token } : {});
    // A new secret is a new message: a resend after a crash must not be merged with a copy whose
    // link no longer works.
    const key = issued ? `${row.dedupeKey}\n${issued.version}` : row.dedupeKey;
    await mailer.send({ ...email, messageId: deriveMessageId(slug, key, messageIdDomain) });
    return { kind: 'sent' };
  } catch (error) {
    return { kind: 'failed', error };
  }
}
