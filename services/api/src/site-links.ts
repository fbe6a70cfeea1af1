// Where links point: the platform's and each agency's public origin, from configuration
// (PUBLIC_URL, PLATFORM_DOMAIN, PORT), never from a request's Host header — a forged one would
// otherwise put someone else's server, or port, into a reset or invitation email.
import type { ApiEnv } from './env.ts';

export type LinkEnv = Pick<ApiEnv, 'PUBLIC_URL' | 'PLATFORM_DOMAIN' | 'PORT'>;

/** The platform's origin: PUBLIC_URL, or http://<PLATFORM_DOMAIN>:<PORT> when it is unset. */
export function platformOrigin(env: LinkEnv): string {
  return env.PUBLIC_URL ?? `http://${env.PLATFORM_DOMAIN}:${env.PORT}`;
}

/**
 * An agency's site: its verified custom domain when it was reached by one, else
 * `<slug>.<PLATFORM_DOMAIN>`; either way with the platform's scheme and port.
 */
export function tenantOrigin(env: LinkEnv, slug: string, customDomain?: string): string {
  const platform = new URL(platformOrigin(env));
  const host = customDomain ?? `${slug}.${env.PLATFORM_DOMAIN}`;
  return `${platform.protocol}//${host}${platform.port ? `:${platform.port}` : ''}`;
}
