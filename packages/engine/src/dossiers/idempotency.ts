// Idempotency-Key for mutations (docs/design.md "Interfaces"): the key is claimed first thing in the
// same unit of work as the change, so a concurrent retry waits on the claim and then reads the
// first answer; the answer is stored before that unit of work commits.
import { createHash } from 'node:crypto';
import type { TenantDb } from '@motcua/db';
import { idempotencyKeys } from '@motcua/db/tenant';
import { ConflictError, ValidationError } from '@motcua/domain';
import { and, eq } from 'drizzle-orm';

export interface IdempotencyClaim {
  principal: string;
  key: string;
  requestHash: string;
}

const keyPattern = /^[A-Za-z0-9_.:-]{8,128}$/;

export function idempotencyClaim(principal: string, key: string | undefined, body: unknown) {
  if (key === undefined) return undefined;
  if (!keyPattern.test(key)) {
    throw new ValidationError('The Idempotency-Key header must be 8–128 letters, digits or . _ : -', [
      { path: 'Idempotency-Key', message: 'Use a random value such as a UUID.' },
    ]);
  }
  const requestHash = createHash('sha256')
    .update(JSON.stringify(body ?? null))
    .digest('hex');
  return { principal, key, requestHash };
}

/** The stored answer of an earlier request with this key, or undefined once the key is claimed for this one. */
export async function claimIdempotencyKey<T>(db: TenantDb, claim: IdempotencyClaim): Promise<T | undefined> {
  const claimed = await db
    .insert(idempotencyKeys)
    .values({ ...claim, status: 0, body: {} })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (claimed.length > 0) return undefined;
  const [earlier] = await db
    .select({ requestHash: idempotencyKeys.requestHash, body: idempotencyKeys.body })
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.principal, claim.principal), eq(idempotencyKeys.key, claim.key)));
  if (!earlier || earlier.requestHash !== claim.requestHash) {
    throw new ConflictError(
      'This Idempotency-Key was used for a different request.',
      undefined,
      'idempotency_key_reused',
    );
  }
  return earlier.body as T;
}

export async function storeIdempotentAnswer(
  db: TenantDb,
  claim: IdempotencyClaim,
  status: number,
  body: unknown,
) {
  await db
    .update(idempotencyKeys)
    .set({ status, body })
    .where(and(eq(idempotencyKeys.principal, claim.principal), eq(idempotencyKeys.key, claim.key)));
}
