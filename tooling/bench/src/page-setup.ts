// The data the page benchmark reads: the demo agencies exactly as `npm start` seeds them (staff
// per role, citizens, 16 dossiers in 13 states each, lived through the engine's verbs) and the
// demo operators, plus, per agency, which procedure, dossier and citizen the measured pages show.
//
// The seeding is tooling/dev's own, imported by path: @motcua/dev is not a dependency of this
// package (its modules resolve their imports from tooling/dev/node_modules), so a change to the
// demo shows up here without a second copy of the plans to keep in step.

import { randomBytes } from 'node:crypto';
import { type Database, parseSlug, withTenant } from '@motcua/db';
import { citizens, dossierEvents, dossiers } from '@motcua/db/tenant';
import { type DemoSecrets, demoTenants, emailFor, seedDemo, seedDemoOperators } from '@motcua/dev/demo';
import { seedDemoDossiers } from '@motcua/dev/demo-dossiers';
import type { Storage } from '@motcua/storage';
import { and, count, desc, eq, isNotNull } from 'drizzle-orm';

export interface Credentials {
  email: string;
  password: string;
}

export interface PageTenant {
  slug: string;
  /** Where the citizen portal's search and the procedure page take the citizen. */
  procedureCode: string;
  /** A submitted dossier's code and tracking key, as printed on its receipt. */
  tracking: { code: string; key: string };
  /** The demo citizen with the most dossiers, and their dossier with the longest history. */
  citizen: Credentials;
  citizenDossierId: string;
  /** The agency's reception officer (no second factor) for the console pages. */
  staff: Credentials;
  /** The dossier with the longest history in the agency, opened in the console. */
  consoleDossierId: string;
  dossierCount: number;
  stateCount: number;
}

export interface PageSetup {
  tenants: PageTenant[];
  operator: Credentials & { totpSecret: string };
}

interface DossierRow {
  id: string;
  ownerId: string;
  state: string;
  procedureCode: string;
  code: string | null;
  trackingKey: string | null;
  events: number;
}

/** Every dossier of the agency with how many events it has, the longest history first. */
async function listDossiers(database: Database, slug: string): Promise<DossierRow[]> {
  return withTenant(database, parseSlug(slug), (db) =>
    db
      .select({
        id: dossiers.id,
        ownerId: dossiers.ownerId,
        state: dossiers.state,
        procedureCode: dossiers.procedureCode,
        code: dossiers.code,
        trackingKey: dossiers.trackingKey,
        events: count(dossierEvents.id),
      })
      .from(dossiers)
      .leftJoin(dossierEvents, eq(dossierEvents.dossierId, dossiers.id))
      .groupBy(dossiers.id)
      .orderBy(desc(count(dossierEvents.id)), dossiers.id),
  );
}

const mostCommon = (values: string[]) => {
  const tally = new Map<string, number>();
  for (const value of values) tally.set(value, (tally.get(value) ?? 0) + 1);
  return [...tally].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
};

async function describeTenant(database: Database, slug: string, secrets: DemoSecrets): Promise<PageTenant> {
  const rows = await listDossiers(database, slug);
  const ownerId = mostCommon(rows.map((r) => r.ownerId));
  const procedureCode = mostCommon(rows.map((r) => r.procedureCode));
  const longest = rows[0];
  const ownDossier = rows.find((r) => r.ownerId === ownerId && r.code !== null);
  const tracked = rows.find((r) => r.code !== null && r.trackingKey !== null);
  if (!ownerId || !procedureCode || !longest || !ownDossier || !tracked?.code || !tracked.trackingKey) {
    throw new Error(`the demo seeded no submitted dossier in ${slug}`);
  }
  const [owner] = await withTenant(database, parseSlug(slug), (db) =>
    db
      .select({ email: citizens.email })
      .from(citizens)
      .where(and(eq(citizens.id, ownerId), isNotNull(citizens.email))),
  );
  if (!owner?.email) throw new Error(`the demo citizen ${ownerId} of ${slug} has no email`);
  return {
    slug,
    procedureCode,
    tracking: { code: tracked.code, key: tracked.trackingKey },
    citizen: { email: owner.email, password: secrets.password },
    citizenDossierId: ownDossier.id,
    staff: { email: emailFor('reception', slug), password: secrets.password },
    consoleDossierId: longest.id,
    dossierCount: rows.length,
    stateCount: new Set(rows.map((r) => r.state)).size,
  };
}

/** Seeds the demo as `npm start` does (idempotent) and picks what each measured page shows. */
export async function seedPageTenants(ctx: { database: Database; storage: Storage }): Promise<PageSetup> {
  // The bench's own throw-away credentials, as `npm start` makes its own per checkout.
  const secrets: DemoSecrets = {
    password: `bench-${randomBytes(9).toString('base64url')}`,
    totpKey: randomBytes(32).toString('base64url'),
  };
  await seedDemo(ctx, secrets);
  await seedDemoDossiers(ctx, secrets);
  const operators = await seedDemoOperators(ctx.database, secrets);
  const operator = operators.find((o) => o.role === 'operator');
  if (!operator) throw new Error('the demo has no operator with the operator role');
  const tenants: PageTenant[] = [];
  for (const { slug } of demoTenants) tenants.push(await describeTenant(ctx.database, slug, secrets));
  return { tenants, operator };
}
