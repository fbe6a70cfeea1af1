// The account rules of OIDC sign-in, with identities as the relying party would hand them over.
// The whole flow against a real provider is tested through HTTP in services/api.
import { type TenantSlug, withTenant } from '@motcua/db';
import { citizens } from '@motcua/db/tenant';
import { createTestTenant, useTestDatabase } from '@motcua/db/testing';
import { describe, expect, it } from 'vitest';
import { auditRows } from '../test/fixtures.ts';
import { OidcSignInError } from './oidc/errors.ts';
import type { OidcIdentity } from './oidc/relying-party.ts';
import { setOidcSettings } from './oidc-settings-store.ts';
import { completeOidcSignIn, findOrCreateCitizen, OidcNotConfiguredError } from './sign-in-with-oidc.ts';

const database = useTestDatabase(6);
const issuer = 'https://sso.dichvucong.example.vn';
const person: OidcIdentity = {
  issuer,
  subject: '079123456789',
  name: 'Nguyễn Văn A',
  email: 'Nguyen.Van.A@example.vn',
  emailVerified: true,
};

const signIn = (slug: TenantSlug, identity: OidcIdentity) =>
  withTenant(database, slug, (db) => findOrCreateCitizen(db, identity));

async function citizensOf(slug: TenantSlug) {
  return withTenant(database, slug, (db) =>
    db
      .select({
        id: citizens.id,
        email: citizens.email,
        fullName: citizens.fullName,
        identityVerified: citizens.identityVerified,
        oidcIssuer: citizens.oidcIssuer,
        oidcSubject: citizens.oidcSubject,
      })
      .from(citizens)
      .orderBy(citizens.id),
  );
}

async function addCitizen(slug: TenantSlug, id: string, fields: Partial<typeof citizens.$inferInsert> = {}) {
  await withTenant(database, slug, (db) =>
    db.insert(citizens).values({ id, email: 'nguyen.van.a@example.vn', fullName: 'Nguyễn A', ...fields }),
  );
}

describe('findOrCreateCitizen', () => {
  it('creates a verified citizen with the verified email in lower case, then finds it again', async () => {
    const slug = await createTestTenant(database);
    const first = await signIn(slug, person);
    expect(first.outcome).toBe('created');
    expect(await citizensOf(slug)).toEqual([
      {
        id: first.id,
        email: 'nguyen.van.a@example.vn',
        fullName: 'Nguyễn Văn A',
        identityVerified: true,
        oidcIssuer: issuer,
        oidcSubject: person.subject,
      },
    ]);
    expect(await signIn(slug, { issuer, subject: person.subject })).toEqual({
      id: first.id,
      outcome: 'returning',
    });
    expect(await citizensOf(slug)).toHaveLength(1);
  });

  it('marks a linked citizen verified again if someone had cleared the mark', async () => {
    const slug = await createTestTenant(database);
    await addCitizen(slug, 'usr_known', { oidcIssuer: issuer, oidcSubject: person.subject });
    expect(await signIn(slug, person)).toEqual({ id: 'usr_known', outcome: 'returning' });
    expect(await citizensOf(slug)).toMatchObject([{ id: 'usr_known', identityVerified: true }]);
  });

  it('links the account that has the verified email and no identity yet, whatever its case', async () => {
    const slug = await createTestTenant(database);
    await addCitizen(slug, 'usr_registered', { email: 'NGUYEN.VAN.A@example.vn' });
    expect(await signIn(slug, person)).toEqual({ id: 'usr_registered', outcome: 'linked' });
    expect(await citizensOf(slug)).toEqual([
      {
        id: 'usr_registered',
        email: 'NGUYEN.VAN.A@example.vn',
        fullName: 'Nguyễn A',
        identityVerified: true,
        oidcIssuer: issuer,
        oidcSubject: person.subject,
      },
    ]);
  });

  it.each([
    ['is not verified', { emailVerified: false }],
    ['has no verification claim', { emailVerified: undefined }],
  ])('neither links nor stores an email that %s', async (_name, change) => {
    const slug = await createTestTenant(database);
    await addCitizen(slug, 'usr_owner');
    const { emailVerified: _drop, ...rest } = person;
    const identity = { ...rest, ...change } as OidcIdentity;
    const { id, outcome } = await signIn(slug, identity);
    expect(outcome).toBe('created');
    const rows = await citizensOf(slug);
    expect(rows).toHaveLength(2);
    expect(rows.find((row) => row.id === 'usr_owner')).toMatchObject({
      email: 'nguyen.van.a@example.vn',
      identityVerified: false,
      oidcSubject: null,
    });
    expect(rows.find((row) => row.id === id)).toMatchObject({
      email: null,
      identityVerified: true,
      oidcSubject: person.subject,
    });
  });

  it('does not take over an account already linked to another identity; the new one has no email', async () => {
    const slug = await createTestTenant(database);
    await addCitizen(slug, 'usr_other', { oidcIssuer: issuer, oidcSubject: '001987654321' });
    const { id, outcome } = await signIn(slug, { ...person, name: undefined } as OidcIdentity);
    expect(outcome).toBe('created');
    const rows = await citizensOf(slug);
    expect(rows.find((row) => row.id === 'usr_other')).toMatchObject({ oidcSubject: '001987654321' });
    expect(rows.find((row) => row.id === id)).toMatchObject({ email: null, fullName: 'Công dân' });
  });

  it('gives concurrent first sign-ins of one person one account', async () => {
    const slug = await createTestTenant(database);
    const results = await Promise.all([signIn(slug, person), signIn(slug, person), signIn(slug, person)]);
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(await citizensOf(slug)).toHaveLength(1);
  });
});

describe('completeOidcSignIn', () => {
  const ctx = (slug: TenantSlug) => ({
    database,
    slug,
    redirectUri: 'http://portal.motcua.test/api/auth/oidc/callback',
    allowHttp: true,
    egress: { allowedHosts: ['127.0.0.1'] },
    requestId: 'req_cb',
  });

  it('answers OidcNotConfiguredError on a tenant without settings', async () => {
    const slug = await createTestTenant(database);
    const callbackUrl = 'http://portal.motcua.test/api/auth/oidc/callback?code=c&state=s';
    await expect(completeOidcSignIn(ctx(slug), { callbackUrl, pending: null })).rejects.toBeInstanceOf(
      OidcNotConfiguredError,
    );
    expect(await auditRows(database, slug)).toEqual([]);
  });

  it('refuses a callback without a pending sign-in before asking the provider, and audits the code only', async () => {
    const slug = await createTestTenant(database);
    const actor = { kind: 'staff' as const, id: 'usr_admin', role: 'admin' as const };
    // Nothing listens there: reaching the provider would fail as provider_unavailable instead.
    await setOidcSettings(
      { database, slug, actor, allowHttp: true, egress: { allowedHosts: ['127.0.0.1'] } },
      { issuer: 'http://127.0.0.1:9', clientId: 'portal', clientSecret: 'x', displayName: 'VNeID' },
    );
    const callbackUrl = 'http://portal.motcua.test/api/auth/oidc/callback?code=c&state=s';
    const error = await completeOidcSignIn(ctx(slug), { callbackUrl, pending: null }).catch((e) => e);
    expect(error).toBeInstanceOf(OidcSignInError);
    expect(error).toMatchObject({ code: 'state_mismatch' });
    expect(await citizensOf(slug)).toEqual([]);
    expect((await auditRows(database, slug)).at(-1)).toEqual({
      actor: 'anonymous',
      action: 'auth.oidc_failed',
      subject: null,
      requestId: 'req_cb',
      ip: null,
      details: { code: 'state_mismatch' },
    });
  });
});
