import { describe, expect, it } from 'vitest';
import { ConfigError, databaseEnv, parseEnv, serverEnv, storageEnv } from './index.ts';

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
});
