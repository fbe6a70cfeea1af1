import { sql } from 'drizzle-orm';
import {
  bigserial,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { procedureVersions } from './procedures.ts';

export const dossierChannels = ['in_person', 'online', 'post'] as const;
export type DossierChannel = (typeof dossierChannels)[number];

/**
 * A dossier (hồ sơ): the current state, kept in step with its events by the verbs that write
 * both in one unit of work. The state's vocabulary is the domain's (packages/domain/dossier).
 */
export const dossiers = pgTable(
  'dossiers',
  {
    id: text('id').primaryKey(),
    /** `<agency identifier>-<YYMMDD>-<NNNN>` (wider past 9999), given at submission; drafts have none. */
    code: text('code'),
    procedureVersionId: text('procedure_version_id')
      .notNull()
      .references(() => procedureVersions.id),
    procedureCode: text('procedure_code').notNull(),
    ownerId: text('owner_id').notNull(),
    channel: text('channel', { enum: dossierChannels }).notNull().default('online'),
    state: text('state').notNull(),
    answers: jsonb('answers').$type<Record<string, unknown>>().notNull(),
    unitId: text('unit_id'),
    assigneeId: text('assignee_id'),
    stepIndex: integer('step_index'),
    supplementCount: integer('supplement_count').notNull().default(0),
    supplementFrom: text('supplement_from'),
    /** Whole đồng, computed on the server from the procedure version. */
    feeTotal: integer('fee_total').notNull().default(0),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    /**
     * Printed on the receipt beside the code: public tracking needs both, so codes, which are
     * sequential, cannot be walked. Kept readable so a receipt can be printed again; it lets
     * nobody act on the dossier.
     */
    trackingKey: text('tracking_key'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    receivedAt: timestamp('received_at', { withTimezone: true }),
    dueAt: timestamp('due_at', { withTimezone: true }),
    /** Set while the clock is paused (supplement, payment); the pause is also an event. */
    pausedAt: timestamp('paused_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    rating: integer('rating'),
    /** Bumped by every change: a write names the revision it read, so two staff cannot both act. */
    revision: integer('revision').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('dossiers_code_key').on(t.code),
    index('dossiers_owner_idx').on(t.ownerId, t.createdAt),
    index('dossiers_state_due_idx').on(t.state, t.dueAt),
    // Counting by day: the portal's most used procedures and the operators' daily usage.
    index('dossiers_submitted_idx').on(t.submittedAt, t.procedureCode),
    index('dossiers_received_idx').on(t.receivedAt),
  ],
);

/** Every transition and every event-only action (apology, rating): never updated, never deleted. */
export const dossierEvents = pgTable(
  'dossier_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    dossierId: text('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    action: text('action').notNull(),
    fromState: text('from_state').notNull(),
    toState: text('to_state').notNull(),
    /** `staff:usr_…`, `citizen:usr_…`, `system`. */
    actor: text('actor').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    clock: text('clock'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('dossier_events_dossier_idx').on(t.dossierId, t.id)],
);

/** The day's last sequence number: gap-free because the increment commits or rolls back with the dossier. */
export const dossierCodeSequences = pgTable('dossier_code_sequences', {
  day: date('day').primaryKey(),
  last: integer('last').notNull(),
});

export const documentStatuses = ['pending', 'verified', 'rejected'] as const;

/** Files of a dossier: the citizen's inputs and the agency's results, stored in S3 under the tenant prefix. */
export const dossierDocuments = pgTable(
  'dossier_documents',
  {
    id: text('id').primaryKey(),
    dossierId: text('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    kind: text('kind', { enum: ['input', 'result'] }).notNull(),
    /** The procedure's document entry (or form field) this file answers. */
    slot: text('slot').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256'),
    storageKey: text('storage_key').notNull(),
    status: text('status', { enum: documentStatuses }).notNull().default('pending'),
    uploadedBy: text('uploaded_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
  },
  (t) => [
    index('dossier_documents_dossier_idx').on(t.dossierId),
    // The expiry sweep looks for declared files never checked; they are few at any time.
    index('dossier_documents_pending_idx').on(t.createdAt).where(sql`status = 'pending'`),
  ],
);

export type Dossier = typeof dossiers.$inferSelect;
export type DossierEvent = typeof dossierEvents.$inferSelect;
export type DossierDocument = typeof dossierDocuments.$inferSelect;
