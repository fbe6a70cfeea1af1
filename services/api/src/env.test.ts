import { randomBytes } from 'node:crypto';
import { ConfigError } from '@motcua/config';
import { describe, expect, it } from 'vitest';
import { loadApiEnv } from './env.ts';

const base = {
  DATABASE_URL: 'postgres://motcua@127.0.0.1/motcua',
  MOTCUA_OPS_TOKEN: 'x'.repeat(24),
  SMTP_URL: 'smtps://u:p@smtp.example.vn:465',
};

function problemsOf(source: Record<string, string>): string[] {
  try {
    loadApiEnv(source);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems.map((p) => p.variable);
  }
  return [];
}

describe('the secret key', () => {
  it('is required in production, and the error names the variable', () => {
    expect(problemsOf({ ...base, NODE_ENV: 'production' })).toEqual(['MOTCUA_SECRET_KEY']);
    const key = randomBytes(32).toString('base64');
    expect(loadApiEnv({ ...base, NODE_ENV: 'production', MOTCUA_SECRET_KEY: key }).MOTCUA_SECRET_KEY).toBe(
      key,
    );
  });

  it('must be 32 bytes of base64 wherever it is given', () => {
    expect(problemsOf({ ...base, MOTCUA_SECRET_KEY: 'motcua' })).toEqual(['MOTCUA_SECRET_KEY']);
    expect(problemsOf(base)).toEqual([]);
  });
});
