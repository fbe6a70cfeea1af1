import { createHash, randomBytes } from 'node:crypto';
import { newId, type TenantSlug, tenantMigrations, withTenant } from '@motcua/db';
import { platformAudit, provisioningRuns } from '@motcua/db/platform';
import { auditLog, units } from '@motcua/db/tenant';
import { testSlug } from '@motcua/db/testing';
import { ConflictError, PreconditionFailedError } from '@motcua/domain';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  failOnce,
  provisionInput,
  readArchive,
  roleNames,
  schemaCount,
  tenantObjects,
  tenantRows,
  useProvisioningContext,
} from '../test/fixtures.ts';
import type { ProvisioningContext } from './context.ts';
import type { ExportManifest } from './export/export-tenant.ts';
import { getTenant } from './get-tenant.ts';
import { listTenants } from './list-tenants.ts';
import { offboardTenant } from './offboard-tenant.ts';
import { openTenantExport } from './open-tenant-export.ts';
import { provisionTenant } from './provision-tenant.ts';
import { retryProvisioning } from './retry-provisioning.ts';
import { runOffboarding } from './run-offboarding.ts';
import { startOffboarding } from './start-offboarding.ts';
import { offboardSteps } from './steps.ts';
import { suspendTenant } from './suspend-tenant.ts';

const ctx = useProvisioningContext();
const { database, storage } = ctx;
const head = tenantMigrations().length;

const bystander = testSlug('by');
let bystanderBefore: { rows: Record<string, string[]>; objects: Record<string, string> };
beforeAll(async () => {
  await populatedTenant(bystander);
  bystanderBefore = {
    rows: await tenantRows(database, bystander),
    objects: await tenantObjects(storage, bystander),
  };
});

/** A provisioned tenant with some rows and documents of its own, as an agency would have. */
async function populatedTenant(slug: TenantSlug) {
  const { tenant } = await provisionTenant(ctx, provisionInput(slug));
  await withTenant(database, slug, async (db) => {
    await db
      .insert(units)
      .values({ id: newId('uni'), code: 'XA-02', name: 'UBND Xã Hòa Bắc', kind: 'commune' });
    await db.insert(auditLog).values(
      Array.from({ length: 30 }, (_, i) => ({
        actor: 'usr_1',
        action: 'dossier.received',
        subject: `HS-${i}`,
        details: { note: `hồ sơ số ${i} "trích dẫn"\nxuống dòng`, feeDong: 150_000 * i },
      })),
    );
  });
  const documents = storage.forTenant(slug);
  await documents.put('documents/hồ sơ 1.pdf', randomBytes(50_000), 'application/pdf');
  await documents.put(`nested/${'thư-mục-dài/'.repeat(12)}tệp.txt`, 'a key longer than a tar name field');
  await documents.put('empty.txt', '');
  return tenant;
}

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The archive holds every row and every object the tenant had before offboarding. */
async function expectArchiveHolds(
  key: string,
  slug: TenantSlug,
  before: { rows: Record<string, string[]>; objects: Record<string, string> },
) {
  const entries = await readArchive(storage, key);
  const manifest = JSON.parse(entries.get('manifest.json')?.toString() ?? '{}') as ExportManifest;
  expect(manifest).toMatchObject({ format: 'motcua-tenant-export', schemaVersion: head, tenant: { slug } });
  expect(Object.keys(manifest.rowCounts).sort()).toEqual(Object.keys(before.rows).sort());
  expect(Object.keys(before.rows)).toContain('__migrations');
  for (const [table, rows] of Object.entries(before.rows)) {
    expect(manifest.rowCounts[table]).toBe(rows.length);
    const text = entries.get(`tables/${table}.jsonl`)?.toString() ?? '';
    const lines = text.split('\n').filter(Boolean);
    // Every row, each with every column but the credentials the manifest says were left out.
    const expected = rows.map((row) => withoutCredentials(table, row, manifest.omitted));
    expect(lines.map((line) => JSON.stringify(JSON.parse(line))).sort()).toEqual(expected.sort());
  }
  expect(manifest.objectCount).toBe(Object.keys(before.objects).length);
  for (const [objectKey, hash] of Object.entries(before.objects)) {
    const body = entries.get(`objects/${objectKey}`);
    expect(body && sha256(body)).toBe(hash);
  }
  return manifest;
}

/** A row as exported: parsed and written again, with the omitted columns and keys removed. */
function withoutCredentials(table: string, line: string, omitted: ExportManifest['omitted']): string {
  const row = JSON.parse(line) as Record<string, unknown>;
  for (const field of omitted.filter((f) => f.table === table)) {
    const value = row[field.column];
    if (field.key === undefined) delete row[field.column];
    else if (value && typeof value === 'object' && !Array.isArray(value))
      delete (value as Record<string, unknown>)[field.key];
  }
  return JSON.stringify(row);
}

async function expectGone(slug: TenantSlug) {
  expect(await schemaCount(database, slug)).toBe(0);
  expect(await roleNames(database, slug)).toEqual([]);
  expect(await tenantObjects(storage, slug)).toEqual({});
  const { tenant } = await getTenant(ctx, slug);
  expect(tenant).toMatchObject({ status: 'offboarded', schemaVersion: 0 });
  expect(tenant.offboardedAt).toBeInstanceOf(Date);
}

describe('offboardTenant', () => {
  it('exports every row and object, then drops the schema, the roles and the objects', async () => {
    const slug = testSlug('off');
    const tenant = await populatedTenant(slug);
    const before = { rows: await tenantRows(database, slug), objects: await tenantObjects(storage, slug) };
    // The thirty written here and the first admin's invitation, queued by provisioning.
    expect(before.rows.audit_log).toHaveLength(31);
    expect(Object.keys(before.objects)).toHaveLength(4); // three documents and the marker

    const { run, tenant: after } = await offboardTenant(ctx, slug, 'opr_test');
    expect(run).toMatchObject({
      kind: 'offboard',
      status: 'succeeded',
      exportKey: `exports/${slug}/${run.id}.tar.gz`,
    });
    expect(run.steps.map((s) => [s.name, s.status])).toEqual(offboardSteps.map((name) => [name, 'done']));
    expect(after.status).toBe('offboarded');

    const manifest = await expectArchiveHolds(run.exportKey ?? '', slug, before);
    expect(manifest.tables.find((t) => t.name === 'units')?.columns).toEqual([
      'id',
      'code',
      'name',
      'kind',
      'parent_id',
      'valid_from',
      'valid_to',
      'created_at',
    ]);
    await expectGone(slug);

    // The operator downloads the very archive that was checked above.
    const download = await openTenantExport(ctx, slug);
    expect(download).toMatchObject({ key: run.exportKey, fileName: `${slug}-${run.id}.tar.gz` });
    const downloaded = Buffer.from(await new Response(download.body).arrayBuffer());
    expect(downloaded.length).toBe(download.length);
    const stored = await storage.getExport(run.exportKey ?? '');
    const storedBytes = Buffer.concat(await (stored ? stored.toArray() : []));
    expect(sha256(downloaded)).toBe(sha256(storedBytes));

    const audit = await database.platform
      .select()
      .from(platformAudit)
      .where(eq(platformAudit.tenantId, tenant.id));
    expect(audit.map((a) => a.action)).toEqual([
      'tenant.provisioning_started',
      'tenant.activated',
      'tenant.offboarding_started',
      'tenant.offboarded',
    ]);
    expect(audit[2]?.actor).toBe('opr_test');
    const details = await getTenant(ctx, slug);
    expect(details.runs.map((r) => r.kind)).toEqual(['offboard', 'provision']);
    const listed = (await listTenants(ctx)).find((t) => t.tenant.slug === slug);
    expect(listed?.latestRun).toMatchObject({ kind: 'offboard', status: 'succeeded' });
    // The slug stays taken: its export and audit trail still name it.
    await expect(provisionTenant(ctx, provisionInput(slug))).rejects.toThrow(ConflictError);
  });

  it('offboards a suspended tenant too', async () => {
    const slug = testSlug('susp');
    await provisionTenant(ctx, provisionInput(slug));
    await suspendTenant(ctx, slug, 'opr_test');
    const { run } = await offboardTenant(ctx, slug, 'opr_test');
    expect(run.status).toBe('succeeded');
    await expectGone(slug);
  });
});

describe('a failure at any offboarding step', () => {
  const cases = offboardSteps.flatMap((step) => [['before', step] as const, ['after', step] as const]);

  it.each(cases)(
    'fails the run %s the work of "%s"; a retry finishes without losing the export',
    async (when, step) => {
      const slug = testSlug('of');
      await populatedTenant(slug);
      const before = { rows: await tenantRows(database, slug), objects: await tenantObjects(storage, slug) };
      const failing: ProvisioningContext = { ...ctx, hooks: failOnce(step, when) };

      const { run, tenant } = await offboardTenant(failing, slug, 'opr_test');
      expect(run.status).toBe('failed');
      expect(run.steps.find((s) => s.name === step)).toMatchObject({
        status: 'failed',
        error: `InjectedFailure: injected failure ${when} ${step}`,
      });
      expect(tenant.status).toBe(when === 'after' && step === 'finish' ? 'offboarded' : 'offboarding');
      const exported = run.steps[0]?.status === 'done';
      if (exported) await expectArchiveHolds(run.exportKey ?? '', slug, before);

      const retried = await (await retryProvisioning(failing, slug)).resume();
      expect(retried).toMatchObject({ id: run.id, status: 'succeeded', attempts: 2 });
      if (exported) {
        // The export ran once: its step record and its key are those of the first attempt.
        expect(retried.steps[0]).toEqual(run.steps[0]);
        expect(retried.exportKey).toBe(run.exportKey);
      }
      await expectArchiveHolds(retried.exportKey ?? '', slug, before);
      await expectGone(slug);
    },
  );
});

describe('offboarding preconditions', () => {
  it('never drops a schema whose export archive is missing', async () => {
    const slug = testSlug('noexp');
    await populatedTenant(slug);
    const { run } = await offboardTenant(
      { ...ctx, hooks: failOnce('drop_schema', 'before') },
      slug,
      'opr_test',
    );
    const realKey = run.exportKey;
    await database.platform
      .update(provisioningRuns)
      .set({ exportKey: `exports/${slug}/missing.tar.gz` })
      .where(eq(provisioningRuns.id, run.id));

    const refused = await (await retryProvisioning(ctx, slug)).resume();
    expect(refused.status).toBe('failed');
    expect(refused.steps[1]?.error).toMatch(/export archive of this run is missing/);
    expect(await schemaCount(database, slug)).toBe(1);
    expect(Object.keys(await tenantObjects(storage, slug)).length).toBeGreaterThan(0);

    await database.platform
      .update(provisioningRuns)
      .set({ exportKey: realKey })
      .where(eq(provisioningRuns.id, run.id));
    expect((await (await retryProvisioning(ctx, slug)).resume()).status).toBe('succeeded');
    await expectGone(slug);
  });

  it('refuses tenants that are not active or suspended, and a second offboarding', async () => {
    const failedSlug = testSlug('prov');
    await provisionTenant({ ...ctx, hooks: failOnce('seed', 'before') }, provisionInput(failedSlug));
    await expect(startOffboarding(ctx, failedSlug, 'opr_test')).rejects.toThrow(PreconditionFailedError);

    const slug = testSlug('twice');
    await provisionTenant(ctx, provisionInput(slug));
    await offboardTenant({ ...ctx, hooks: failOnce('drop_schema', 'before') }, slug, 'opr_test');
    await expect(startOffboarding(ctx, slug, 'opr_test')).rejects.toThrow(ConflictError);
    await (await retryProvisioning(ctx, slug)).resume();
    const error = await startOffboarding(ctx, slug, 'opr_test').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PreconditionFailedError);
    expect((error as PreconditionFailedError).code).toBe('tenant_not_offboardable');
  });

  it('runs an offboarding run only through runOffboarding', async () => {
    const slug = testSlug('kind');
    const { run } = await provisionTenant(ctx, provisionInput(slug));
    await expect(runOffboarding(ctx, run.id)).rejects.toThrow(PreconditionFailedError);
  });
});

describe('isolation', () => {
  it('left the bystander tenant untouched', async () => {
    expect(await tenantRows(database, bystander)).toEqual(bystanderBefore.rows);
    expect(await tenantObjects(storage, bystander)).toEqual(bystanderBefore.objects);
    expect((await getTenant(ctx, bystander)).tenant.status).toBe('active');
  });
});
