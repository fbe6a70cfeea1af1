import { operatorSessions } from '@motcua/db/platform';
import { createTestTenant, useTestDatabase } from '@motcua/db/testing';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { hours, insertOperator, later, minutes, untouchableDatabase } from '../test/fixtures.ts';
import {
  createOperatorSession,
  invalidateAllOperatorSessions,
  invalidateOperatorSession,
  markOperatorTwoFactorVerified,
  validateOperatorSession,
} from './operator-sessions.ts';
import { sessionPolicies } from './sessions.ts';
import { validateTenantSession } from './tenant-sessions.ts';
import { hashSecret } from './tokens.ts';

const database = useTestDatabase(4);

async function storedSession(id: string) {
  const [row] = await database.platform.select().from(operatorSessions).where(eq(operatorSessions.id, id));
  return row;
}

async function operatorSession(now = new Date()) {
  const operatorId = await insertOperator(database, 'billing');
  const { token, session } = await createOperatorSession(database, { operatorId }, now);
  return { operatorId, token, session, now };
}

describe('operator sessions', () => {
  it('stores the hash only and validates to the operator without secrets', async () => {
    const { operatorId, token, session, now } = await operatorSession();
    const secret = token.split('.')[1]!;
    const row = await storedSession(session.id);
    expect(Buffer.from(row!.secretHash).equals(Buffer.from(hashSecret(secret)))).toBe(true);

    const result = await validateOperatorSession(database, token, later(now, minutes(1)));
    expect(result).toMatchObject({
      session: { id: session.id, operatorId, twoFactorVerified: false },
      operator: { id: operatorId, role: 'billing', fullName: 'Lê Văn Cường' },
      refreshed: false,
    });
    expect(result!.operator).not.toHaveProperty('passwordHash');
    expect(result!.operator).not.toHaveProperty('totpSecret');
  });

  it('refuses a wrong secret, a tampered id and malformed tokens (those without a query)', async () => {
    const { token } = await operatorSession();
    const [id, secret] = token.split('.') as [string, string];
    const flip = (s: string) => `${s.slice(0, -1)}${s.endsWith('a') ? 'b' : 'a'}`;
    expect(await validateOperatorSession(database, `${id}.${flip(secret)}`)).toBeNull();
    expect(await validateOperatorSession(database, `${flip(id)}.${secret}`)).toBeNull();
    const untouchable = untouchableDatabase();
    for (const bad of ['', 'x.y', `${token}.`, null]) {
      expect(await validateOperatorSession(untouchable, bad)).toBeNull();
    }
    await expect(validateOperatorSession(untouchable, token)).rejects.toThrow(/database was touched/);
  });

  it('ends after two idle hours and refreshes at most every five minutes', async () => {
    expect(sessionPolicies.operator).toEqual({ idleTimeoutMs: hours(2), refreshAfterMs: minutes(5) });
    const { token, session, now } = await operatorSession();

    expect((await validateOperatorSession(database, token, later(now, minutes(4))))?.refreshed).toBe(false);
    expect((await storedSession(session.id))?.lastVerifiedAt).toEqual(now);
    const refreshedAt = later(now, minutes(6));
    expect((await validateOperatorSession(database, token, refreshedAt))?.refreshed).toBe(true);
    expect((await validateOperatorSession(database, token, later(refreshedAt, minutes(1))))?.refreshed).toBe(
      false,
    );
    expect((await storedSession(session.id))?.lastVerifiedAt).toEqual(refreshedAt);

    expect(await validateOperatorSession(database, token, later(refreshedAt, hours(2)))).toBeNull();
    expect(await storedSession(session.id)).toBeUndefined();
  });

  it('marks the second factor, invalidates one session or all of an operator’s', async () => {
    const { operatorId, token, session } = await operatorSession();
    const second = await createOperatorSession(database, { operatorId });
    const other = await operatorSession();

    expect(await markOperatorTwoFactorVerified(database, session.id)).toBe(true);
    expect((await validateOperatorSession(database, token))?.session.twoFactorVerified).toBe(true);

    await invalidateOperatorSession(database, session.id);
    expect(await validateOperatorSession(database, token)).toBeNull();
    expect(await validateOperatorSession(database, second.token)).not.toBeNull();
    expect(await invalidateAllOperatorSessions(database, operatorId)).toBe(1);
    expect(await validateOperatorSession(database, second.token)).toBeNull();
    expect(await validateOperatorSession(database, other.token)).not.toBeNull();
  });

  it('is not a tenant session', async () => {
    const { token } = await operatorSession();
    const slug = await createTestTenant(database);
    expect(await validateTenantSession(database, slug, token)).toBeNull();
  });
});
