import { type TenantSlug, tenantMigrations, tenantNames, withTenant } from '@motcua/db';
import { platformAudit, provisioningRuns, tenants } from '@motcua/db/platform';
import { settings, staffUsers, units } from '@motcua/db/tenant';
import { testSlug } from '@motcua/db/testing';
import { ConflictError, ValidationError } from '@motcua/domain';
import { bucketObjectCount } from '@motcua/storage/testing';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  clusterCounts,
  failOnce,
  provisionInput,
  roleNames,
  schemaCount,
  tenantObjects,
  tenantRows,
  useProvisioningContext,
} from '../test/fixtures.ts';
import type { ProvisioningContext } from './context.ts';
import { tenantMarkerKey } from './drivers/local.ts';
import { getTenant } from './get-tenant.ts';
import { provisionTenant } from './provision-tenant.ts';
import { resumeInterruptedRuns } from './resume-interrupted-runs.ts';
import { retryProvisioning } from './retry-provisioning.ts';
import { runLockKey } from './run-lock.ts';
import { runProvisioning } from './run-provisioning.ts';
import { startProvisioning } from './start-provisioning.ts';
import { starterSettings, starterUnits } from './steps/starter-data.ts';
import { provisionSteps } from './steps.ts';

const ctx = useProvisioningContext();
const { database, storage } = ctx;
const head = tenantMigrations().length;

// Provisioned first and compared last: nothing below may touch it.
const bystander = testSlug('by');
let bystanderBefore: { rows: Record<string, string[]>; objects: Record<string, string> };
beforeAll(async () => {
  await provisionTenant(ctx, provisionInput(bystander));
  await storage.forTenant(bystander).put('documents/giay-phep.pdf', 'bystander document');
  bystanderBefore = {
    rows: await tenantRows(database, bystander),
    objects: await tenantObjects(storage, bystander),
  };
});

function permissionDenied(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } }).cause ?? error;
  return (cause as { code?: string }).code === '42501';
}

/** Everything a provisioned tenant must have, exactly once. */
async function expectProvisionedOnce(slug: TenantSlug, kind: 'province' | 'ministry' = 'province') {
  const rows = await database.platform.select().from(tenants).where(eq(tenants.slug, slug));
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ status: 'active', schemaVersion: head });
  expect(await schemaCount(database, slug)).toBe(1);
  const { role, ownerRole } = tenantNames(slug);
  expect(await roleNames(database, slug)).toEqual([role, ownerRole].sort());
  const seeded = await withTenant(database, slug, async (db) => ({
    units: await db.select().from(units),
    settings: await db.select().from(settings),
    staff: await db.select().from(staffUsers),
  }));
  expect(seeded.units).toHaveLength(1 + starterUnits(kind).length);
  expect(seeded.settings).toHaveLength(starterSettings({ name: '', kind }).length);
  expect(seeded.staff).toHaveLength(1);
  expect(await storage.forTenant(slug).get(tenantMarkerKey)).toBeDefined();
}

describe('provisionTenant', () => {
  it('creates an active tenant at schema head whose seeded rows only its own scope can read', async () => {
    const slug = testSlug('full');
    const { tenant, run } = await provisionTenant(ctx, provisionInput(slug));

    expect(run).toMatchObject({ status: 'succeeded', attempts: 1, error: null, kind: 'provision' });
    expect(run.finishedAt).toBeInstanceOf(Date);
    expect(run.steps.map((s) => s.name)).toEqual([...provisionSteps]);
    for (const step of run.steps) {
      expect(step.status).toBe('done');
      expect(Date.parse(step.finishedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(step.startedAt ?? ''));
      expect(step.durationMs).toBeGreaterThanOrEqual(0);
    }
    expect(run.steps.find((s) => s.name === 'infrastructure')?.note).toBe(
      'local driver: shared cell, no per-tenant stack',
    );
    expect(run.steps.find((s) => s.name === 'storage')?.note).toMatch(/encryption/);
    expect(tenant).toMatchObject({
      status: 'active',
      schemaVersion: head,
      adminEmail: `admin.${slug}@example.gov.vn`,
    });
    await expectProvisionedOnce(slug);

    const seeded = await withTenant(database, slug, async (db) => ({
      units: await db.select().from(units),
      staff: await db.select().from(staffUsers),
      settings: await db.select().from(settings),
    }));
    const root = seeded.units.find((u) => u.kind === 'agency');
    expect(root?.name).toBe(tenant.name);
    expect(seeded.units.filter((u) => u.parentId === root?.id).map((u) => u.name)).toEqual(
      expect.arrayContaining(['Văn phòng UBND', 'Sở Tư pháp', 'Sở Xây dựng']),
    );
    expect(seeded.units.some((u) => u.kind === 'commune')).toBe(true);
    expect(seeded.staff[0]).toMatchObject({ email: tenant.adminEmail, role: 'admin', status: 'invited' });
    expect(seeded.staff[0]?.unitId).toBe(root?.id);
    expect(Object.fromEntries(seeded.settings.map((s) => [s.key, s.value]))).toMatchObject({
      display_name: tenant.name,
      kind: 'province',
      locale: 'vi',
      branding: { primaryColor: expect.stringMatching(/^#[0-9a-f]{6}$/) },
    });
    const marker = JSON.parse((await storage.forTenant(slug).get(tenantMarkerKey))?.toString() ?? '{}');
    expect(marker).toMatchObject({ tenantId: tenant.id, slug, driver: 'local' });

    // Another tenant's scope and the bare login role are both refused.
    const { schema } = tenantNames(slug);
    const fromOther = await withTenant(database, bystander, (db) =>
      db.execute(sql.raw(`select * from ${schema}.units`)),
    ).catch((e: unknown) => e);
    expect(permissionDenied(fromOther)).toBe(true);
    const unscoped = await database.sql.unsafe(`select * from ${schema}.units`).catch((e: unknown) => e);
    expect(permissionDenied(unscoped)).toBe(true);

    const audit = await database.platform
      .select()
      .from(platformAudit)
      .where(eq(platformAudit.tenantId, tenant.id));
    expect(audit.map((a) => [a.action, a.actor])).toEqual([
      ['tenant.provisioning_started', 'opr_test'],
      ['tenant.activated', 'system'],
    ]);
  });

  it('seeds a ministry with its own starter units', async () => {
    const slug = testSlug('bo');
    await provisionTenant(ctx, provisionInput(slug, { kind: 'ministry' }));
    await expectProvisionedOnce(slug, 'ministry');
    const names = await withTenant(database, slug, (db) => db.select({ name: units.name }).from(units));
    expect(names.map((u) => u.name)).toContain('Văn phòng Bộ');
    expect(names.map((u) => u.name)).not.toContain('Sở Tư pháp');
  });
});

describe('a failure at any step', () => {
  const cases = provisionSteps
    .filter((step) => step !== 'reserve')
    .flatMap((step) => [['before', step] as const, ['after', step] as const]);

  it.each(cases)(
    'fails the run %s the work of "%s", and a retry finishes it without duplicates',
    async (when, step) => {
      const slug = testSlug('f');
      const failing: ProvisioningContext = { ...ctx, hooks: failOnce(step, when) };
      const { tenant, run } = await provisionTenant(failing, provisionInput(slug));

      expect(run.status).toBe('failed');
      expect(run.error).toBe(`Step "${step}" failed: InjectedFailure: injected failure ${when} ${step}`);
      const index = provisionSteps.indexOf(step);
      expect(run.steps.map((s) => s.status)).toEqual(
        provisionSteps.map((_, i) => (i < index ? 'done' : i === index ? 'failed' : 'pending')),
      );
      expect(run.steps[index]?.error).toBe(`InjectedFailure: injected failure ${when} ${step}`);
      // Only a failure after activation's own commit leaves the tenant active already.
      expect(tenant.status).toBe(when === 'after' && step === 'activate' ? 'active' : 'provisioning');

      const handle = await retryProvisioning(failing, slug);
      expect(handle.run).toMatchObject({
        id: run.id,
        status: 'running',
        attempts: 2,
        error: null,
        finishedAt: null,
      });
      const retried = await handle.resume();
      expect(retried).toMatchObject({ id: run.id, status: 'succeeded', attempts: 2, error: null });
      expect(retried.steps.every((s) => s.status === 'done' && s.error === undefined)).toBe(true);
      await expectProvisionedOnce(slug);
      expect((await getTenant(ctx, slug)).runs).toHaveLength(1);
    },
  );

  it('while reserving the slug, leaves nothing behind and the slug free', async () => {
    const slug = testSlug('r');
    const before = await clusterCounts(database);
    for (const when of ['before', 'after'] as const) {
      await expect(
        provisionTenant({ ...ctx, hooks: failOnce('reserve', when) }, provisionInput(slug)),
      ).rejects.toThrow(`injected failure ${when} reserve`);
      expect(await clusterCounts(database)).toEqual(before);
    }
    const { run } = await provisionTenant(ctx, provisionInput(slug));
    expect(run.status).toBe('succeeded');
    await expectProvisionedOnce(slug);
  });

  it('rejects a retry when there is nothing to resume', async () => {
    const slug = testSlug('done');
    await provisionTenant(ctx, provisionInput(slug));
    await expect(retryProvisioning(ctx, slug)).rejects.toThrow(ConflictError);
  });
});

describe('after a crash', () => {
  it('resumeInterruptedRuns carries on a run left running, redoing the step the crash interrupted', async () => {
    const slug = testSlug('crash');
    // The process "dies" after seeding but before recording it: the seed's rows are written
    // and the run still says `running`, with the seed step `running`.
    const { run: failed } = await provisionTenant(
      { ...ctx, hooks: failOnce('seed', 'after') },
      provisionInput(slug),
    );
    const seedIndex = provisionSteps.indexOf('seed');
    await database.platform
      .update(provisioningRuns)
      .set({
        status: 'running',
        error: null,
        finishedAt: null,
        steps: failed.steps.map((s, i) =>
          i === seedIndex ? { name: s.name, status: 'running', startedAt: s.startedAt } : s,
        ),
      })
      .where(eq(provisioningRuns.id, failed.id));

    const resumed = await resumeInterruptedRuns(ctx);
    expect(resumed.map((r) => r.id)).toEqual([failed.id]);
    expect(resumed[0]).toMatchObject({ status: 'succeeded', attempts: 2 });
    await expectProvisionedOnce(slug);
    expect(await resumeInterruptedRuns(ctx)).toEqual([]);
  });

  it('leaves alone a run whose lock a live process holds', async () => {
    const slug = testSlug('live');
    const { tenant, run } = await startProvisioning(ctx, provisionInput(slug));
    const holder = await database.sql.reserve();
    try {
      await holder`select pg_advisory_lock(hashtextextended(${runLockKey(tenant.id)}, 0))`;
      expect((await resumeInterruptedRuns(ctx)).map((r) => r.id)).not.toContain(run.id);
      await expect(retryProvisioning(ctx, slug)).rejects.toThrow(ConflictError);
      expect((await getTenant(ctx, slug)).runs[0]).toMatchObject({ status: 'running', attempts: 1 });
    } finally {
      await holder`select pg_advisory_unlock(hashtextextended(${runLockKey(tenant.id)}, 0))`;
      holder.release();
    }
    const resumed = await resumeInterruptedRuns(ctx);
    expect(resumed.map((r) => r.id)).toEqual([run.id]);
    await expectProvisionedOnce(slug);
    // Asked to run a run that is already finished, runProvisioning returns it unchanged.
    expect(await runProvisioning(ctx, run.id)).toMatchObject({ status: 'succeeded', attempts: 2 });
  });
});

describe('two callers of one run', () => {
  it('makes runProvisioning wait for the process that holds the run, then carry it on', async () => {
    const slug = testSlug('wait');
    const { tenant, run } = await startProvisioning(ctx, provisionInput(slug));
    const key = runLockKey(tenant.id);
    const holder = await database.sql.reserve();
    let running: Promise<unknown> | undefined;
    try {
      await holder`select pg_advisory_lock(hashtextextended(${key}, 0))`;
      running = runProvisioning(ctx, run.id);
      // Proceed once PostgreSQL shows the second caller queued on that very lock.
      for (let i = 0; ; i += 1) {
        const [row] = await database.sql<{ n: number }[]>`
          select count(*)::int as n from pg_locks l
          where l.locktype = 'advisory' and not l.granted
            and ((l.classid::bigint << 32) | l.objid::bigint) = hashtextextended(${key}, 0)`;
        if ((row?.n ?? 0) > 0) break;
        if (i > 500) throw new Error('runProvisioning never queued on the run lock');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect((await getTenant(ctx, slug)).runs[0]?.steps.filter((s) => s.status === 'done')).toHaveLength(1);
    } finally {
      await holder`select pg_advisory_unlock(hashtextextended(${key}, 0))`;
      holder.release();
    }
    expect(await running).toMatchObject({ status: 'succeeded', attempts: 1 });
    await expectProvisionedOnce(slug);
  });
});

describe('duplicate slugs', () => {
  it('lets exactly one of two concurrent requests for a slug through', async () => {
    const slug = testSlug('race');
    // Both requests wait inside their transactions until the other has arrived too, so
    // the two inserts really overlap and the unique index has to decide.
    let arrived = 0;
    let release: () => void = () => {};
    const bothArrived = new Promise<void>((resolve) => {
      release = resolve;
    });
    const racing: ProvisioningContext = {
      ...ctx,
      hooks: {
        beforeStep: async (step) => {
          if (step !== 'reserve') return;
          arrived += 1;
          if (arrived === 2) release();
          await bothArrived;
        },
      },
    };
    const results = await Promise.allSettled([
      startProvisioning(racing, provisionInput(slug)),
      startProvisioning(racing, provisionInput(slug, { name: 'Một tên khác' })),
    ]);
    const fulfilled = results.filter((r) => r.status === 'fulfilled');
    const rejected = results.filter((r) => r.status === 'rejected');
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]?.reason).toBeInstanceOf(ConflictError);

    const rows = await database.platform.select().from(tenants).where(eq(tenants.slug, slug));
    expect(rows).toHaveLength(1);
    const runs = await database.platform
      .select()
      .from(provisioningRuns)
      .where(eq(provisioningRuns.tenantId, rows[0]?.id ?? ''));
    expect(runs).toHaveLength(1);
    expect((await runProvisioning(ctx, runs[0]?.id ?? '')).status).toBe('succeeded');
  });

  it('refuses a slug that is already taken', async () => {
    const slug = testSlug('taken');
    await provisionTenant(ctx, provisionInput(slug));
    await expect(provisionTenant(ctx, provisionInput(slug))).rejects.toThrow(ConflictError);
  });
});

describe('invalid input', () => {
  it.each([
    ['a slug with spaces and capitals', { slug: 'Da Nang' }, 'invalid_slug', 'slug'],
    ['a reserved slug', { slug: 'admin' }, 'invalid_slug', 'slug'],
    ['a slug that climbs out', { slug: '../platform' }, 'invalid_slug', 'slug'],
    ['a bad e-mail', { adminEmail: 'not-an-email' }, 'invalid_input', 'adminEmail'],
    ['an unknown kind', { kind: 'city' }, 'invalid_input', 'kind'],
    ['an empty name', { name: '  ' }, 'invalid_input', 'name'],
    ['no actor', { actor: '' }, 'invalid_input', 'actor'],
  ])('rejects %s and writes nothing', async (_what, override, code, field) => {
    const before = { ...(await clusterCounts(database)), objects: await bucketObjectCount(storage) };
    const input = { ...provisionInput(), ...override } as Parameters<typeof provisionTenant>[1];
    const error = await provisionTenant(ctx, input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).code).toBe(code);
    expect((error as ValidationError).details).toMatchObject([{ path: field, message: expect.any(String) }]);
    expect({ ...(await clusterCounts(database)), objects: await bucketObjectCount(storage) }).toEqual(before);
  });
});

describe('isolation', () => {
  it('left the bystander tenant untouched', async () => {
    expect(await tenantRows(database, bystander)).toEqual(bystanderBefore.rows);
    expect(await tenantObjects(storage, bystander)).toEqual(bystanderBefore.objects);
    expect((await getTenant(ctx, bystander)).tenant.status).toBe('active');
  });
});
