// The launcher's secrets, made once per checkout and kept in .data/secrets.json (mode 0600):
// nothing a local stack relies on is the same on two machines. One generator per field; a file
// written by an older launcher gets the fields it lacks, and keeps the ones it has.
import { randomBytes, randomInt } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const token = (bytes: number) => () => randomBytes(bytes).toString('base64url');

/** Easy to type from the terminal into a sign-in form: 3 groups of 4, no look-alike characters. */
function readablePassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  const group = () => Array.from({ length: 4 }, () => alphabet[randomInt(alphabet.length)]).join('');
  return `demo-${group()}-${group()}-${group()}`;
}

const generators = {
  /** The application's login role in the embedded PostgreSQL. */
  appPassword: token(18),
  /** The bootstrap operator token (unless MOTCUA_OPS_TOKEN is set). */
  opsToken: token(24),
  /** The embedded PostgreSQL's superuser, postgres. */
  pgSuperuserPassword: token(18),
  /** The embedded S3 server's key pair. */
  s3AccessKeyId: () => `MOTCUA${randomBytes(10).toString('hex').toUpperCase()}`,
  s3SecretAccessKey: token(30),
  /** Every demo account's password. */
  demoPassword: readablePassword,
  /** The demo accounts' TOTP secrets are derived from it, one per account. */
  demoTotpKey: token(32),
  /** MOTCUA_SECRET_KEY: seals stored TOTP and identity provider secrets (32 bytes, base64). */
  secretKey: () => randomBytes(32).toString('base64'),
} satisfies Record<string, () => string>;

export type LocalSecrets = { [K in keyof typeof generators]: string };

export function localSecrets(dataDir: string): LocalSecrets {
  const file = join(dataDir, 'secrets.json');
  const kept = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Partial<LocalSecrets>) : {};
  const secrets = { ...kept } as LocalSecrets;
  let added = false;
  for (const [field, generate] of Object.entries(generators) as [keyof LocalSecrets, () => string][]) {
    if (typeof secrets[field] === 'string' && secrets[field].length > 0) continue;
    secrets[field] = generate();
    added = true;
  }
  if (added) writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600); // also a file an older launcher wrote
  return secrets;
}
