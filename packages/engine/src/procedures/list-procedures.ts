// The published catalog, for anyone: what a citizen browses before signing in.
import { type Database, type TenantSlug, withTenant } from '@motcua/db';
import { procedures, procedureVersions } from '@motcua/db/tenant';
import { NotFoundError, type ProcedureVersion } from '@motcua/domain';
import { and, asc, eq } from 'drizzle-orm';
import { parseProcedureVersion } from './parse-version.ts';

export interface PublishedProcedure {
  versionId: string;
  version: number;
  publishedAt: Date;
  document: ProcedureVersion;
}

export interface CatalogScope {
  database: Database;
  slug: TenantSlug;
}

const published = {
  versionId: procedureVersions.id,
  version: procedureVersions.version,
  publishedAt: procedureVersions.publishedAt,
  document: procedureVersions.document,
};

export async function listProcedures(scope: CatalogScope): Promise<PublishedProcedure[]> {
  const rows = await withTenant(scope.database, scope.slug, (db) =>
    db
      .select(published)
      .from(procedures)
      .innerJoin(procedureVersions, eq(procedureVersions.id, procedures.currentVersionId))
      .where(eq(procedures.status, 'published'))
      .orderBy(asc(procedures.code)),
  );
  return rows.map((row) => ({ ...row, document: parseProcedureVersion(row.document) }));
}

/** The version citizens file under now, by procedure code. */
export async function getProcedure(scope: CatalogScope, code: string): Promise<PublishedProcedure> {
  const [row] = await withTenant(scope.database, scope.slug, (db) =>
    db
      .select(published)
      .from(procedures)
      .innerJoin(procedureVersions, eq(procedureVersions.id, procedures.currentVersionId))
      .where(and(eq(procedures.status, 'published'), eq(procedures.code, code))),
  );
  if (!row) throw new NotFoundError('No published procedure has this code.');
  return { ...row, document: parseProcedureVersion(row.document) };
}
