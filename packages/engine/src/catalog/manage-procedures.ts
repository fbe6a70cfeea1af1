// The agency admin's side of the catalog: drafts edited freely while a version is live,
// published as a new immutable version (dossiers keep theirs), withdrawn from new filings.
import { assertCan, recordAudit } from '@motcua/auth';
import { newId, withTenant } from '@motcua/db';
import { procedures, procedureVersions } from '@motcua/db/tenant';
import { NotFoundError, PROCEDURE_CODE, procedureVersion, ValidationError } from '@motcua/domain';
import { asc, eq, sql } from 'drizzle-orm';
import type { EngineContext } from '../context.ts';
import { publishVersion } from '../procedures/publish-version.ts';

const maxDraftBytes = 500_000;

export interface ManagedProcedure {
  code: string;
  status: 'draft' | 'published' | 'withdrawn';
  currentVersion: number | null;
  /** Whether the draft differs from what citizens file under now. */
  unpublishedChanges: boolean;
  /** What publishing the draft now would refuse, field by field. */
  draftProblems: { path: string; message: string }[];
  updatedAt: string;
}

function assertCode(code: string) {
  if (!PROCEDURE_CODE.test(code)) {
    throw new ValidationError('Use a procedure code like 1.001193 or 1.001193.H48.', [
      { path: 'code', message: 'Not a procedure code.' },
    ]);
  }
}

const problemsOf = (draft: unknown) => {
  const parsed = procedureVersion.safeParse(draft);
  return parsed.success
    ? []
    : parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
};

export async function listManagedProcedures(ctx: EngineContext): Promise<ManagedProcedure[]> {
  assertCan(ctx.actor, 'settings.manage');
  const rows = await withTenant(ctx.database, ctx.slug, (db) =>
    db
      .select({
        code: procedures.code,
        status: procedures.status,
        draft: procedures.draft,
        updatedAt: procedures.updatedAt,
        version: procedureVersions.version,
        document: procedureVersions.document,
      })
      .from(procedures)
      .leftJoin(procedureVersions, eq(procedureVersions.id, procedures.currentVersionId))
      .orderBy(asc(procedures.code)),
  );
  return rows.map((r) => ({
    code: r.code,
    status: r.status,
    currentVersion: r.version,
    unpublishedChanges: JSON.stringify(r.draft) !== JSON.stringify(r.document),
    draftProblems: problemsOf(r.draft),
    updatedAt: r.updatedAt.toISOString(),
  }));
}

/** Saves the draft as given (a draft may be incomplete); the live version is untouched. */
export async function saveProcedureDraft(ctx: EngineContext, code: string, draft: unknown) {
  assertCan(ctx.actor, 'settings.manage');
  assertCode(code);
  if (typeof draft !== 'object' || draft === null || Array.isArray(draft)) {
    throw new ValidationError('The draft must be a procedure document (a JSON object).', [
      { path: 'draft', message: 'Not an object.' },
    ]);
  }
  if ((draft as { code?: unknown }).code !== code) {
    throw new ValidationError('The draft’s code must be the procedure’s code.', [
      { path: 'draft.code', message: `Must be ${code}.` },
    ]);
  }
  if (JSON.stringify(draft).length > maxDraftBytes) {
    throw new ValidationError('The draft is too large.', [{ path: 'draft', message: 'Too large.' }]);
  }
  return withTenant(ctx.database, ctx.slug, async (db) => {
    await db
      .insert(procedures)
      .values({ id: newId('prc'), code, status: 'draft', draft })
      .onConflictDoUpdate({ target: procedures.code, set: { draft, updatedAt: sql`now()` } });
    await recordAudit(db, {
      actor: ctx.actor,
      action: 'procedure.draft_saved',
      subject: code,
      requestId: ctx.requestId ?? null,
      ip: ctx.ip ?? null,
    });
    return { code, draftProblems: problemsOf(draft) };
  });
}

export async function publishProcedure(ctx: EngineContext, code: string) {
  assertCan(ctx.actor, 'settings.manage');
  return withTenant(ctx.database, ctx.slug, async (db) => {
    const [row] = await db
      .select({ draft: procedures.draft })
      .from(procedures)
      .where(eq(procedures.code, code));
    if (!row) throw new NotFoundError('No procedure has this code.');
    const published = await publishVersion(db, row.draft, `${ctx.actor.kind}:${ctx.actor.id}`);
    await recordAudit(db, {
      actor: ctx.actor,
      action: 'procedure.published',
      subject: code,
      details: { version: published.version },
      requestId: ctx.requestId ?? null,
      ip: ctx.ip ?? null,
    });
    return { code, version: published.version, versionId: published.versionId };
  });
}

/** No new dossiers under it; those already filed go on under their version. */
export async function withdrawProcedure(ctx: EngineContext, code: string) {
  assertCan(ctx.actor, 'settings.manage');
  return withTenant(ctx.database, ctx.slug, async (db) => {
    const [row] = await db
      .update(procedures)
      .set({ status: 'withdrawn', updatedAt: sql`now()` })
      .where(eq(procedures.code, code))
      .returning({ code: procedures.code });
    if (!row) throw new NotFoundError('No procedure has this code.');
    await recordAudit(db, {
      actor: ctx.actor,
      action: 'procedure.withdrawn',
      subject: code,
      requestId: ctx.requestId ?? null,
      ip: ctx.ip ?? null,
    });
    return { code, status: 'withdrawn' as const };
  });
}
