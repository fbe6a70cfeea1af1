import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createTestTenant, testSlug, useIsolatedTestDatabase } from '../../test/test-database.ts';
import { newId } from '../ids.ts';
import { medianOf, printFleetStatus, runFleetMigration } from './cli.ts';
import { tenantMigrations } from './tenant.ts';

// A private database: the fleet migrator touches every tenant in the database it runs on,
// and these tests count them.
const { database } = useIsolatedTestDatabase(4);
const head = tenantMigrations().length;

function capture() {
  const chunks: string[] = [];
  const out = new Writable({
    write(chunk, _encoding, callback) {
      chunks.push(String(chunk));
      callback();
    },
  });
  return { out, lines: () => chunks.join('').split('\n').filter(Boolean) };
}

/** A tenant whose schema was never created: migrating it fails (its owner role is missing). */
async function createBrokenTenant() {
  const slug = testSlug('broken');
  await database.sql`insert into platform.tenants (id, slug, name, kind, admin_email, status)
    values (${newId('ten')}, ${slug}, ${slug}, 'province', 'admin@example.vn', 'active')`;
  return slug;
}

async function offboard(slug: string) {
  await database.sql`update platform.tenants set status = 'offboarded' where slug = ${slug}`;
}

describe('runFleetMigration', () => {
  it('migrates the tenants behind head, skips the rest, reports and exits 0', async () => {
    const atHead = await createTestTenant(database);
    const behind = await createTestTenant(database, { migrations: false });
    const { out, lines } = capture();

    expect(await runFleetMigration(database, { out, concurrency: 2 })).toBe(0);

    const output = lines();
    expect(output).toContainEqual(expect.stringMatching(/^tenants {2}1\/1 {2}100% .* {2}failed 0$/));
    expect(output).toContain('Platform migrations applied: 0');
    expect(output).toContain(`Tenant head version: ${head}`);
    expect(output).toContain('Migrated: 1');
    expect(output).toContain('Failed: 0');
    expect(output).toContainEqual(expect.stringMatching(/^At head \(skipped\): [1-9]\d*$/));
    expect(output).toContainEqual(expect.stringMatching(/^Per tenant: median \d+ ms$/));
    expect(output).toContainEqual(expect.stringMatching(/^Total: \d+\.\d s$/));
    const versions = await database.sql<{ slug: string; version: number }[]>`
      select slug, schema_version as version from platform.tenants where slug in (${atHead}, ${behind})`;
    expect(versions.map((v) => v.version)).toEqual([head, head]);
  });

  it('lists each failed tenant with its error and exits 1', async () => {
    const broken = await createBrokenTenant();
    try {
      const { out, lines } = capture();
      expect(await runFleetMigration(database, { out })).toBe(1);
      const output = lines();
      expect(output).toContain('Failed: 1');
      expect(output).toContainEqual(expect.stringMatching(/failed 1$/));
      expect(output).toContainEqual(
        expect.stringMatching(
          new RegExp(`^ {2}${broken} {2}.*role "t_${broken.replaceAll('-', '_')}_owner"`),
        ),
      );
    } finally {
      await offboard(broken);
    }
  });

  it('exits 1 with a message when the run cannot start', async () => {
    const { out, lines } = capture();
    expect(await runFleetMigration(database, { out, concurrency: 0 })).toBe(1);
    expect(lines()).toEqual([expect.stringMatching(/^Fleet migration stopped: concurrency must be/)]);
  });
});

describe('printFleetStatus', () => {
  it('prints each tenant with its version against head, marks those behind, and counts', async () => {
    const current = await createTestTenant(database);
    const behind = await createTestTenant(database, { migrations: false });
    const { out, lines } = capture();

    await printFleetStatus(database, out);

    const output = lines();
    expect(output[0]).toMatch(/^slug +status +version +head$/);
    const row = (slug: string) => output.find((line) => line.startsWith(`${slug} `))?.split(/ +/);
    expect(row(current)).toEqual([current, 'active', String(head), String(head)]);
    expect(row(behind)).toEqual([behind, 'active', '0', String(head), 'behind']);
    const tenants = await database.sql<{ status: string; version: number }[]>`
      select status, schema_version as version from platform.tenants`;
    const countBehind = tenants.filter((t) => t.version < head && t.status !== 'offboarded').length;
    expect(countBehind).toBeGreaterThan(0);
    expect(output.at(-1)).toMatch(
      new RegExp(`^${tenants.length} tenants: \\d+ at head, ${countBehind} behind`),
    );
  });
});

describe('medianOf', () => {
  it.each([
    [[], undefined],
    [[7], 7],
    [[9, 1, 5], 5],
    [[4, 1, 3, 2], 2.5],
  ])('of %j is %s', (values, median) => {
    expect(medianOf(values)).toBe(median);
  });
});
