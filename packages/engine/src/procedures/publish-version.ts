// Publishing a procedure: the document is validated whole, written as the next immutable
// version, and becomes what citizens file under; dossiers keep the version they were filed with.
import { newId, type TenantDb } from '@motcua/db';
import { procedures, procedureVersions } from '@motcua/db/tenant';
import type { ProcedureVersion } from '@motcua/domain';
import { eq, sql } from 'drizzle-orm';
import { parseProcedureVersion } from './parse-version.ts';

export async function publishVersion(
  db: TenantDb,
  document: unknown,
  publishedBy: string,
): Promise<{ procedureId: string; versionId: string; version: number }> {
  const valid: ProcedureVersion = parseProcedureVersion(document);
  const [procedure] = await db
    .insert(procedures)
    .values({ id: newId('prc'), code: valid.code, status: 'draft', draft: valid })
    .onConflictDoUpdate({ target: procedures.code, set: { updatedAt: sql`now()` } })
    .returning({ id: procedures.id });
  if (!procedure) throw new Error('The procedure upsert returned no row.');
  const [last] = await db
    .select({ version: sql<number>`coalesce(max(${procedureVersions.version}), 0)::int` })
    .from(procedureVersions)
    .where(eq(procedureVersions.procedureId, procedure.id));
  const version = (last?.version ?? 0) + 1;
  const versionId = newId('prv');
  await db.insert(procedureVersions).values({
    id: versionId,
    procedureId: procedure.id,
    version,
    document: valid,
    publishedBy,
  });
  await db
    .update(procedures)
    .set({ status: 'published', currentVersionId: versionId, draft: valid, updatedAt: sql`now()` })
    .where(eq(procedures.id, procedure.id));
  return { procedureId: procedure.id, versionId, version };
}
