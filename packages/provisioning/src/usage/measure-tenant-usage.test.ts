import { tenantUsage } from '@motcua/db/platform';
import { createTestTenant, testSlug, useIsolatedTestDatabase } from '@motcua/db/testing';
import { NotFoundError, ValidationError } from '@motcua/domain';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { addUsageRows, figuresOf } from '../../test/usage-rows.ts';
import { measureTenantUsage } from './measure-tenant-usage.ts';
import { usageDayBounds, usageDayOf } from './usage-day.ts';

// A private database: the fleet of this file is only its own agencies.
const { database } = useIsolatedTestDatabase(6);
const ctx = { database };

describe('usageDayBounds and usageDayOf', () => {
  it.each([
    ['2026-11-20', '2026-11-19T17:00:00.000Z', '2026-11-20T17:00:00.000Z'],
    ['2026-12-31', '2026-12-30T17:00:00.000Z', '2026-12-31T17:00:00.000Z'],
    ['2028-02-28', '2028-02-27T17:00:00.000Z', '2028-02-28T17:00:00.000Z'],
    ['2028-02-29', '2028-02-28T17:00:00.000Z', '2028-02-29T17:00:00.000Z'],
  ])('%s runs from %s to %s', (day, from, to) => {
    const bounds = usageDayBounds(day);
    expect([bounds.from.toISOString(), bounds.to.toISOString()]).toEqual([from, to]);
  });

  it.each([
    ['2026-11-19T16:59:59.999Z', '2026-11-19'],
    ['2026-11-19T17:00:00.000Z', '2026-11-20'],
    ['2026-11-20T16:59:59.999Z', '2026-11-20'],
    ['2026-12-31T17:00:00.000Z', '2027-01-01'],
  ])('%s falls on %s in Vietnam', (instant, day) => {
    expect(usageDayOf(new Date(instant))).toBe(day);
  });

  it.each(['2026-02-30', '20261120', '', '2026-11-20T00:00'])('refuses %j as a day', (day) => {
    const error = (() => {
      try {
        usageDayBounds(day);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).code).toBe('invalid_date');
  });

  it('puts every instant inside the 24 hours of its own day, starting at 00:00 +07:00', () => {
    // fast-check is not among this package's dependencies: a sweep across a year's end with an
    // odd step (it lands on every minute of the day over the run) and each day's edges instead.
    const instants: number[] = [];
    for (let t = Date.parse('2026-12-29T00:00:00Z'); t < Date.parse('2027-01-03T00:00:00Z'); t += 997_000) {
      instants.push(t);
    }
    for (let day = 0; day < 5; day += 1) {
      const midnight = Date.parse('2026-12-29T17:00:00Z') + day * 86_400_000;
      instants.push(midnight - 1, midnight, midnight + 1);
    }
    for (const t of instants) {
      const at = new Date(t);
      const { from, to } = usageDayBounds(usageDayOf(at));
      expect(from.getTime(), at.toISOString()).toBeLessThanOrEqual(t);
      expect(t, at.toISOString()).toBeLessThan(to.getTime());
      expect(to.getTime() - from.getTime()).toBe(86_400_000);
      expect((from.getTime() + 7 * 3_600_000) % 86_400_000).toBe(0);
    }
  });
});

describe('measureTenantUsage', () => {
  let a: Awaited<ReturnType<typeof createTestTenant>>;
  let b: Awaited<ReturnType<typeof createTestTenant>>;

  beforeAll(async () => {
    [a, b] = await Promise.all([createTestTenant(database), createTestTenant(database)]);
    await addUsageRows(database, a, {
      staff: ['active', 'active', 'invited', 'disabled'],
      dossiers: [
        // 00:00 on 20 Nov in Vietnam; submitted at 23:59 on the 19th.
        {
          submittedAt: '2026-11-19T16:59:00.000Z',
          receivedAt: '2026-11-19T17:00:00.000Z',
          files: [
            [1_000, 'verified'],
            [2_500, 'verified'],
          ],
        },
        // The last millisecond of the 20th.
        {
          submittedAt: '2026-11-20T01:00:00.000Z',
          receivedAt: '2026-11-20T16:59:59.999Z',
          files: [
            [700, 'pending'],
            [900, 'rejected'],
          ],
        },
        // Submitted at 23:00 on the 20th, received at 00:00 on the 21st.
        {
          submittedAt: '2026-11-20T16:00:00.000Z',
          receivedAt: '2026-11-20T17:00:00.000Z',
          files: [[1_000_000, 'verified']],
        },
        // The last millisecond of the 19th.
        { submittedAt: '2026-11-19T16:59:59.999Z', receivedAt: '2026-11-19T16:59:59.999Z' },
        // Submitted on the 20th, not received yet; and a draft.
        { submittedAt: '2026-11-20T03:00:00.000Z' },
        {},
      ],
    });
    // Another agency, busier on the same day, with more than 2^31 bytes of files.
    await addUsageRows(database, b, {
      staff: ['active', 'active', 'active', 'active', 'active'],
      dossiers: [
        { receivedAt: '2026-11-20T05:00:00.000Z', files: [[2_000_000_000, 'verified']] },
        { receivedAt: '2026-11-20T06:00:00.000Z', files: [[2_000_000_000, 'verified']] },
        { receivedAt: '2026-11-20T07:00:00.000Z' },
      ],
    });
  });

  it.each([
    ['2026-11-19', { received: 1, submitted: 2, storage: 1_003_500, seats: 2 }],
    ['2026-11-20', { received: 2, submitted: 3, storage: 1_003_500, seats: 2 }],
    ['2026-11-21', { received: 1, submitted: 0, storage: 1_003_500, seats: 2 }],
    ['2026-11-22', { received: 0, submitted: 0, storage: 1_003_500, seats: 2 }],
  ])('counts the dossiers of %s by the Vietnamese day, and only this agency’s', async (day, expected) => {
    const row = await measureTenantUsage(ctx, a, day);
    expect(row.day).toBe(day);
    expect(figuresOf(row)).toEqual(expected);
  });

  it('counts another agency’s rows in its figures only', async () => {
    const row = await measureTenantUsage(ctx, b, '2026-11-20');
    expect(figuresOf(row)).toEqual({ received: 3, submitted: 0, storage: 4_000_000_000, seats: 5 });
    const again = await measureTenantUsage(ctx, a, '2026-11-20');
    expect(figuresOf(again)).toEqual({ received: 2, submitted: 3, storage: 1_003_500, seats: 2 });
  });

  it('recomputes the day on every run and keeps one row for it', async () => {
    const rowsOf = () =>
      database.platform
        .select()
        .from(tenantUsage)
        .where(sql`${tenantUsage.day} = '2026-11-20' and ${tenantUsage.tenantId} in
          (select id from platform.tenants where slug = ${a})`);
    const first = await measureTenantUsage(ctx, a, '2026-11-20');
    const second = await measureTenantUsage(ctx, a, '2026-11-20');
    expect(figuresOf(second)).toEqual(figuresOf(first));
    expect(second.measuredAt.getTime()).toBeGreaterThanOrEqual(first.measuredAt.getTime());
    expect(await rowsOf()).toHaveLength(1);

    await addUsageRows(database, a, {
      staff: ['active'],
      dossiers: [{ receivedAt: '2026-11-20T10:00:00.000Z', files: [[500, 'verified']] }],
    });
    const third = await measureTenantUsage(ctx, a, '2026-11-20');
    expect(figuresOf(third)).toEqual({ received: 3, submitted: 3, storage: 1_004_000, seats: 3 });
    const rows = await rowsOf();
    expect(rows.map(figuresOf)).toEqual([figuresOf(third)]);
  });

  it('never replaces a newer measurement with an older one', async () => {
    const slug = await createTestTenant(database);
    const first = await measureTenantUsage(ctx, slug, '2026-11-20');
    // As if another worker had measured later than this one will.
    const later = new Date(Date.now() + 3_600_000);
    await database.platform
      .update(tenantUsage)
      .set({ measuredAt: later, staffSeats: 41 })
      .where(eq(tenantUsage.tenantId, first.tenantId));
    await addUsageRows(database, slug, { staff: ['active'] });
    const kept = await measureTenantUsage(ctx, slug, '2026-11-20');
    expect(kept.staffSeats).toBe(41);
    expect(kept.measuredAt.toISOString()).toBe(later.toISOString());
  });

  it('refuses a bad slug, an unknown agency and a bad day, and writes nothing', async () => {
    const [before] = await database.sql<
      { n: number }[]
    >`select count(*)::int as n from platform.tenant_usage`;
    const invalid = await measureTenantUsage(ctx, 'DROP SCHEMA', '2026-11-20').catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(ValidationError);
    expect((invalid as ValidationError).code).toBe('invalid_slug');
    await expect(measureTenantUsage(ctx, testSlug('nobody'), '2026-11-20')).rejects.toThrow(NotFoundError);
    const badDay = await measureTenantUsage(ctx, a, '2026-11-31').catch((e: unknown) => e);
    expect(badDay).toBeInstanceOf(ValidationError);
    expect((badDay as ValidationError).code).toBe('invalid_date');
    const [after] = await database.sql<{ n: number }[]>`select count(*)::int as n from platform.tenant_usage`;
    expect(after?.n).toBe(before?.n);
  });
});
