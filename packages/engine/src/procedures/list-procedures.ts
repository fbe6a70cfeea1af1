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

/**
 * Published versions never change (the table is append-only), so each is checked once per
 * process and kept, frozen so that no caller can change the shared copy. The catalog is read
 * on most citizen pages; checking every document on each read cost more than the query.
 */
const checked = new Map<string, ProcedureVersion>();
const checkedLimit = 5_000;

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

function checkedVersion(slug: TenantSlug, versionId: string, document: unknown): ProcedureVersion {
  const key = `${slug}|${versionId}`;
  let version = checked.get(key);
  if (!version) {
    if (checked.size >= checkedLimit) checked.clear();
    version = deepFreeze(parseProcedureVersion(document));
    checked.set(key, version);
  }
  return version;
}

export async function listProcedures(scope: CatalogScope): Promise<PublishedProcedure[]> {
  const rows = await withTenant(scope.database, scope.slug, (db) =>
    db
      .select(published)
      .from(procedures)
      .innerJoin(procedureVersions, eq(procedureVersions.id, procedures.currentVersionId))
      .where(eq(procedures.status, 'published'))
      .orderBy(asc(procedures.code)),
  );
  return rows.map((row) => ({ ...row, document: checkedVersion(scope.slug, row.versionId, row.document) }));
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
  return { ...row, document: checkedVersion(scope.slug, row.versionId, row.document) };
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
