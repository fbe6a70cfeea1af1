// Reading one procedure's draft beside its live version, starting a new procedure, and saving
// one pure edit of a draft through the catalog's own verb. Admins only (settings.manage).
import { assertCan } from '@motcua/auth';
import { withTenant } from '@motcua/db';
import { procedures, procedureVersions } from '@motcua/db/tenant';
import { NotFoundError, procedureVersion } from '@motcua/domain';
import { asc, eq } from 'drizzle-orm';
import { saveProcedureDraft } from '../catalog/manage-procedures.ts';
import type { EngineContext } from '../context.ts';
import {
  asRecord,
  codeOfIssue,
  createDraftDocument,
  type EditProblemCode,
  type FormInput,
  type ProcedureDraft,
  refuse,
} from './draft.ts';

/** What publishing would refuse: where in the document, what kind of problem, the rule's words. */
export interface DraftProblem {
  path: string;
  code: EditProblemCode;
  message: string;
}

export interface ProcedureDraftState {
  code: string;
  status: 'draft' | 'published' | 'withdrawn';
  currentVersion: number | null;
  draft: ProcedureDraft;
  /** Whether the draft differs from what citizens file under now. */
  unpublishedChanges: boolean;
  /** What publishing the draft now would refuse; empty when it can be published. */
  draftProblems: DraftProblem[];
  updatedAt: string;
}

export function listDraftProblems(draft: unknown): DraftProblem[] {
  const parsed = procedureVersion.safeParse(draft, { reportInput: true });
  if (parsed.success) return [];
  return parsed.error.issues.map((i) => ({
    path: i.path.join('.'),
    code: codeOfIssue(i),
    message: i.message,
  }));
}

const stateColumns = {
  code: procedures.code,
  status: procedures.status,
  draft: procedures.draft,
  updatedAt: procedures.updatedAt,
  version: procedureVersions.version,
  document: procedureVersions.document,
};

function stateOf(row: {
  code: string;
  status: ProcedureDraftState['status'];
  draft: unknown;
  updatedAt: Date;
  version: number | null;
  document: unknown;
}): ProcedureDraftState {
  return {
    code: row.code,
    status: row.status,
    currentVersion: row.version,
    draft: { ...asRecord(row.draft), code: row.code },
    unpublishedChanges: JSON.stringify(row.draft) !== JSON.stringify(row.document),
    draftProblems: listDraftProblems(row.draft),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Every procedure of the agency with its draft, by code. */
export async function listProcedureDrafts(ctx: EngineContext): Promise<ProcedureDraftState[]> {
  assertCan(ctx.actor, 'settings.manage');
  const rows = await withTenant(ctx.database, ctx.slug, (db) =>
    db
      .select(stateColumns)
      .from(procedures)
      .leftJoin(procedureVersions, eq(procedureVersions.id, procedures.currentVersionId))
      .orderBy(asc(procedures.code)),
  );
  return rows.map(stateOf);
}

export async function getProcedureDraft(ctx: EngineContext, code: string): Promise<ProcedureDraftState> {
  assertCan(ctx.actor, 'settings.manage');
  const [row] = await withTenant(ctx.database, ctx.slug, (db) =>
    db
      .select(stateColumns)
      .from(procedures)
      .leftJoin(procedureVersions, eq(procedureVersions.id, procedures.currentVersionId))
      .where(eq(procedures.code, code)),
  );
  if (!row) throw new NotFoundError('No procedure has this code.');
  return stateOf(row);
}

/** A new procedure's first draft from its code and Vietnamese name; a code already in use is refused. */
export async function startProcedureDraft(ctx: EngineContext, input: FormInput) {
  assertCan(ctx.actor, 'settings.manage');
  const draft = createDraftDocument(input);
  const exists = await getProcedureDraft(ctx, draft.code).then(
    () => true,
    (error: unknown) => {
      if (error instanceof NotFoundError) return false;
      throw error;
    },
  );
  if (exists) {
    refuse([
      {
        input: 'code',
        code: 'duplicate',
        message: `A procedure with the code ${draft.code} already exists.`,
      },
    ]);
  }
  return saveProcedureDraft(ctx, draft.code, draft);
}

/**
 * Applies one pure edit to the stored draft and saves the result; an edit that throws leaves
 * the draft as it was. The live version is untouched until the draft is published.
 */
export async function editProcedureDraft(
  ctx: EngineContext,
  code: string,
  edit: (draft: ProcedureDraft) => ProcedureDraft,
) {
  const { draft } = await getProcedureDraft(ctx, code);
  return saveProcedureDraft(ctx, code, edit(draft));
}
