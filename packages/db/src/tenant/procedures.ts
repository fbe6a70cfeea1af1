import { integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

export const procedureStatuses = ['draft', 'published', 'withdrawn'] as const;
export type ProcedureStatus = (typeof procedureStatuses)[number];

/**
 * A procedure of the agency's catalog: an editable draft document beside the versions it
 * published. Citizens only ever see a published version; a dossier keeps the version it was
 * filed under.
 */
export const procedures = pgTable(
  'procedures',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull(),
    status: text('status', { enum: procedureStatuses }).notNull().default('draft'),
    /** The draft being edited (a procedure version document, not yet validated for publishing). */
    draft: jsonb('draft').$type<unknown>().notNull(),
    currentVersionId: text('current_version_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('procedures_code_key').on(t.code)],
);

/** Published versions: written once, never changed (the tenant role may not update or delete them). */
export const procedureVersions = pgTable(
  'procedure_versions',
  {
    id: text('id').primaryKey(),
    procedureId: text('procedure_id')
      .notNull()
      .references(() => procedures.id),
    version: integer('version').notNull(),
    document: jsonb('document').$type<unknown>().notNull(),
    publishedBy: text('published_by').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('procedure_versions_procedure_version_key').on(t.procedureId, t.version)],
);

/**
 * The downloadable templates (mẫu đơn, tờ khai) a procedure names in `documents[].templateFile`,
 * as last uploaded: where the file is stored and what it was when stored, so that a download
 * is refused when the stored object no longer matches.
 */
export const procedureTemplates = pgTable(
  'procedure_templates',
  {
    procedureId: text('procedure_id')
      .notNull()
      .references(() => procedures.id),
    fileName: text('file_name').notNull(),
    storageKey: text('storage_key').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: text('uploaded_by').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.procedureId, t.fileName] })],
);

export type Procedure = typeof procedures.$inferSelect;
export type ProcedureTemplate = typeof procedureTemplates.$inferSelect;
export type ProcedureVersionRow = typeof procedureVersions.$inferSelect;
