import { withTenant } from '@motcua/db';
import { oneTimeTokens } from '@motcua/db/tenant';
import { createTestTenant, useTestDatabase } from '@motcua/db/testing';
import { ForbiddenError, PreconditionFailedError } from '@motcua/domain';
import { isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../permissions.ts';
import { acceptInvitation } from './accept-invitation.ts';
import { type InvitationEmail, inviteStaff } from './invite-staff.ts';
import { resendInvitation, sendFirstAdminInvitation } from './resend-invitation.ts';

const database = useTestDatabase(4);
const admin: Actor = { kind: 'staff', id: 'usr_admin', role: 'admin' };
const tokenIn = (mail?: InvitationEmail) => /token=(\S+)/.exec(mail?.text ?? '')?.[1] ?? '';

function mailbox() {
  const sent: InvitationEmail[] = [];
  return {
    sent,
    deps: {
      send: (m: InvitationEmail) => void sent.push(m),
      linkBase: 'https://x.motcua.vn',
      siteName: 'Sở X',
    },
  };
}

describe('resendInvitation', () => {
  it('sends a new link and makes the earlier one stop working', async () => {
    const slug = await createTestTenant(database);
    const { sent, deps } = mailbox();
    const ctx = { database, slug, actor: admin };
    const staff = await inviteStaff(ctx, { email: 'b@x.vn', fullName: 'Bình', role: 'clerk' }, deps);
    await resendInvitation(ctx, { id: staff.id }, deps);
    expect(sent).toHaveLength(2);
    const unused = await withTenant(database, slug, (db) =>
      db.select().from(oneTimeTokens).where(isNull(oneTimeTokens.usedAt)),
    );
    expect(unused).toHaveLength(1);
    await expect(
      acceptInvitation({ database, slug }, { token: tokenIn(sent[0]), password: 'Song-Han-River-2026' }),
    ).rejects.toThrow();
    await acceptInvitation({ database, slug }, { token: tokenIn(sent[1]), password: 'Song-Han-River-2026' });
    await expect(resendInvitation(ctx, { id: staff.id }, deps)).rejects.toBeInstanceOf(
      PreconditionFailedError,
    );
  });

  it('needs staff.manage, and the platform can invite the first admin by email', async () => {
    const slug = await createTestTenant(database);
    const { sent, deps } = mailbox();
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
    await sendFirstAdminInvitation(database, slug, 'FIRST@x.vn', deps);
    expect(sent).toHaveLength(2);
    expect(sent[1]?.to).toBe('first@x.vn');
  });
});
