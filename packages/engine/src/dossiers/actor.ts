// Who may see a dossier, and how the state machine sees the actor.
import { type Actor, staffRolePermissions } from '@motcua/auth';
import type { TenantDb } from '@motcua/db';
import { type Dossier, staffUsers } from '@motcua/db/tenant';
import type { DossierActor } from '@motcua/domain';
import { eq } from 'drizzle-orm';

export function dossierActor(actor: Actor): DossierActor {
  switch (actor.kind) {
    case 'citizen':
      return { kind: 'citizen', id: actor.id };
    case 'staff':
      return { kind: 'staff', id: actor.id, permissions: staffRolePermissions[actor.role] };
    case 'api_key':
      return { kind: 'staff', id: actor.id, permissions: actor.permissions };
    case 'operator':
      // Operators never act inside an agency's dossiers (support access is read-only staff data).
      return { kind: 'staff', id: actor.id, permissions: [] };
  }
}

/**
 * Whether the actor may see this dossier at all: its owner, or staff who read dossiers and,
 * when limited to a unit, only that unit's. Anything else is answered "not found".
 */
export async function canSee(
  db: TenantDb,
  actor: Actor,
  dossier: Pick<Dossier, 'ownerId' | 'unitId' | 'state'>,
) {
  if (actor.kind === 'citizen') return dossier.ownerId === actor.id;
  if (dossier.state === 'draft') return false;
  if (actor.kind === 'api_key') return actor.permissions.includes('dossiers.read');
  if (actor.kind !== 'staff' || !staffRolePermissions[actor.role].includes('dossiers.read')) return false;
  const [me] = await db
    .select({ unitId: staffUsers.unitId })
    .from(staffUsers)
    .where(eq(staffUsers.id, actor.id));
  return !me?.unitId || me.unitId === dossier.unitId;
}
