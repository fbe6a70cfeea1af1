// The published catalog, for anyone: what a citizen browses before signing in.
import { type Database, type TenantSlug, withTenant } from '@motcua/db';
import { dossiers, procedures, procedureVersions } from '@motcua/db/tenant';
import { NotFoundError, type ProcedureVersion } from '@motcua/domain';
import { and, asc, count, eq, gte } from 'drizzle-orm';
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

/**
 * How many dossiers were sent under each procedure since `since`: what "most used" means on the
 * portal's front page. Drafts are not counted (they have no submission time).
 */
export async function countFilings(scope: CatalogScope, since: Date): Promise<Map<string, number>> {
  const rows = await withTenant(scope.database, scope.slug, (db) =>
    db
      .select({ code: dossiers.procedureCode, filings: count() })
      .from(dossiers)
      .where(gte(dossiers.submittedAt, since))
      .groupBy(dossiers.procedureCode),
  );
  return new Map(rows.map((r) => [r.code, r.filings]));
}
