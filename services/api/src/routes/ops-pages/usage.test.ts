import { type Database, newId, type TenantSlug, withTenant } from '@motcua/db';
import { staffUsers } from '@motcua/db/tenant';
import { createTestTenant, testSlug } from '@motcua/db/testing';
import { measureTenantUsage } from '@motcua/provisioning';
import { beforeAll, describe, expect, it } from 'vitest';
import { readJson, useTestApp } from '../../testing.ts';
import { expectAccessiblePage, type OpsBrowser, signedInOperator } from './test-support.ts';

const t = useTestApp();
let owner: OpsBrowser;
// 'aaa-' sorts before every other test's slugs, so these agencies are on the list's first page.
let measured: TenantSlug;
let fresh: TenantSlug;
let never: TenantSlug;

async function tenantId(slug: string) {
  const [row] = await t.deps.database.sql<
    { id: string }[]
  >`select id from platform.tenants where slug = ${slug}`;
  return row?.id ?? '';
}

/** Usage rows as the worker would have left them, with figures chosen by hand. */
async function recordUsage(slug: string, rows: [day: string, received: number][], last: string) {
  const id = await tenantId(slug);
  for (const [day, received] of rows) {
    await t.deps.database.sql`insert into platform.tenant_usage
      (tenant_id, day, dossiers_received, dossiers_submitted, storage_bytes, staff_seats, measured_at)
      values (${id}, ${day}, ${received}, 0, 1500000000, 7, ${last})`;
  }
}

/** The table row of an agency on the list page. */
function rowOf(html: string, slug: string): string {
  const row = new RegExp(
    `<tr><th scope="row"><a href="/ops/tenants/${slug}(\\?lang=en)?">[\\s\\S]*?</tr>`,
  ).exec(html);
  expect(row, slug).not.toBeNull();
  return row?.[0] ?? '';
}

/** The database with its postgres.js client counting the statements that read usage. */
function countUsageStatements(database: Database) {
  let count = 0;
  const sql = new Proxy(database.sql, {
    apply(target, self, args) {
      const [strings] = args as [unknown];
      if (Array.isArray(strings) && strings.join('').includes('platform.tenant_usage')) count += 1;
      return Reflect.apply(target, self, args);
    },
  });
  return { database: { ...database, sql } as Database, count: () => count };
}

beforeAll(async () => {
  owner = await signedInOperator(t, 'support');
  [measured, fresh, never] = await Promise.all([
    createTestTenant(t.deps.database, { slug: testSlug('aaa') }),
    createTestTenant(t.deps.database, { slug: testSlug('aaa') }),
    createTestTenant(t.deps.database, { slug: testSlug('aaa') }),
  ]);
  await recordUsage(
    measured,
    [
      ['2026-10-31', 5],
      ['2026-11-01', 3],
      ['2026-11-20', 2],
    ],
    '2026-11-20T02:15:00Z',
  );
  // Measured for real: one active staff member, nothing received, no files.
  await withTenant(t.deps.database, fresh, (db) =>
    db.insert(staffUsers).values({
      id: newId('usr'),
      email: `clerk@${fresh}.gov.vn`,
      fullName: 'Cán bộ một cửa',
      role: 'clerk',
      status: 'active',
    }),
  );
  await measureTenantUsage(t.deps.provisioning, fresh, '2026-11-20');
});

describe('usage on the agency list', () => {
  it('shows this month’s received dossiers, staff seats and storage, or that it was not measured yet', async () => {
    const res = await owner.go('/ops');
    expect(res.status).toBe(200);
    const html = await res.text();
    expectAccessiblePage(html, 'vi');
    expect(html).toContain('<th scope="col">Mức sử dụng</th>');
    expect(rowOf(html, measured)).toContain(
      '<td>5 hồ sơ tiếp nhận trong tháng 11/2026<br/>7 cán bộ đang hoạt động<br/>dung lượng tệp 1,5 GB</td>',
    );
    expect(rowOf(html, fresh)).toContain(
      '<td>0 hồ sơ tiếp nhận trong tháng 11/2026<br/>1 cán bộ đang hoạt động<br/>dung lượng tệp 0 MB</td>',
    );
    expect(rowOf(html, never)).toContain('<td><span class="muted">Chưa có số liệu đo</span></td>');

    const en = await (await owner.go('/ops?lang=en')).text();
    expectAccessiblePage(en, 'en');
    expect(en).toContain('<th scope="col">Usage</th>');
    expect(rowOf(en, measured)).toContain(
      '<td>5 dossiers received in November 2026<br/>7 staff seats<br/>1.5 GB of files stored</td>',
    );
    expect(rowOf(en, fresh)).toContain('<td>0 dossiers received in November 2026<br/>1 staff seat<br/>');
    expect(rowOf(en, never)).toContain('<span class="muted">Not measured yet</span>');
  });

  it('reads the usage of the whole page in one statement', async () => {
    const { provisioning } = t.deps;
    const counting = countUsageStatements(provisioning.database);
    const original = provisioning.database;
    provisioning.database = counting.database;
    try {
      const html = await (await owner.go('/ops')).text();
      const rows = [...html.matchAll(/<tr><th scope="row">/g)].length;
      expect(rows).toBeGreaterThanOrEqual(3);
      expect(counting.count()).toBe(1);
    } finally {
      provisioning.database = original;
    }
  });
});

describe('usage on the agency page and in the operator API', () => {
  it('shows the figures with the time they were measured', async () => {
    const html = await (await owner.go(`/ops/tenants/${measured}`)).text();
    expectAccessiblePage(html, 'vi');
    expect(html).toContain('<h2>Mức sử dụng</h2>');
    expect(html).toContain('<dt>Hồ sơ tiếp nhận trong tháng 11/2026</dt><dd>5</dd>');
    expect(html).toContain('<dt>Cán bộ đang hoạt động</dt><dd>7</dd>');
    expect(html).toContain('<dt>Dung lượng tệp đã lưu</dt><dd>1,5 GB</dd>');
    // 02:15 UTC is 09:15 in Vietnam.
    expect(html).toMatch(/<dt>Số liệu đo lúc<\/dt><dd>09:15 20\/11\/(20)?26<\/dd>/);

    const en = await (await owner.go(`/ops/tenants/${never}?lang=en`)).text();
    expectAccessiblePage(en, 'en');
    expect(en).toContain('<p class="muted" id="ops-usage">Not measured yet</p>');
  });

  it('gives the same usage to the operator API, null before the first measurement', async () => {
    const detail = await readJson(await t.ops(`/api/ops/tenants/${measured}`));
    expect(detail.usage).toEqual({
      day: '2026-11-20',
      dossiersReceived: 2,
      dossiersSubmitted: 0,
      storageBytes: 1_500_000_000,
      staffSeats: 7,
      measuredAt: '2026-11-20T02:15:00.000Z',
      month: '2026-11',
      monthReceived: 5,
    });
    expect((await readJson(await t.ops(`/api/ops/tenants/${never}`))).usage).toBeNull();
    const list = await readJson(await t.ops('/api/ops/tenants'));
    const bySlug = new Map(
      (list.tenants as { slug: string; usage: unknown }[]).map((tenant) => [tenant.slug, tenant.usage]),
    );
    expect(bySlug.get(fresh)).toMatchObject({ day: '2026-11-20', staffSeats: 1, storageBytes: 0 });
    expect(bySlug.get(never)).toBeNull();
  });
});
