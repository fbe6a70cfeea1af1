import { index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const feedbackStatuses = ['open', 'answered', 'refused'] as const;

/** Phản ánh, kiến nghị: what a citizen tells the agency about a dossier or its service. */
export const feedback = pgTable(
  'feedback',
  {
    id: text('id').primaryKey(),
    citizenId: text('citizen_id').notNull(),
    dossierId: text('dossier_id'),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    status: text('status', { enum: feedbackStatuses }).notNull().default('open'),
    answer: text('answer'),
    answeredBy: text('answered_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (t) => [index('feedback_status_idx').on(t.status, t.createdAt)],
);

export type Feedback = typeof feedback.$inferSelect;
