// The one permission table: what each staff and operator role may do, and the check every
// domain verb makes first.
import type { OperatorRole } from '@motcua/db/platform';
import type { StaffRole } from '@motcua/db/tenant';
import { ForbiddenError } from '@motcua/domain';

export const staffPermissions = [
  'staff.manage',
  'roles.manage',
  'api_keys.manage',
  'audit.read',
  'settings.manage',
  'reports.read',
  'dossiers.read',
  'dossiers.receive',
  'dossiers.process',
  'dossiers.approve',
  'dossiers.issue_result',
] as const;
export type StaffPermission = (typeof staffPermissions)[number];

export const operatorPermissions = [
  'tenants.manage',
  'tenants.read',
  'billing.manage',
  'support.access',
] as const;
export type OperatorPermission = (typeof operatorPermissions)[number];

export const permissions = [...staffPermissions, ...operatorPermissions] as const;
export type Permission = (typeof permissions)[number];

export type Role = StaffRole | OperatorRole;

// Separation of duties: the admin runs the agency's setup but does not handle dossiers, and
// each step of the one-stop shop (receive, process, approve, hand over the result) is its own
// role's, so no single role carries a dossier from filing to result.
export const staffRolePermissions: Readonly<Record<StaffRole, readonly StaffPermission[]>> = {
  admin: [
    'staff.manage',
    'roles.manage',
    'api_keys.manage',
    'audit.read',
    'settings.manage',
    'reports.read',
    'dossiers.read',
  ],
  /** The one-stop desk (bộ phận tiếp nhận và trả kết quả): takes dossiers in, hands results out. */
  reception: ['dossiers.read', 'dossiers.receive', 'dossiers.issue_result'],
  /** Chuyên viên: examines the dossier and drafts the outcome. */
  specialist: ['dossiers.read', 'dossiers.process'],
  /** Lãnh đạo: signs off, and follows the figures. */
  approver: ['dossiers.read', 'dossiers.approve', 'reports.read'],
  /** Văn thư: numbers, stamps and issues the result document. */
  clerk: ['dossiers.read', 'dossiers.issue_result'],
  viewer: ['dossiers.read', 'reports.read'],
};

export const operatorRolePermissions: Readonly<Record<OperatorRole, readonly OperatorPermission[]>> = {
  owner: ['tenants.manage', 'tenants.read', 'billing.manage', 'support.access'],
  operator: ['tenants.manage', 'tenants.read'],
  billing: ['tenants.read', 'billing.manage'],
  /** Reaching into a tenant's data also needs the tenant's own support grant. */
  support: ['tenants.read', 'support.access'],
};

/** What an API key may carry: never the power to manage people or mint more keys. */
export const apiKeyPermissions = staffPermissions.filter(
  (p) => p !== 'staff.manage' && p !== 'roles.manage' && p !== 'api_keys.manage',
);

const byRole = new Map<string, ReadonlySet<Permission>>(
  [...Object.entries(staffRolePermissions), ...Object.entries(operatorRolePermissions)].map(
    ([role, list]) => [role, new Set<Permission>(list)],
  ),
);

export function isPermission(value: unknown): value is Permission {
  return typeof value === 'string' && (permissions as readonly string[]).includes(value);
}

/** False for an unknown role: a role the table does not name has no rights. */
export function can(role: Role, permission: Permission): boolean {
  return byRole.get(role)?.has(permission) ?? false;
}

/** Who is acting: what the transport resolved from a session or an API key. */
export type Actor =
  | { kind: 'staff'; id: string; role: StaffRole }
  | { kind: 'operator'; id: string; role: OperatorRole }
  | { kind: 'api_key'; id: string; permissions: readonly string[] }
  | { kind: 'citizen'; id: string };

/** How an actor appears in audit rows: `staff:usr_…`, `api_key:key_…`. */
export function actorRef(actor: Actor): string {
  return `${actor.kind}:${actor.id}`;
}

export function actorCan(actor: Actor, permission: Permission): boolean {
  switch (actor.kind) {
    case 'staff':
    case 'operator':
      return can(actor.role, permission);
    case 'api_key':
      return (
        actor.permissions.includes(permission) &&
        (apiKeyPermissions as readonly string[]).includes(permission)
      );
    case 'citizen':
      // Citizens act on their own dossiers, which their verbs check by ownership, not by role.
      return false;
  }
}

export function assertCan(actor: Actor, permission: Permission): void {
  if (actorCan(actor, permission)) return;
  const who =
    actor.kind === 'api_key'
      ? 'This API key does not have'
      : actor.kind === 'citizen'
        ? 'A citizen account does not have'
        : `The ${actor.kind === 'staff' ? 'staff' : 'operator'} role "${actor.role}" does not have`;
  throw new ForbiddenError(`${who} the "${permission}" permission.`, { permission });
}
