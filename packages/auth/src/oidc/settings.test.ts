import { describe, expect, it } from 'vitest';
import { createRelyingParty } from './relying-party.ts';
import { OidcSettingsError, type OidcSettingsOptions, parseOidcSettings } from './settings.ts';

const secret = 'super-secret-value-42';
const valid = {
  issuer: 'https://sso.dichvucong.example.vn',
  clientId: 'motcua-portal',
  clientSecret: secret,
  redirectUri: 'https://portal.example.vn/auth/oidc/callback',
};

function problemsOf(input: unknown, options?: OidcSettingsOptions): readonly string[] {
  try {
    parseOidcSettings(input, options);
  } catch (error) {
    expect(error).toBeInstanceOf(OidcSettingsError);
    expect((error as Error).message).not.toContain(secret);
    return (error as OidcSettingsError).problems;
  }
  return [];
}

describe('parseOidcSettings', () => {
  it('accepts valid settings and defaults the scopes', () => {
    expect(parseOidcSettings(valid)).toEqual({ ...valid, scopes: ['openid', 'profile', 'email'] });
    expect(parseOidcSettings({ ...valid, scopes: ['openid', 'openid'] }).scopes).toEqual(['openid']);
  });

  it.each([
    ['a missing issuer', { issuer: undefined }, 'issuer must be an absolute URL'],
    ['a relative issuer', { issuer: '/sso' }, 'issuer must be an absolute URL'],
    ['an http issuer', { issuer: 'http://sso.example.vn' }, 'issuer must use https:'],
    ['an issuer with a query', { issuer: 'https://sso.example.vn/?tenant=a' }, 'query or fragment'],
    ['an issuer with credentials', { issuer: `https://u:${secret}@sso.example.vn` }, 'user name or password'],
    ['an empty client id', { clientId: '' }, 'clientId must be a non-empty string'],
    ['a padded client id', { clientId: ' motcua ' }, 'clientId must be a non-empty string'],
    ['a missing secret', { clientSecret: undefined }, 'clientSecret must be a non-empty string'],
    ['a secret with spaces around it', { clientSecret: ` ${secret} ` }, 'clientSecret must be a non-empty'],
    ['an ftp redirect URI', { redirectUri: 'ftp://portal.example.vn/cb' }, 'redirectUri must use https:'],
    ['a redirect URI with a fragment', { redirectUri: `${valid.redirectUri}#x` }, 'must not have a fragment'],
    ['scopes without openid', { scopes: ['profile'] }, 'scopes must include openid'],
    ['a scope with a space', { scopes: ['openid', 'a b'] }, 'scopes must be a list'],
    ['scopes that are not a list', { scopes: 'openid' }, 'scopes must be a list'],
  ])('refuses %s', (_name, change, problem) => {
    const problems = problemsOf({ ...valid, ...change });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(problem);
  });

  it('lists every problem at once', () => {
    expect(problemsOf({ clientSecret: secret })).toHaveLength(3);
    expect(problemsOf(null)).toEqual(['settings must be an object']);
  });

  it('allows an http redirect URI only when asked, and an http issuer only on a host the operator allows', () => {
    const local = { ...valid, issuer: 'http://127.0.0.1:4000', redirectUri: 'http://127.0.0.1:3000/cb' };
    expect(problemsOf(local)).toHaveLength(2);
    expect(problemsOf(local, { allowHttp: true })).toEqual(['issuer must use https:']);
    expect(problemsOf(local, { allowHttp: true, allowedHosts: ['127.0.0.1'] })).toEqual([]);
    expect(problemsOf(local, { allowHttp: true, allowedHosts: ['127.0.0.1:4000'] })).toEqual([]);
    expect(problemsOf(local, { allowHttp: true, allowedHosts: ['127.0.0.1:4001', 'localhost'] })).toEqual([
      'issuer must use https:',
    ]);
  });

  it('is applied by createRelyingParty before any request', () => {
    expect(() => createRelyingParty({ ...valid, issuer: 'http://sso.example.vn' })).toThrow(
      OidcSettingsError,
    );
  });
});
