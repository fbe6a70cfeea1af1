import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../test/test-database.ts';
import { broadcastMembershipChange, isStaleMembershipError } from './role-membership.ts';

const database = useTestDatabase(4);

describe('membership cache refresh', () => {
  it('runs concurrently and leaves no usable membership behind (only the creator’s implicit ADMIN)', async () => {
    await Promise.all([1, 2, 3, 4].map(() => broadcastMembershipChange(database)));
    const rows = await database.sql`
      select 1 from pg_auth_members m join pg_roles r on r.oid = m.roleid
      where r.rolname = 'motcua_membership_epoch' and (m.set_option or m.inherit_option)`;
    expect(rows).toHaveLength(0);
    const [role] =
      await database.sql`select rolcanlogin from pg_roles where rolname = 'motcua_membership_epoch'`;
    expect(role).toEqual({ rolcanlogin: false });
  });

  it('recognises only the stale-membership error for the role being switched to', () => {
    const error = Object.assign(new Error('permission denied to set role "t_a"'), { code: '42501' });
    expect(isStaleMembershipError(error, 't_a')).toBe(true);
    expect(isStaleMembershipError(error, 't_b')).toBe(false);
    expect(
      isStaleMembershipError(
        Object.assign(new Error('permission denied for table x'), { code: '42501' }),
        't_a',
      ),
    ).toBe(false);
    expect(isStaleMembershipError(undefined, 't_a')).toBe(false);
  });
});
