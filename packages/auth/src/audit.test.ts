import { withTenant } from '@motcua/db';
import { createTestTenant, useTestDatabase } from '@motcua/db/testing';
import { describe, expect, it } from 'vitest';
import { auditRows } from '../test/fixtures.ts';
import { generateApiKey } from './api-keys.ts';
import { maskAuditDetails, recordAudit, redacted } from './audit.ts';

const database = useTestDatabase(4);

describe('recordAudit', () => {
  it('writes the row inside the unit of work, with the actor as kind:id', async () => {
    const slug = await createTestTenant(database);
    await withTenant(database, slug, (db) =>
      recordAudit(db, {
        actor: { kind: 'staff', id: 'usr_1', role: 'admin' },
        action: 'staff.invited',
        subject: 'usr_2',
        requestId: 'req_9',
        ip: '192.0.2.1',
        details: { email: 'b@ubnd.gov.vn' },
      }),
    );
    await withTenant(database, slug, (db) => recordAudit(db, { actor: 'system', action: 'tenant.seeded' }));
    expect(await auditRows(database, slug)).toEqual([
      {
        actor: 'staff:usr_1',
        action: 'staff.invited',
        subject: 'usr_2',
        requestId: 'req_9',
        ip: '192.0.2.1',
        details: { email: 'b@ubnd.gov.vn' },
      },
      { actor: 'system', action: 'tenant.seeded', subject: null, requestId: null, ip: null, details: null },
    ]);
  });

  it('leaves no row when the unit of work fails', async () => {
    const slug = await createTestTenant(database);
    await expect(
      withTenant(database, slug, async (db) => {
        await recordAudit(db, { actor: 'system', action: 'thing.done' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await auditRows(database, slug)).toEqual([]);
  });

  it('masks passwords, tokens and keys before they reach the append-only log', async () => {
    const slug = await createTestTenant(database);
    const { key } = generateApiKey('live');
    const sessionToken = `${'a'.repeat(24)}.${'b'.repeat(32)}`;
    await withTenant(database, slug, (db) =>
      recordAudit(db, {
        actor: 'system',
        action: 'staff.password_changed',
        details: {
          password: 'hunter2-hunter2',
          nested: { sessionToken, list: [{ newPassword: 'x' }, key] },
          note: `used ${key}`,
          passport: 'B1234567',
        },
      }),
    );
    const [row] = await auditRows(database, slug);
    expect(row!.details).toEqual({
      password: redacted,
      nested: { sessionToken: redacted, list: [{ newPassword: redacted }, redacted] },
      note: redacted,
      passport: 'B1234567',
    });
    expect(JSON.stringify(row)).not.toContain('hunter2');
  });
});

describe('maskAuditDetails', () => {
  it.each([
    ['password', true],
    ['new_password', true],
    ['currentPassword', true],
    ['clientSecret', true],
    ['refresh_token', true],
    ['apiKey', true],
    ['otp', true],
    ['totpCode', true],
    ['pin', true],
    ['Authorization', true],
    ['passport', false],
    ['footprint', false],
    ['email', false],
    ['prefix', false],
    ['dossierCode', false],
  ])('masks the value under %s: %s', (key, masked) => {
    expect(maskAuditDetails({ [key]: 'v' })[key]).toBe(masked ? redacted : 'v');
  });

  it('masks strings shaped like our credentials or a password hash, wherever they are', () => {
    expect(maskAuditDetails({ a: '$argon2id$v=19$m=19456,t=2,p=1$x$y', b: 'plain words' })).toEqual({
      a: redacted,
      b: 'plain words',
    });
  });
});
