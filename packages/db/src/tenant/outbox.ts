import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/** Why the worker stopped trying an email (`given_up_reason`). */
export const outboxGiveUpReasons = [
  /** The SMTP server refused it for good: a 5xx answer to RCPT TO or DATA (no such mailbox…). */
  'rejected',
  /** It kept failing for longer than the worker retries (three days). */
  'expired',
  /** The link it carried was replaced or used before it went out: sending it would mislead. */
  'superseded',
] as const;
export type OutboxGiveUpReason = (typeof outboxGiveUpReasons)[number];

/**
 * Side effects of a state change (emails now; webhooks later), written in the same unit of work
 * as the change and delivered by the worker at least once. `dedupeKey` makes a retried verb
 * write one message, and the worker sends with it as the Message-ID so a redelivery is one
 * message in the recipient's inbox.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: text('kind').notNull(),
    dedupeKey: text('dedupe_key').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    /**
     * Whom an email goes to, for keeping each recipient's messages in order; derived by the
     * database so that no writer can get it wrong.
     */
    recipient: text('recipient').generatedAlwaysAs(sql`lower(payload ->> 'to')`),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * Claimed by a worker until then: its rows are sent one by one outside any transaction, and
     * a worker that dies leaves them to the next once the lease has run out.
     */
    leasedUntil: timestamp('leased_until', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /** The failure's kind only (never the message, which may hold personal data). */
    lastError: text('last_error'),
    /** Set when the worker stopped trying it for good, with the reason. */
    givenUpAt: timestamp('given_up_at', { withTimezone: true }),
    givenUpReason: text('given_up_reason', { enum: outboxGiveUpReasons }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('outbox_dedupe_key').on(t.dedupeKey),
    index('outbox_pending_idx').on(t.nextAttemptAt).where(sql`sent_at is null and given_up_at is null`),
    // An earlier unsent message to the same person holds the later ones back.
    index('outbox_recipient_pending_idx')
      .on(t.recipient, t.id)
      .where(sql`sent_at is null and given_up_at is null`),
    index('outbox_given_up_idx').on(t.givenUpAt).where(sql`given_up_at is not null`),
  ],
);

/**
 * Answers to mutations sent with an `Idempotency-Key`: a retry with the same key and body gets
 * the first answer back; the same key with another body is refused.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    principal: text('principal').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    status: integer('status').notNull(),
    body: jsonb('body').$type<unknown>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('idempotency_keys_principal_key').on(t.principal, t.key)],
);

/** The agency's own days off and working days, over the national calendar. */
export const calendarOverrides = pgTable('calendar_overrides', {
  date: text('date').primaryKey(),
  kind: text('kind', { enum: ['off', 'working'] }).notNull(),
  name: text('name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
