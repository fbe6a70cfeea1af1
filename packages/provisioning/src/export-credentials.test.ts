// The offboarding export carries the agency's data, not the credentials to this platform:
// the archive's bytes hold no password hash, TOTP secret, session, link or API key secret
// hash, nor the identity provider's client secret, and the manifest says what was left out.
import { createHash, randomBytes } from 'node:crypto';
import { createGunzip } from 'node:zlib';
import { type TenantSlug, withTenant } from '@motcua/db';
import { apiKeys, citizens, oneTimeTokens, sessions, settings, staffUsers } from '@motcua/db/tenant';
import { testSlug } from '@motcua/db/testing';
import { describe, expect, it } from 'vitest';
import { provisionInput, readArchive, useProvisioningContext } from '../test/fixtures.ts';
import type { ExportManifest } from './export/export-tenant.ts';
import { offboardTenant } from './offboard-tenant.ts';
import { provisionTenant } from './provision-tenant.ts';

const ctx = useProvisioningContext();
const { database, storage } = ctx;

const text = (label: string) => `${label}-${randomBytes(12).toString('hex')}`;
const hashBytes = () => createHash('sha256').update(randomBytes(16)).digest();

/** A tenant holding one of every credential, with the values it stored. */
async function tenantWithCredentials(slug: TenantSlug) {
  await provisionTenant(ctx, provisionInput(slug));
  const totp =
    'JBSWY3DPEHPK3PXP' +
    randomBytes(5)
      .toString('hex')
      .toUpperCase()
      .replace(/[0189]/g, 'A');
  const known = {
    staffPasswordHash: `$argon2id$v=19$m=19456,t=2,p=1$${text('salt')}$${text('hash')}`,
    citizenPasswordHash: `$argon2id$v=19$m=19456,t=2,p=1$${text('salt')}$${text('hash')}`,
    totpSecret: totp,
    sealedTotpSecret: database.secrets.seal('tenant.staff_users.totp_secret', totp),
    legacyTotpSecret: `LEGACY${randomBytes(8)
      .toString('hex')
      .toUpperCase()
      .replace(/[0189]/g, 'B')}`,
    clientSecret: text('oidc-client-secret'),
    sealedClientSecret: '',
    sessionHash: hashBytes(),
    linkHash: hashBytes(),
    apiKeyHash: hashBytes(),
  };
  known.sealedClientSecret = database.secrets.seal('tenant.settings.oidc.client_secret', known.clientSecret);
  await withTenant(database, slug, async (db) => {
    const staff = { fullName: 'Quản trị', role: 'admin' as const, status: 'active' as const };
    await db.insert(staffUsers).values([
      {
        ...staff,
        id: 'usr_admin',
        email: 'admin@agency.gov.vn',
        passwordHash: known.staffPasswordHash,
        totpSecret: known.sealedTotpSecret,
      },
      // Stored in clear before sealing, and never used since: still not exported.
      { ...staff, id: 'usr_old', email: 'old@agency.gov.vn', totpSecret: known.legacyTotpSecret },
    ]);
    await db.insert(citizens).values({
      id: 'usr_citizen',
      email: 'cong-dan@example.vn',
      fullName: 'Công dân',
      passwordHash: known.citizenPasswordHash,
    });
    await db.insert(sessions).values({
      id: `ses_${randomBytes(8).toString('hex')}`,
      secretHash: known.sessionHash,
      principalKind: 'staff',
      principalId: 'usr_admin',
    });
    await db.insert(oneTimeTokens).values({
      id: `tok_${randomBytes(8).toString('hex')}`,
      secretHash: known.linkHash,
      purpose: 'password_reset',
      principalKind: 'citizen',
      principalId: 'usr_citizen',
      expiresAt: new Date(Date.now() + 60_000),
    });
    await db.insert(apiKeys).values({
      id: `key_${randomBytes(8).toString('hex')}`,
      name: 'Cổng quốc gia',
      prefix: `mc_live_${randomBytes(4).toString('hex')}`,
      secretHash: known.apiKeyHash,
      mode: 'live',
      permissions: ['dossiers.read'],
      createdBy: 'usr_admin',
    });
    await db.insert(settings).values([
      {
        key: 'oidc',
        value: {
          issuer: 'https://sso.example.vn',
          clientId: 'motcua',
          clientSecret: known.sealedClientSecret,
          displayName: 'VNeID',
        },
      },
      { key: 'test-scalar', value: 'vi' },
    ]);
  });
  return known;
}

async function archiveBytes(key: string): Promise<{ gzip: Buffer; tar: Buffer }> {
  const stored = await storage.getExport(key);
  const gzip = Buffer.concat(await (stored ? stored.toArray() : []));
  const body = await storage.getExport(key);
  const tar = Buffer.concat(await (body ? body.pipe(createGunzip()).toArray() : []));
  return { gzip, tar };
}

describe('the offboarding export', () => {
  it('holds no credential, in any form, and its manifest says what was left out and why', async () => {
    const slug = testSlug('cred');
    const known = await tenantWithCredentials(slug);
    const { run } = await offboardTenant(ctx, slug, 'opr_test');
    const key = run.exportKey ?? '';
    const { gzip, tar } = await archiveBytes(key);
    expect(tar.length).toBeGreaterThan(0);

    const secrets = {
      staffPasswordHash: known.staffPasswordHash,
      citizenPasswordHash: known.citizenPasswordHash,
      totpSecret: known.totpSecret,
      sealedTotpSecret: known.sealedTotpSecret,
      legacyTotpSecret: known.legacyTotpSecret,
      clientSecret: known.clientSecret,
      sealedClientSecret: known.sealedClientSecret,
      // bytea columns are rendered as hex by PostgreSQL.
      sessionHash: known.sessionHash.toString('hex'),
      linkHash: known.linkHash.toString('hex'),
      apiKeyHash: known.apiKeyHash.toString('hex'),
    };
    for (const [name, value] of Object.entries(secrets)) {
      expect(tar.includes(value), `${name} in the archive`).toBe(false);
      expect(gzip.includes(value), `${name} in the compressed bytes`).toBe(false);
    }

    const entries = await readArchive(storage, key);
    const manifest = JSON.parse(entries.get('manifest.json')?.toString() ?? '{}') as ExportManifest;
    expect(manifest.formatVersion).toBe(2);
    expect(manifest.omitted.map((f) => [f.table, f.column, f.key ?? null])).toEqual([
      ['api_keys', 'secret_hash', null],
      ['citizens', 'password_hash', null],
      ['one_time_tokens', 'secret_hash', null],
      ['sessions', 'secret_hash', null],
      ['settings', 'value', 'clientSecret'],
      ['staff_users', 'password_hash', null],
      ['staff_users', 'totp_secret', null],
    ]);
    for (const field of manifest.omitted) expect(field.reason.length).toBeGreaterThan(10);
    expect(manifest.omittedNote).toMatch(/not exported/);
    expect(manifest.tables.find((t) => t.name === 'staff_users')?.columns).not.toContain('password_hash');

    // The rest of those rows is there.
    const staff = (entries.get('tables/staff_users.jsonl')?.toString() ?? '').split('\n').filter(Boolean);
    expect(staff.map((line) => JSON.parse(line).email).sort()).toContain('admin@agency.gov.vn');
    const settingsRows = (entries.get('tables/settings.jsonl')?.toString() ?? '')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { key: string; value: unknown });
    expect(settingsRows.find((r) => r.key === 'oidc')?.value).toEqual({
      issuer: 'https://sso.example.vn',
      clientId: 'motcua',
      displayName: 'VNeID',
    });
    expect(settingsRows.find((r) => r.key === 'test-scalar')?.value).toBe('vi');
  });
});
