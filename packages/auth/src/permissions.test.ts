import { operatorRoles } from '@motcua/db/platform';
import { staffRoles } from '@motcua/db/tenant';
import { ForbiddenError } from '@motcua/domain';
import { describe, expect, it } from 'vitest';
import {
  type Actor,
  actorCan,
  apiKeyPermissions,
  assertCan,
  can,
  type Permission,
  permissions,
  type Role,
} from './permissions.ts';

// The intended matrix, written out independently of the implementation's table: every role
// against every permission, so that a permission added anywhere fails here until decided.
const intended: Record<Role, Permission[]> = {
  admin: [
    'staff.manage',
    'roles.manage',
    'api_keys.manage',
    'audit.read',
    'settings.manage',
    'reports.read',
    'dossiers.read',
  ],
  reception: ['dossiers.read', 'dossiers.receive', 'dossiers.issue_result'],
  specialist: ['dossiers.read', 'dossiers.process'],
  approver: ['dossiers.read', 'dossiers.approve', 'reports.read'],
  clerk: ['dossiers.read', 'dossiers.issue_result'],
  viewer: ['dossiers.read', 'reports.read'],
  owner: ['tenants.manage', 'tenants.read', 'billing.manage', 'support.access'],
  operator: ['tenants.manage', 'tenants.read'],
  billing: ['tenants.read', 'billing.manage'],
  support: ['tenants.read', 'support.access'],
};

const roles: Role[] = [...staffRoles, ...operatorRoles];
const matrix = roles.flatMap((role) =>
  permissions.map((permission) => [role, permission, intended[role].includes(permission)] as const),
);

describe('permission matrix', () => {
  it('covers every role and every permission', () => {
    expect(Object.keys(intended).sort()).toEqual([...roles].sort());
    expect(matrix).toHaveLength(roles.length * permissions.length);
  });

  it.each(matrix)('%s may %s: %s', (role, permission, allowed) => {
    expect(can(role, permission)).toBe(allowed);
  });

  it('gives a role the table does not know nothing', () => {
    expect(can('superadmin' as Role, 'dossiers.read')).toBe(false);
  });
});

describe('assertCan', () => {
  it('passes silently when allowed', () => {
    expect(() =>
      assertCan({ kind: 'staff', id: 'usr_1', role: 'reception' }, 'dossiers.receive'),
    ).not.toThrow();
    expect(() => assertCan({ kind: 'operator', id: 'opr_1', role: 'owner' }, 'billing.manage')).not.toThrow();
  });

  it.each<[Actor, Permission, string]>([
    [
      { kind: 'staff', id: 'usr_1', role: 'specialist' },
      'dossiers.approve',
      'The staff role "specialist" does not have the "dossiers.approve" permission.',
    ],
    [
      { kind: 'operator', id: 'opr_1', role: 'billing' },
      'tenants.manage',
      'The operator role "billing" does not have the "tenants.manage" permission.',
    ],
    [
      { kind: 'api_key', id: 'key_1', permissions: ['dossiers.read'] },
      'reports.read',
      'This API key does not have the "reports.read" permission.',
    ],
    [
      { kind: 'citizen', id: 'cit_1' },
      'dossiers.read',
      'A citizen account does not have the "dossiers.read" permission.',
    ],
  ])('throws ForbiddenError with a clear message (%o, %s)', (actor, permission, message) => {
    const error = (() => {
      try {
        assertCan(actor, permission);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ForbiddenError);
    expect(error).toMatchObject({ message, code: 'forbidden', facts: { permission } });
  });
});

describe('API key actors', () => {
  it('may use exactly the permissions the key carries', () => {
    const actor: Actor = { kind: 'api_key', id: 'key_1', permissions: ['dossiers.read', 'dossiers.receive'] };
    expect(permissions.filter((p) => actorCan(actor, p))).toEqual(['dossiers.read', 'dossiers.receive']);
  });

  it('never manage people or keys, even when a stored row says so', () => {
    expect(apiKeyPermissions).not.toContain('staff.manage');
    expect(apiKeyPermissions).not.toContain('roles.manage');
    expect(apiKeyPermissions).not.toContain('api_keys.manage');
    const forged: Actor = { kind: 'api_key', id: 'key_1', permissions: ['api_keys.manage', 'staff.manage'] };
    expect(actorCan(forged, 'api_keys.manage')).toBe(false);
    expect(actorCan(forged, 'staff.manage')).toBe(false);
  });
});
