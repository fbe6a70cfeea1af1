import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError, databaseEnv, oidcEnv, parseEnv, secretsEnv, serverEnv, storageEnv } from './index.ts';

const token = 'x'.repeat(32);

describe('parseEnv', () => {
  it('applies defaults', () => {
    const env = parseEnv(serverEnv, { MOTCUA_OPS_TOKEN: token });
    expect(env).toMatchObject({
      PORT: 3000,
      HOST: '127.0.0.1',
      PLATFORM_DOMAIN: 'localhost',
      LOG_LEVEL: 'info',
    });
  });

  it('names every bad variable', () => {
    try {
      parseEnv(serverEnv.extend(databaseEnv.shape), { PORT: 'eighty', DATABASE_URL: 'mysql://x' });
      expect.unreachable('should have thrown');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const names = (error as ConfigError).problems.map((p) => p.variable).sort();
      expect(names).toEqual(['DATABASE_URL', 'MOTCUA_OPS_TOKEN', 'PORT']);
      expect((error as Error).message).toContain('PORT:');
    }
  });

  it('keeps PUBLIC_URL as an origin, and refuses anything else', () => {
    const env = (PUBLIC_URL: string) => parseEnv(serverEnv, { MOTCUA_OPS_TOKEN: token, PUBLIC_URL });
    expect(env('https://Motcua.vn/').PUBLIC_URL).toBe('https://motcua.vn');
    expect(env('http://localhost:3000').PUBLIC_URL).toBe('http://localhost:3000');
    expect(parseEnv(serverEnv, { MOTCUA_OPS_TOKEN: token }).PUBLIC_URL).toBeUndefined();
    for (const bad of ['motcua.vn', 'ftp://motcua.vn', 'https://motcua.vn/portal', 'https://u:p@motcua.vn']) {
      expect(() => env(bad), bad).toThrow(/PUBLIC_URL/);
    }
  });

  it('parses storage flags', () => {
    expect(parseEnv(storageEnv, { S3_FORCE_PATH_STYLE: 'false' }).S3_FORCE_PATH_STYLE).toBe(false);
    expect(() => parseEnv(storageEnv, { S3_BUCKET: 'A_B' })).toThrow(/S3_BUCKET/);
  });

  it('reads the identity provider hosts an operator allows', () => {
    expect(parseEnv(oidcEnv, {}).OIDC_ALLOWED_HOSTS).toEqual([]);
    expect(
      parseEnv(oidcEnv, { OIDC_ALLOWED_HOSTS: ' IdP.internal, 127.0.0.1:8080,[::1]:9000,' })
        .OIDC_ALLOWED_HOSTS,
    ).toEqual(['idp.internal', '127.0.0.1:8080', '[::1]:9000']);
    expect(() => parseEnv(oidcEnv, { OIDC_ALLOWED_HOSTS: 'https://idp.internal/' })).toThrow(
      /OIDC_ALLOWED_HOSTS/,
    );
  });

  it('reads the secret key and the rotated-out ones, refusing anything but 32 bytes of base64', () => {
    const key = randomBytes(32).toString('base64');
    const old = randomBytes(32).toString('base64');
    expect(parseEnv(secretsEnv, {})).toEqual({ MOTCUA_SECRET_KEY_PREVIOUS: [] });
    expect(parseEnv(secretsEnv, { MOTCUA_SECRET_KEY: key, MOTCUA_SECRET_KEY_PREVIOUS: `${old}, ` })).toEqual({
      MOTCUA_SECRET_KEY: key,
      MOTCUA_SECRET_KEY_PREVIOUS: [old],
    });
    expect(() => parseEnv(secretsEnv, { MOTCUA_SECRET_KEY: randomBytes(16).toString('base64') })).toThrow(
      /MOTCUA_SECRET_KEY: 32 random bytes/,
    );
    expect(() => parseEnv(secretsEnv, { MOTCUA_SECRET_KEY_PREVIOUS: 'nope' })).toThrow(
      /MOTCUA_SECRET_KEY_PREVIOUS/,
    );
  });
});
