// The `seed` and `invite_admin` steps: rows inside the tenant's own schema, written through
// the tenant scope. ON CONFLICT DO NOTHING makes a re-run add nothing and keeps whatever
// the agency has changed since; the invitation is queued once, in the same unit of work as the
// admin's row, so a run resumed after a crash at any step invites the admin exactly once.
import { queueNewInvitation } from '@motcua/auth';
import { newId, parseSlug, withTenant } from '@motcua/db';
import type { Tenant } from '@motcua/db/platform';
import { oneTimeTokens, settings, staffUsers, units } from '@motcua/db/tenant';
import { seedStarterCatalog } from '@motcua/engine';
import { and, eq, sql } from 'drizzle-orm';
import { type ProvisioningContext, tenantSiteUrlOf } from '../context.ts';
import type { StepOutcome } from '../steps.ts';
import { rootUnitCode, starterSettings, starterUnits } from './starter-data.ts';

/**
 * Units are unique by (code, valid_from); pinning valid_from to the tenant's creation day
 * (agency time) keeps a re-run on a later day from adding a second copy.
 */
export function seedValidFrom(tenant: Tenant): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(tenant.createdAt);
}

export async function seedTenant(ctx: ProvisioningContext, tenant: Tenant): Promise<StepOutcome> {
  const validFrom = seedValidFrom(tenant);
  return withTenant(ctx.database, parseSlug(tenant.slug), async (db) => {
    const rootInserted = await db
      .insert(units)
      .values({ id: newId('uni'), code: rootUnitCode, name: tenant.name, kind: 'agency', validFrom })
      .onConflictDoNothing()
      .returning({ id: units.id });
    const [root] = await db
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.code, rootUnitCode), eq(units.validFrom, validFrom)));
    if (!root) throw new Error('The root unit is missing after seeding.');
    const childrenInserted = await db
      .insert(units)
      .values(
        starterUnits(tenant.kind).map((unit) => ({
          id: newId('uni'),
          ...unit,
          parentId: root.id,
          validFrom,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: units.id });
    const settingsInserted = await db
      .insert(settings)
      .values(starterSettings(tenant))
      .onConflictDoNothing()
      .returning({ key: settings.key });
    const procedureCount = await seedStarterCatalog(db);
    const unitCount = rootInserted.length + childrenInserted.length;
    return {
      note: `${unitCount} units, ${settingsInserted.length} settings and ${procedureCount} procedures added`,
    };
  });
}

export async function inviteAdmin(ctx: ProvisioningContext, tenant: Tenant): Promise<StepOutcome> {
  const slug = parseSlug(tenant.slug);
  return withTenant(ctx.database, slug, async (db) => {
    const [root] = await db
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.code, rootUnitCode), eq(units.validFrom, seedValidFrom(tenant))));
    await db
      .insert(staffUsers)
      .values({
        id: newId('usr'),
        email: tenant.adminEmail,
        fullName: 'Quản trị viên',
        role: 'admin',
        status: 'invited',
        unitId: root?.id ?? null,
      })
      .onConflictDoNothing();
    const [admin] = await db
      .select({ id: staffUsers.id, status: staffUsers.status })
      .from(staffUsers)
      .where(sql`lower(${staffUsers.email}) = lower(${tenant.adminEmail})`);
    if (admin?.status !== 'invited') return { note: `${tenant.adminEmail} is already on the staff` };
    // Any invitation token, used or not, means this step (or an operator) already invited them.
    const [invited] = await db
      .select({ id: oneTimeTokens.id })
      .from(oneTimeTokens)
      .where(and(eq(oneTimeTokens.principalId, admin.id), eq(oneTimeTokens.purpose, 'invitation')))
      .limit(1);
    if (invited) return { note: `${tenant.adminEmail} already invited` };
    await queueNewInvitation(
      db,
      { id: admin.id },
      { actor: 'platform:provisioning', requestId: ctx.requestId },
      { linkBase: tenantSiteUrlOf(ctx, slug), siteName: tenant.name },
    );
    return { note: `${tenant.adminEmail} invited as the first admin` };
  });
}
