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
      // Storage, for the upload expiry job.
      S3_BUCKET: 'motcua-documents',
      S3_REGION: 'ap-southeast-1',
      S3_FORCE_PATH_STYLE: true,
      S3_CONNECT_TIMEOUT_MS: 2000,
      S3_REQUEST_TIMEOUT_MS: 5000,
      UPLOAD_EXPIRY_MINUTES: 60,
    });
  });

  it('refuses an upload expiry shorter than the upload URL lives', () => {
    expect(() => loadWorkerEnv({ DATABASE_URL: url, UPLOAD_EXPIRY_MINUTES: '15' })).toThrow(
      /UPLOAD_EXPIRY_MINUTES/,
    );
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
