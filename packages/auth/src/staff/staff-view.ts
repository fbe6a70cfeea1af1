// What the staff verbs share: the columns an admin may see, the invitation's lifetime, and
// the input parsing that turns zod failures into one ValidationError.
import type { TenantDb } from '@motcua/db';
import { staffUsers, units } from '@motcua/db/tenant';
import { ValidationError } from '@motcua/domain';
import { and, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { z } from 'zod';

export const invitationPolicy = { tokenLifetimeMs: 7 * 24 * 60 * 60_000 } as const;

/** A staff member as the console shows them: never the password hash or TOTP secret. */
export const staffViewColumns = {
  id: staffUsers.id,
  email: staffUsers.email,
  fullName: staffUsers.fullName,
  role: staffUsers.role,
  unitId: staffUsers.unitId,
  status: staffUsers.status,
  totpEnrolledAt: staffUsers.totpEnrolledAt,
  createdAt: staffUsers.createdAt,
};

export interface StaffView {
  id: string;
  email: string;
  fullName: string;
  role: (typeof staffUsers.$inferSelect)['role'];
  unitId: string | null;
  status: (typeof staffUsers.$inferSelect)['status'];
  totpEnrolledAt: Date | null;
  createdAt: Date;
}

export function parseInput<T>(schema: z.ZodType<T>, input: unknown, message: string): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ValidationError(
    message,
    result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
  );
}

/** A unit staff can be placed in: one that exists and has not been closed (merged away). */
export async function assertUnitUsable(db: TenantDb, unitId: string): Promise<void> {
  const [unit] = await db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.id, unitId), or(isNull(units.validTo), gt(units.validTo, sql`current_date`))));
  if (!unit) {
    throw new ValidationError('Choose a unit of this agency that is still in use.', [
      { path: 'unitId', message: 'No such unit.' },
    ]);
  }
}

export function trace(ctx: { requestId?: string | undefined; ip?: string | undefined }) {
  return { requestId: ctx.requestId ?? null, ip: ctx.ip ?? null };
}
