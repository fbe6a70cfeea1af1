import { tenantNames, withTenant } from '@motcua/db';
import { outbox } from '@motcua/db/tenant';
import { createTestTenant, useIsolatedTestDatabase } from '@motcua/db/testing';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { insertEmails, readOutbox, uniqueEmail } from '../test/fixtures.ts';
import { deliverTenantOutbox, type OutboundEmail, type OutboxMailer } from './deliver-outbox.ts';
import { createHandback } from './handback.ts';
import { claimRows, clockOf } from './outbox-rows.ts';

const { database, superuser } = useIsolatedTestDatabase(4);

/** The tenant's outbox stops taking writes, as when the database goes away mid-batch. */
async function refuseOutboxWrites(slug: string, refuse: boolean) {
  const { schema, role } = tenantNames(slug as Parameters<typeof tenantNames>[0]);
  await superuser.unsafe(
    `${refuse ? 'revoke' : 'grant'} update on ${schema}.outbox ${refuse ? 'from' : 'to'} ${role}`,
  );
}

describe('a batch the database left unfinished', () => {
  it('marks what the server accepted as sent and hands the rest back before the next claim', async () => {
    const slug = await createTestTenant(database);
    const emails = Array.from({ length: 4 }, (_, i) => uniqueEmail(`batch${i}`));
    await insertEmails(database, slug, emails);
    // Right after the server accepts the first message, the outbox can no longer be written.
    const sent: OutboundEmail[] = [];
    const mailer: OutboxMailer = {
      async send(message) {
        sent.push(message);
        await refuseOutboxWrites(slug, true);
      },
    };
    const handback = createHandback();
    await expect(
      deliverTenantOutbox({ database, mailer, slug, handback, sendConcurrency: 1 }),
    ).rejects.toThrow();
    await refuseOutboxWrites(slug, false);
    expect(sent).toHaveLength(1);
    expect(handback.owed(slug)).toBe(4);
    const leased = await readOutbox(database, slug);
    expect(leased.every((row) => row.sentAt === null && row.leasedUntil !== null)).toBe(true);

    // The next visit, with the database back: the accepted one is not sent again, the rest go now
    // (not once their two-minute lease runs out).
    const again: OutboundEmail[] = [];
    const counts = await deliverTenantOutbox({
      database,
      mailer: { send: async (message) => void again.push(message) },
      slug,
      handback,
    });
    expect(handback.owed(slug)).toBe(0);
    expect(counts.sent).toBe(3);
    expect(again.map((m) => m.to).sort()).toEqual(
      emails
        .slice(1)
        .map((e) => e.to)
        .sort(),
    );
    const rows = await readOutbox(database, slug);
    expect(rows.every((row) => row.sentAt !== null && row.leasedUntil === null)).toBe(true);
    expect(
      rows.find((row) => row.payload && (row.payload as { to: string }).to === sent[0]?.to)?.attempts,
    ).toBe(1);
  });

  it('hands back only its own lease: a row another worker claimed since stays that worker’s', async () => {
    const slug = await createTestTenant(database);
    await insertEmails(database, slug, [uniqueEmail('mine'), uniqueEmail('theirs')]);
    const [mine, theirs] = await claimRows(database, slug, {
      batch: 2,
      leaseMs: 60_000,
      clock: clockOf(),
    });
    if (!mine || !theirs) throw new Error('two rows were claimed');
    // Our lease ran out and another worker leased `theirs` again.
    await withTenant(database, slug, (db) =>
      db.execute(sql`update outbox set leased_until = now() + interval '5 minutes' where id = ${theirs.id}`),
    );
    const handback = createHandback();
    handback.release(slug, [mine.id, theirs.id], mine.leasedUntil);
    await handback.settle(database, slug);
    const rows = await withTenant(database, slug, (db) =>
      db.select({ id: outbox.id, leasedUntil: outbox.leasedUntil }).from(outbox),
    );
    expect(rows.find((r) => Number(r.id) === mine.id)?.leasedUntil).toBeNull();
    expect(rows.find((r) => Number(r.id) === theirs.id)?.leasedUntil).not.toBeNull();
    expect(handback.owed(slug)).toBe(0);
  });

  it('keeps what it owes while the database is still away', async () => {
    const slug = await createTestTenant(database);
    await insertEmails(database, slug, [uniqueEmail('owed')]);
    const [row] = await readOutbox(database, slug);
    const handback = createHandback();
    handback.sent(slug, Number(row?.id));
    await refuseOutboxWrites(slug, true);
    await expect(handback.settle(database, slug)).rejects.toThrow();
    expect(handback.owed(slug)).toBe(1);
    await refuseOutboxWrites(slug, false);
    await handback.settle(database, slug);
    expect(handback.owed(slug)).toBe(0);
    expect((await readOutbox(database, slug))[0]?.sentAt).not.toBeNull();
  });
});
