import { ConfigError } from '@motcua/config';
import { describe, expect, it } from 'vitest';
import { loadWorkerEnv } from './env.ts';

const url = 'postgres://motcua_app:secret@127.0.0.1:5432/motcua';

describe('loadWorkerEnv', () => {
  it('applies defaults', () => {
    expect(loadWorkerEnv({ DATABASE_URL: url })).toEqual({
      DATABASE_URL: url,
      DATABASE_POOL_MAX: 10,
      MAIL_FROM: 'Motcua <no-reply@motcua.local>',
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
    });
  });

  it('names every bad variable', () => {
    try {
      loadWorkerEnv({ DATABASE_URL: 'mysql://x', SMTP_URL: 'http://mail', LOG_LEVEL: 'loud' });
      expect.unreachable('should have thrown');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems.map((p) => p.variable).sort()).toEqual([
        'DATABASE_URL',
        'LOG_LEVEL',
        'SMTP_URL',
      ]);
    }
  });

  it('refuses production without an SMTP server, and accepts it with one', () => {
    expect(() => loadWorkerEnv({ DATABASE_URL: url, NODE_ENV: 'production' })).toThrow(/SMTP_URL/);
    const env = loadWorkerEnv({ DATABASE_URL: url, NODE_ENV: 'production', SMTP_URL: 'smtp://relay:25' });
    expect(env.SMTP_URL).toBe('smtp://relay:25');
  });
});
