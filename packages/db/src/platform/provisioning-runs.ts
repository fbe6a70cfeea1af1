import { index, integer, jsonb, text, timestamp } from 'drizzle-orm/pg-core';
import { platform } from './schema.ts';
import { tenants } from './tenants.ts';

export const runKinds = ['provision', 'offboard'] as const;
export type RunKind = (typeof runKinds)[number];

export const runStatuses = ['running', 'failed', 'succeeded'] as const;
export type RunStatus = (typeof runStatuses)[number];

export const stepStatuses = ['pending', 'running', 'done', 'failed'] as const;
export type StepStatus = (typeof stepStatuses)[number];

export interface RunStep {
  name: string;
  status: StepStatus;
  startedAt?: string;
  finishedAt?: string;
  durationMs?: number;
  error?: string;
  note?: string;
}

/** One provisioning or offboarding attempt, step by step; a failed run resumes where it stopped. */
export const provisioningRuns = platform.table(
  'provisioning_runs',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: runKinds }).notNull(),
    status: text('status', { enum: runStatuses }).notNull().default('running'),
    steps: jsonb('steps').$type<RunStep[]>().notNull(),
    attempts: integer('attempts').notNull().default(1),
    error: text('error'),
    /** Object key of the export archive written before offboarding. */
    exportKey: text('export_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('provisioning_runs_tenant_idx').on(t.tenantId, t.createdAt)],
);

export type ProvisioningRun = typeof provisioningRuns.$inferSelect;
