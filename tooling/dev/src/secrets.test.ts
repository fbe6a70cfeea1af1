// The checkout's secrets: made once, kept across starts, private to the user, and a file an
// older launcher wrote (only appPassword and opsToken) gets the fields it lacks.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { localSecrets } from './secrets.ts';

const dir = mkdtempSync(join(tmpdir(), 'motcua-secrets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('localSecrets', () => {
  it('fills in what an older file lacks, keeps what it has, and makes the file 0600', () => {
    const file = join(dir, 'secrets.json');
    writeFileSync(file, JSON.stringify({ appPassword: 'kept-app', opsToken: 'kept-token-kept-token-kept' }), {
      mode: 0o644,
    });
    const secrets = localSecrets(dir);
    expect(secrets).toMatchObject({ appPassword: 'kept-app', opsToken: 'kept-token-kept-token-kept' });
    for (const field of ['pgSuperuserPassword', 's3AccessKeyId', 's3SecretAccessKey', 'demoTotpKey']) {
      expect(secrets[field as keyof typeof secrets].length, field).toBeGreaterThanOrEqual(20);
    }
    expect(secrets.demoPassword).toMatch(/^demo-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}$/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(secrets);
    expect(localSecrets(dir)).toEqual(secrets); // the next start reads the same

    const other = mkdtempSync(join(dir, 'other-'));
    const elsewhere = localSecrets(other);
    for (const field of Object.keys(secrets) as (keyof typeof secrets)[]) {
      expect(elsewhere[field], field).not.toBe(secrets[field]); // another checkout, other secrets
    }
  });
});
