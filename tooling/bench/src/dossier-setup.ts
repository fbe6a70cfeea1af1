// The tenants the dossier benchmarks file into: each gets the engine's test procedure published
// (small, so the run measures the submission path rather than form size) and one signed-in
// citizen whose session cookie the load generator sends.
import { cookieName, createTenantSession } from '@motcua/auth';
import { type Database, newId, parseSlug, withTenant } from '@motcua/db';
import { citizens } from '@motcua/db/tenant';
import { publishVersion } from '@motcua/engine';
import { testProcedure } from '@motcua/engine/testing';
import { inParallel } from './stats.ts';

export interface BenchTenant {
  slug: string;
  /** `Host` and `Origin` the API routes by (PLATFORM_DOMAIN=localhost). */
  host: string;
  origin: string;
  cookie: string;
  citizenId: string;
  /** The published version's id: the raw baselines insert dossiers under it. */
  versionId: string;
}

export const benchProcedureCode = testProcedure.code;

/** Valid answers to the test procedure; the fee is 50,000 đồng. */
export const benchAnswers = {
  full_name: 'Nguyễn Thị Hường',
  citizen_id: '048190001234',
  phone: '0912 345 678',
  purpose: 'xin_viec',
};

export async function prepareDossierTenants(
  database: Database,
  slugs: readonly string[],
  concurrency: number,
): Promise<BenchTenant[]> {
  const prepared: BenchTenant[] = [];
  await inParallel([...slugs], concurrency, async (raw) => {
    const slug = parseSlug(raw);
    const citizenId = newId('usr');
    const { versionId } = await withTenant(database, slug, async (db) => {
      await db
        .insert(citizens)
        .values({ id: citizenId, email: `bench-${citizenId}@example.vn`, fullName: benchAnswers.full_name });
      return publishVersion(db, testProcedure, 'bench');
    });
    const { token } = await createTenantSession(database, slug, {
      kind: 'citizen',
      principalId: citizenId,
      twoFactorVerified: true,
    });
    const host = `${slug}.localhost`;
    prepared.push({
      slug,
      host,
      origin: `http://${host}`,
      cookie: `${cookieName('tenant', false)}=${token}`,
      citizenId,
      versionId,
    });
  });
  return prepared.sort((a, b) => a.slug.localeCompare(b.slug));
}
