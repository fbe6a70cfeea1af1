/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// What every console dossier page starts with: the page's language and base, and the signed-in
// staff member (the console's `gate()` pattern: signed out or not staff → /sign-in, second
// factor pending → its step, a role without the right → a 403 page).
import { type AuthContext, can, type StaffPrincipal, validateTenantSession } from '@motcua/auth';
import type { EngineContext } from '@motcua/engine';
import { type AuthPageBase, authHref, ForbiddenPage } from '@motcua/ui';
import type { Context } from 'hono';
import type { AppEnv } from '../../context.ts';
import { tenantSiteBase } from '../../tenant-mail.ts';
import { sessionToken, setSession } from '../auth/session.ts';
import { tenantPageBase } from '../page-base.ts';

export type Ctx = Context<AppEnv>;
type StaffRole = StaffPrincipal['role'];

export const pageBase = tenantPageBase;

export const redirectTo = (c: Ctx, base: AuthPageBase, path: string) => c.redirect(authHref(base, path), 303);

export type Gate =
  | { ctx: EngineContext; principal: StaffPrincipal; response?: undefined }
  | { response: Response | Promise<Response> };

/** Reading the queue and dossiers. */
export const readsDossiers = (role: StaffRole) => can(role, 'dossiers.read');

/** Taking any step in a dossier's life: the desk, case officers, leaders, records clerks. */
export const actsOnDossiers = (role: StaffRole) =>
  (['dossiers.receive', 'dossiers.process', 'dossiers.approve', 'dossiers.issue_result'] as const).some((p) =>
    can(role, p),
  );

/** The signed-in staff member whose role passes `allowed`, with the engine's context; or the answer instead. */
export async function gate(
  c: Ctx,
  base: AuthPageBase,
  allowed?: (role: StaffRole) => boolean,
): Promise<Gate> {
  const { database, clock } = c.get('deps');
  const validation = await validateTenantSession(database, c.get('tenant').slug, sessionToken(c));
  if (validation?.principal.kind !== 'staff') return { response: redirectTo(c, base, '/sign-in') };
  const principal = validation.principal;
  if (!validation.session.twoFactorVerified) {
    const step = principal.totpEnrolledAt ? '/sign-in/totp' : '/sign-in/totp/enrol';
    return { response: redirectTo(c, base, step) };
  }
  if (validation.refreshed) setSession(c, sessionToken(c) ?? '', validation.session.expiresAt);
  if (allowed && !allowed(principal.role)) {
    return { response: c.html(<ForbiddenPage {...base} path={new URL(c.req.url).pathname} />, 403) };
  }
  const ctx: AuthContext & EngineContext = {
    database,
    slug: c.get('tenant').slug,
    actor: { kind: 'staff', id: principal.id, role: principal.role },
    requestId: c.get('requestId'),
    ...(c.env.clientIp ? { ip: c.env.clientIp } : {}),
    now: clock,
    siteUrl: tenantSiteBase(c),
  };
  return { ctx, principal };
}

/** A urlencoded or multipart body as strings (files kept apart), the last value of a repeated name winning. */
export async function readForm(
  c: Ctx,
): Promise<{ fields: Record<string, string>; files: Record<string, File> }> {
  const body = await c.req.parseBody({ all: true });
  const fields: Record<string, string> = {};
  const files: Record<string, File> = {};
  for (const [key, raw] of Object.entries(body)) {
    const value = Array.isArray(raw) ? raw.at(-1) : raw;
    if (typeof value === 'string') fields[key] = value;
    else if (value instanceof File) files[key] = value;
  }
  return { fields, files };
}
