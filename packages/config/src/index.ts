// Configuration: every process parses its environment once, here, with zod.
import { z } from 'zod';

export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(readonly problems: readonly { variable: string; message: string }[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n')}`);
  }
}

/** Parses `source` (process.env by default) with `schema`; a bad value throws naming the variable. */
export function parseEnv<S extends z.ZodObject>(
  schema: S,
  source: Record<string, string | undefined> = process.env,
): z.infer<S> {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((issue) => ({
      variable: String(issue.path[0] ?? '(env)'),
      message: issue.message,
    })),
  );
}

const port = z.coerce.number().int().min(0).max(65_535);

export const serverEnv = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: port.default(3000),
  /**
   * The address the API listens on: this machine only by default (a development stack with demo
   * accounts must not be reachable from the network by accident); `0.0.0.0` in a container.
   */
  HOST: z.string().min(1).default('127.0.0.1'),
  PLATFORM_DOMAIN: z
    .string()
    .regex(/^[a-z0-9.-]+$/, 'a lower-case host name such as motcua.vn or localhost')
    .default('localhost'),
  /**
   * Where people reach the platform (scheme, host and port, no path), e.g. https://motcua.vn: the
   * origin of every link the platform mails or shows (reset, invitation, portal), so that a
   * request's Host header never decides them. Agencies' sites take its scheme and port on
   * `<slug>.<PLATFORM_DOMAIN>`. Unset: http://<PLATFORM_DOMAIN>:<PORT>.
   */
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'an http:// or https:// URL such as https://motcua.vn' })
    .refine((value) => {
      const url = URL.parse(value);
      return url?.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
    }, 'an origin only (scheme, host and port), without a path, query or credentials')
    .transform((value) => new URL(value).origin)
    .optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  MOTCUA_OPS_TOKEN: z.string().min(24, 'the bootstrap operator token must be at least 24 characters'),
  /**
   * How many reverse proxies (TLS terminators, load balancers) stand in front of the API. With
   * N > 0 the client address is the N-th address from the right of X-Forwarded-For and the
   * scheme is the nearest proxy's X-Forwarded-Proto (for Secure cookies and https links); with
   * 0 both headers are ignored, since anyone can send them.
   */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
});

export const databaseEnv = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'a postgres:// connection URL')
    .describe('login role of the application: not a superuser, with CREATEROLE and CREATE on the database'),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
});

export const storageEnv = z.object({
  S3_ENDPOINT: z.url().optional(),
  S3_REGION: z.string().min(1).default('ap-southeast-1'),
  S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{2,62}$/, 'an S3 bucket name (3-63 lower-case letters, digits, dots, hyphens)')
    .default('motcua-documents'),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /** How long to wait for a connection to storage, in milliseconds. */
  S3_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(2000),
  /**
   * How long to wait for storage to start answering a request, in milliseconds (uploads get a
   * second more per MiB): a stalled storage server must not hold requests for minutes.
   */
  S3_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5000),
});

/** Citizens' uploads: how much each may keep, and how long a declared file waits for its upload. */
export const documentsEnv = z.object({
  /** Per citizen of an agency: checked files and declared ones not yet checked, in MiB. */
  CITIZEN_STORAGE_QUOTA_MB: z.coerce.number().int().min(1).max(1_000_000).default(200),
  /**
   * A declared file never checked is removed (row and object) this many minutes after it was
   * declared. At least 20: the upload URL is valid for 15 minutes and must expire first.
   */
  UPLOAD_EXPIRY_MINUTES: z.coerce
    .number()
    .int()
    .min(20)
    .max(7 * 24 * 60)
    .default(60),
});

export const mailEnv = z.object({
  /** Unset: messages are written to the log instead of sent (local development only). */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/\s]+/, 'an smtp:// or smtps:// URL, e.g. smtps://user:pass@smtp.example.vn:465')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Motcua <no-reply@motcua.local>'),
});

const allowedHost = /^(\[[0-9a-f:.]+\]|[a-z0-9]([a-z0-9.-]*[a-z0-9])?)(:\d{1,5})?$/;

export const oidcEnv = z.object({
  /**
   * Identity provider hosts an agency admin may name although they are not public https hosts
   * (a provider inside the network, or a local one over http in development and tests):
   * comma-separated `host` (any port) or `host:port`. Every other provider must be https on an
   * address of the public internet.
   */
  OIDC_ALLOWED_HOSTS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((host) => host.trim().toLowerCase())
        .filter((host) => host !== ''),
    )
    .pipe(
      z.array(
        z
          .string()
          .regex(allowedHost, 'comma-separated host or host:port entries, e.g. idp.internal,127.0.0.1:8080'),
      ),
    ),
});

const secretKey = z
  .string()
  .trim()
  .refine((value) => {
    const bytes = Buffer.from(value, 'base64');
    return bytes.length === 32 && bytes.toString('base64') === value;
  }, '32 random bytes in base64, e.g. from `openssl rand -base64 32`');

export const secretsEnv = z.object({
  /**
   * Seals the secrets the platform stores and must read back (TOTP secrets, identity provider
   * client secrets). Required in production; `npm start` keeps one per checkout in
   * .data/secrets.json. Losing it makes those secrets unreadable (TOTP must be enrolled again).
   */
  MOTCUA_SECRET_KEY: secretKey.optional(),
  /** Keys rotated out, comma-separated: what they sealed is read and sealed again under the new key. */
  MOTCUA_SECRET_KEY_PREVIOUS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((key) => key.trim())
        .filter((key) => key !== ''),
    )
    .pipe(z.array(secretKey)),
});

export type ServerEnv = z.infer<typeof serverEnv>;
export type DatabaseEnv = z.infer<typeof databaseEnv>;
export type StorageEnv = z.infer<typeof storageEnv>;
export type DocumentsEnv = z.infer<typeof documentsEnv>;
export type MailEnv = z.infer<typeof mailEnv>;
export type OidcEnv = z.infer<typeof oidcEnv>;
export type SecretsEnv = z.infer<typeof secretsEnv>;
