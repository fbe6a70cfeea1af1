/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// What every portal page handler needs: the page's base props (language, agency name, path
// prefix), form fields, the signed-in citizen or the answer instead, and the not-found page.
import { validateTenantSession } from '@motcua/auth';
import { describeOnlineLevel, type ProcedureVersion } from '@motcua/domain';
import type { EngineContext, PublishedProcedure } from '@motcua/engine';
import {
  authHref,
  MessagePage,
  PortalCitizensOnlyPage,
  type PortalPageBase,
  type PortalProcedureCard,
  type PortalProcedureDetail,
  t,
} from '@motcua/ui';
import type { Context } from 'hono';
import type { AppEnv } from '../../context.ts';
import { tenantSiteBase } from '../../tenant-mail.ts';
import { sessionToken, setSession } from '../auth/session.ts';
import { tenantPageBase } from '../page-base.ts';

export type Ctx = Context<AppEnv>;

export const page = tenantPageBase;

export const scopeOf = (c: Ctx) => ({ database: c.get('deps').database, slug: c.get('tenant').slug });

export async function formFields(c: Ctx): Promise<Record<string, string>> {
  return (await formBody(c)).fields;
}

/** A urlencoded or multipart form: its text fields and, apart, its files. */
export async function formBody(
  c: Ctx,
): Promise<{ fields: Record<string, string>; files: Record<string, File> }> {
  const body = await c.req.parseBody();
  const fields: Record<string, string> = {};
  const files: Record<string, File> = {};
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === 'string') fields[key] = value;
    else if (value instanceof File) files[key] = value;
  }
  return { fields, files };
}

export const redirectTo = (c: Ctx, base: PortalPageBase, path: string) =>
  c.redirect(authHref(base, path), 303);

type Gate = { ctx: EngineContext; citizenId: string; response?: undefined } | { response: Response };

/**
 * The signed-in citizen, or the answer instead: signed out (or a sign-in not finished) → the
 * sign-in page; staff → a 403 page pointing to the console, where their work is.
 */
export async function citizenGate(c: Ctx, base: PortalPageBase): Promise<Gate> {
  const { database, clock } = c.get('deps');
  const slug = c.get('tenant').slug;
  const validation = await validateTenantSession(database, slug, sessionToken(c));
  if (!validation?.session.twoFactorVerified) return { response: redirectTo(c, base, '/sign-in') };
  if (validation.principal.kind !== 'citizen') {
    return { response: await c.html(<PortalCitizensOnlyPage {...base} path={c.req.path} />, 403) };
  }
  if (validation.refreshed) setSession(c, sessionToken(c) ?? '', validation.session.expiresAt);
  const citizenId = validation.principal.id;
  const ctx: EngineContext = {
    now: clock,
    siteUrl: tenantSiteBase(c),
    database,
    slug,
    actor: { kind: 'citizen', id: citizenId },
    requestId: c.get('requestId'),
    ...(c.env.clientIp ? { ip: c.env.clientIp } : {}),
  };
  return { ctx, citizenId };
}

/** A page of ours that does not exist for this person: the same answer whether absent or not theirs. */
export function notFound(c: Ctx, base: PortalPageBase) {
  return c.html(
    <MessagePage
      locale={base.locale}
      path={c.req.path}
      basePath={base.basePath}
      siteName={base.siteName}
      title={t(base.locale, 'notFoundTitle')}
      body={t(base.locale, 'notFoundBody')}
      links={[{ href: authHref(base, '/'), label: base.siteName }]}
    />,
    404,
  );
}

const sumFees = (fees: ProcedureVersion['fees']) =>
  fees.filter((f) => !f.showWhen).reduce((sum, f) => sum + f.amount, 0);

export function toProcedureCard({ document: d }: PublishedProcedure): PortalProcedureCard {
  return {
    code: d.code,
    name: d.name,
    sector: d.sector,
    onlineLevel: describeOnlineLevel(d.onlineLevel),
    processingTime: d.processingTime,
    feeFrom: sumFees(d.fees),
  };
}

export function toProcedureDetail(published: PublishedProcedure): PortalProcedureDetail {
  const d = published.document;
  return {
    ...toProcedureCard(published),
    description: d.description,
    audience: d.audience,
    legalBasis: d.legalBasis,
    fees: d.fees.map((f) => ({ name: f.name, amount: f.amount, conditional: f.showWhen !== undefined })),
    documents: d.documents.map((doc) => ({
      name: doc.name,
      required: doc.required,
      originals: doc.copies.originals,
      copies: doc.copies.copies,
      conditional: doc.showWhen !== undefined,
      templateFile: doc.templateFile,
    })),
  };
}
