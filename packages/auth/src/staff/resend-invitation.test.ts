import { withTenant } from '@motcua/db';
import { oneTimeTokens } from '@motcua/db/tenant';
import { createTestTenant, useTestDatabase } from '@motcua/db/testing';
import { ForbiddenError, PreconditionFailedError } from '@motcua/domain';
import { isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditRows, deliverEmailedLinks, outboxRows } from '../../test/fixtures.ts';
import type { Actor } from '../permissions.ts';
import { acceptInvitation } from './accept-invitation.ts';
import { inviteStaff } from './invite-staff.ts';
import { resendFirstAdminInvitation, resendInvitation } from './resend-invitation.ts';

const database = useTestDatabase(4);
const admin: Actor = { kind: 'staff', id: 'usr_admin', role: 'admin' };
const deps = { linkBase: 'https://x.motcua.vn', siteName: 'Sở X' };
const password = 'Song-Han-River-2026';

describe('resendInvitation', () => {
  it('sends a new link and makes the earlier one, already delivered, stop working', async () => {
    const slug = await createTestTenant(database);
    const ctx = { database, slug, actor: admin };
    const staff = await inviteStaff(ctx, { email: 'b@x.vn', fullName: 'Bình', role: 'clerk' }, deps);
    const [first] = await deliverEmailedLinks(database, slug);
    await resendInvitation(ctx, { id: staff.id }, deps);
    const [second] = await deliverEmailedLinks(database, slug);
    const unused = await withTenant(database, slug, (db) =>
      db.select().from(oneTimeTokens).where(isNull(oneTimeTokens.usedAt)),
    );
    expect(unused).toHaveLength(1);
    await expect(acceptInvitation({ database, slug }, { token: first?.token, password })).rejects.toThrow();
    await acceptInvitation({ database, slug }, { token: second?.token, password });
    await expect(resendInvitation(ctx, { id: staff.id }, deps)).rejects.toBeInstanceOf(
      PreconditionFailedError,
    );
    expect((await auditRows(database, slug)).map((r) => [r.action, r.actor])).toEqual([
      ['staff.invited', 'staff:usr_admin'],
      ['staff.invitation_sent', 'staff:usr_admin'],
      ['staff.invitation_accepted', `staff:${staff.id}`],
    ]);
  });

  it('never sends the earlier email when it is still waiting in the outbox', async () => {
    const slug = await createTestTenant(database);
    const ctx = { database, slug, actor: admin };
    const staff = await inviteStaff(ctx, { email: 'w@x.vn', fullName: 'Chờ', role: 'clerk' }, deps);
    await resendInvitation(ctx, { id: staff.id }, deps);
    const sent = await deliverEmailedLinks(database, slug);
    expect(sent).toHaveLength(1);
    expect((await outboxRows(database, slug)).map((r) => r.givenUpReason)).toEqual(['superseded', null]);
    await acceptInvitation({ database, slug }, { token: sent[0]?.token, password });
  });

  it('needs staff.manage, and an operator can send the first admin a new link by email', async () => {
    const slug = await createTestTenant(database);
    const staff = await inviteStaff(
      { database, slug, actor: admin },
      { email: 'first@x.vn', fullName: 'Đầu', role: 'admin' },
      deps,
    );
    await expect(
      resendInvitation(
        { database, slug, actor: { kind: 'staff', id: 'usr_r', role: 'reception' } },
        { id: staff.id },
        deps,
      ),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await resendFirstAdminInvitation(database, slug, 'FIRST@x.vn', deps, {
      actor: 'operator:opr_1',
      requestId: 'req_9',
    });
    const sent = await deliverEmailedLinks(database, slug);
    expect(sent.map((m) => m.to)).toEqual(['first@x.vn']);
    expect((await auditRows(database, slug)).at(-1)).toMatchObject({
      actor: 'operator:opr_1',
      action: 'staff.invitation_sent',
      subject: staff.id,
      requestId: 'req_9',
    });
  });
});
