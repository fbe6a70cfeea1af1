import { withTenant } from '@motcua/db';
import { settings } from '@motcua/db/tenant';
import { createTestTenant, useTestDatabase } from '@motcua/db/testing';
import { ForbiddenError, ValidationError } from '@motcua/domain';
import { describe, expect, it } from 'vitest';
import { auditRows } from '../test/fixtures.ts';
import { getOidcSettings, loadOidcSettings, setOidcSettings } from './oidc-settings-store.ts';
import type { Actor } from './permissions.ts';

const database = useTestDatabase(4);
const admin: Actor = { kind: 'staff', id: 'usr_admin', role: 'admin' };
const secret = 'client-secret-7f3a9c';
const valid = {
  issuer: 'https://sso.dichvucong.example.vn',
  clientId: 'motcua-portal',
  clientSecret: secret,
  displayName: 'VNeID',
};

async function tenant() {
  const slug = await createTestTenant(database);
  return { database, slug, actor: admin, requestId: 'req_1' };
}

describe('setOidcSettings', () => {
  it('stores the settings, shows them back without the secret and audits the change without it', async () => {
    const ctx = await tenant();
    const view = await setOidcSettings(ctx, valid);
    expect(view).toEqual({ issuer: valid.issuer, clientId: valid.clientId, displayName: 'VNeID' });
    expect(await getOidcSettings(ctx)).toEqual(view);
    expect(await loadOidcSettings(database, ctx.slug)).toEqual(valid);
    const audit = await auditRows(database, ctx.slug);
    expect(audit).toEqual([
      {
        actor: 'staff:usr_admin',
        action: 'settings.oidc_updated',
        subject: 'oidc',
        requestId: 'req_1',
        ip: null,
        details: { ...view, redirectUri: null },
      },
    ]);
    expect(JSON.stringify(audit)).not.toContain(secret);
  });

  it('replaces earlier settings; a redirect URI is kept when given and null means none', async () => {
    const ctx = await tenant();
    await setOidcSettings(ctx, valid);
    const redirectUri = 'https://dichvucong.agency.gov.vn/api/auth/oidc/callback';
    await setOidcSettings(ctx, { ...valid, clientId: 'second', redirectUri });
    expect(await loadOidcSettings(database, ctx.slug)).toEqual({ ...valid, clientId: 'second', redirectUri });
    await setOidcSettings(ctx, { ...valid, redirectUri: null });
    expect(await loadOidcSettings(database, ctx.slug)).toEqual(valid);
  });

  it('refuses a role without settings.manage and stores nothing', async () => {
    const ctx = await tenant();
    const reception: Actor = { kind: 'staff', id: 'usr_desk', role: 'reception' };
    await expect(setOidcSettings({ ...ctx, actor: reception }, valid)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getOidcSettings({ ...ctx, actor: reception })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await loadOidcSettings(database, ctx.slug)).toBeNull();
  });

  it('lists every problem without repeating the secret, and stores nothing', async () => {
    const ctx = await tenant();
    const input = {
      ...valid,
      issuer: `http://u:${secret}@sso.example.vn`,
      clientId: '',
      displayName: ' ',
      redirectUri: 'https://portal.example.vn/cb#x',
    };
    const error = await setOidcSettings(ctx, input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    const details = (error as ValidationError).details as { path: string; message: string }[];
    expect(details.map((d) => d.path).sort()).toEqual(['clientId', 'displayName', 'issuer', 'redirectUri']);
    expect(JSON.stringify(details)).not.toContain(secret);
    expect(await loadOidcSettings(database, ctx.slug)).toBeNull();
  });

  it('takes an http issuer only on a host the operator allows (development and tests)', async () => {
    const ctx = await tenant();
    const local = { ...valid, issuer: 'http://127.0.0.1:4000' };
    await expect(setOidcSettings(ctx, local)).rejects.toBeInstanceOf(ValidationError);
    await expect(setOidcSettings({ ...ctx, allowHttp: true }, local)).rejects.toBeInstanceOf(ValidationError);
    await setOidcSettings({ ...ctx, egress: { allowedHosts: ['127.0.0.1'] } }, local);
    expect(await loadOidcSettings(database, ctx.slug, { allowedHosts: ['127.0.0.1'] })).toEqual(local);
  });
});

describe('loadOidcSettings', () => {
  it('reports a stored value that no longer parses, naming the tenant but not the secret', async () => {
    const { slug } = await tenant();
    await withTenant(database, slug, (db) =>
      db.insert(settings).values({ key: 'oidc', value: { ...valid, issuer: 'not a url' } }),
    );
    const error = await loadOidcSettings(database, slug).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain(slug);
    expect((error as Error).message).toContain('issuer must be an absolute URL');
    expect((error as Error).message).not.toContain(secret);
  });
});
