/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// Who may use the dossier form pages (a signed-in citizen of this agency), the page's language
// and links, and the dossier with the procedure version it is filed under.
import { validateTenantSession } from '@motcua/auth';
import { NotFoundError, type ProcedureVersion } from '@motcua/domain';
import { type DossierView, type EngineContext, getDossier, getProcedure } from '@motcua/engine';
import { authHref, MessagePage, type PortalFormBase, portalFormText } from '@motcua/ui';
import type { Context } from 'hono';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../../context.ts';
import { tenantSiteBase } from '../../tenant-mail.ts';
import { sessionToken, setSession } from '../auth/session.ts';
import { tenantPageBase } from '../page-base.ts';

export type Ctx = Context<AppEnv>;

export const pageBase = tenantPageBase;

export function redirectTo(c: Ctx, base: PortalFormBase, path: string, fragment?: string) {
  return c.redirect(`${authHref(base, path)}${fragment ? `#${fragment}` : ''}`, 303);
}

/** The pages hold personal data: never cached, by the browser or anyone between. */
export function page(
  c: Ctx,
  html: HtmlEscapedString | Promise<HtmlEscapedString>,
  status: ContentfulStatusCode = 200,
) {
  c.header('Cache-Control', 'no-store');
  return c.html(html, status);
}

function message(
  c: Ctx,
  base: PortalFormBase,
  status: ContentfulStatusCode,
  text: { title: string; body: string },
  links: { href: string; label: string }[] = [],
) {
  const path = new URL(c.req.url).pathname;
  return page(c, <MessagePage {...base} path={path} {...text} links={links} />, status);
}

export type Gate = { ctx: EngineContext; response?: undefined } | { response: Response | Promise<Response> };

/**
 * The signed-in citizen's verb context, or the answer instead: signed out (or signed in
 * elsewhere) → /sign-in; staff → a 403 page, since a dossier is filed by the applicant.
 */
export async function citizenGate(c: Ctx, base: PortalFormBase): Promise<Gate> {
  const { database, clock } = c.get('deps');
  const slug = c.get('tenant').slug;
  const validation = await validateTenantSession(database, slug, sessionToken(c));
  if (!validation?.session.twoFactorVerified) return { response: redirectTo(c, base, '/sign-in') };
  if (validation.principal.kind !== 'citizen') {
    const say = (key: Parameters<typeof portalFormText>[1]) => portalFormText(base.locale, key);
    return { response: message(c, base, 403, { title: say('staffOnlyTitle'), body: say('staffOnlyBody') }) };
  }
  if (validation.refreshed) setSession(c, sessionToken(c) ?? '', validation.session.expiresAt);
  return {
    ctx: {
      database,
      slug,
      now: clock,
      siteUrl: tenantSiteBase(c),
      actor: { kind: 'citizen', id: validation.principal.id },
      requestId: c.get('requestId'),
      ...(c.env.clientIp ? { ip: c.env.clientIp } : {}),
    },
  };
}

export interface Loaded {
  dossier: DossierView;
  /** Printed on the receipt with the code; null for drafts. */
  trackingKey: string | null;
  procedureName: string;
  /** The version the dossier keeps; undefined when the agency has published a newer one since. */
  version: ProcedureVersion | undefined;
}

/**
 * The dossier (not found unless it is the citizen's own) and its procedure version. The engine
 * serves a procedure's current version only, so a draft started under an older one cannot be
 * shown; the person is asked to start again on the current form.
 */
export async function loadDossier(ctx: EngineContext, id: string, locale: PortalFormBase['locale']) {
  const { dossier, trackingKey } = await getDossier(ctx, id);
  try {
    const current = await getProcedure({ database: ctx.database, slug: ctx.slug }, dossier.procedureCode);
    const same = current.versionId === dossier.procedureVersionId;
    return {
      dossier,
      trackingKey,
      procedureName: current.document.name[locale],
      version: same ? current.document : undefined,
    } satisfies Loaded;
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    return {
      dossier,
      trackingKey,
      procedureName: dossier.procedureCode,
      version: undefined,
    } satisfies Loaded;
  }
}

export function versionChanged(c: Ctx, base: PortalFormBase, loaded: Loaded) {
  const say = (key: Parameters<typeof portalFormText>[1]) => portalFormText(base.locale, key);
  const again = authHref(base, `/dossiers/new?procedure=${encodeURIComponent(loaded.dossier.procedureCode)}`);
  return message(c, base, 409, { title: say('versionChangedTitle'), body: say('versionChangedBody') }, [
    { href: again, label: say('startAgain') },
  ]);
}

export function tooLarge(c: Ctx) {
  const base = pageBase(c);
  const say = (key: Parameters<typeof portalFormText>[1]) => portalFormText(base.locale, key);
  const back = authHref(base, new URL(c.req.url).pathname.replace(/\/files$/, '/edit'));
  return message(c, base, 413, { title: say('tooLargeTitle'), body: say('tooLargeBody') }, [
    { href: back, label: say('backToForm') },
  ]);
}
