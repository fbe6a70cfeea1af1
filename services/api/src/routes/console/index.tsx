/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The agency admin's console pages for identity and access: staff, API keys, the audit trail,
// plus the public acceptance of an invitation and TOTP enrolment after a password. Plain
// forms; the verbs of @motcua/auth do the work, and their errors become an error summary.
import {
  type AuthContext,
  acceptInvitation,
  apiKeyPermissions,
  beginTotpEnrolment,
  can,
  checkAuditChain,
  checkPassword,
  confirmTotpEnrolment,
  createApiKey,
  inviteStaff,
  listApiKeys,
  listStaff,
  listUnitChoices,
  type Permission,
  readAuditLog,
  resendInvitation,
  revokeApiKey,
  type StaffPrincipal,
  totpUri,
  updateStaff,
  validateTenantSession,
} from '@motcua/auth';
import {
  ConflictError,
  LimitExceededError,
  PreconditionFailedError,
  UnauthenticatedError,
  ValidationError,
} from '@motcua/domain';
import {
  AcceptInvitationPage,
  ApiKeysPage,
  AuditPage,
  type AuthPageBase,
  authHref,
  authText,
  type ConsoleStringKey,
  consoleText,
  ForbiddenPage,
  type FormError,
  type Locale,
  passwordProblemText,
  StaffPage,
  TotpEnrolPage,
} from '@motcua/ui';
import { type Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../../context.ts';
import { tenantSiteBase } from '../../tenant-mail.ts';
import { sessionToken, setSession } from '../auth/session.ts';
import { consoleHomeHandler } from '../console-dossiers/index.tsx';
import { tenantPageBase } from '../page-base.ts';

type Ctx = Context<AppEnv>;

const page = tenantPageBase;

async function form(c: Ctx): Promise<Record<string, string | string[]>> {
  const body = await c.req.parseBody({ all: true });
  const fields: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === 'string') fields[key] = value;
    else if (Array.isArray(value)) fields[key] = value.filter((v): v is string => typeof v === 'string');
  }
  return fields;
}
const one = (value: string | string[] | undefined) =>
  Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
const many = (value: string | string[] | undefined) => (Array.isArray(value) ? value : value ? [value] : []);

function trace(c: Ctx) {
  return { requestId: c.get('requestId'), ...(c.env.clientIp ? { ip: c.env.clientIp } : {}) };
}

const redirectTo = (c: Ctx, base: AuthPageBase, path: string) => c.redirect(authHref(base, path), 303);

type Gate =
  | { ctx: AuthContext; principal: StaffPrincipal; response?: undefined }
  | { response: Response | Promise<Response> };

/**
 * The signed-in staff member with `permission`, or the answer instead: signed out or not
 * staff → /sign-in; second factor pending → its step; the permission missing → a 403 page.
 */
async function gate(c: Ctx, base: AuthPageBase, permission?: Permission): Promise<Gate> {
  const { database } = c.get('deps');
  const validation = await validateTenantSession(database, c.get('tenant').slug, sessionToken(c));
  if (validation?.principal.kind !== 'staff') return { response: redirectTo(c, base, '/sign-in') };
  const principal = validation.principal;
  if (!validation.session.twoFactorVerified) {
    const step = principal.totpEnrolledAt ? '/sign-in/totp' : '/sign-in/totp/enrol';
    return { response: redirectTo(c, base, step) };
  }
  if (validation.refreshed) setSession(c, sessionToken(c) ?? '', validation.session.expiresAt);
  if (permission && !can(principal.role, permission)) {
    return { response: c.html(<ForbiddenPage {...base} path={new URL(c.req.url).pathname} />, 403) };
  }
  const ctx: AuthContext = {
    database,
    slug: c.get('tenant').slug,
    actor: { kind: 'staff', id: principal.id, role: principal.role },
    ...trace(c),
  };
  return { ctx, principal };
}

/** Field messages in the page's language; the verbs' own messages are English. */
const fieldMessages: Record<string, ConsoleStringKey> = {
  email: 'errEmail',
  fullName: 'errFullName',
  role: 'errRole',
  unitId: 'errUnit',
  name: 'errKeyName',
  mode: 'errKeyMode',
  permissions: 'errKeyPermissions',
};

interface Shown {
  status: ContentfulStatusCode;
  errors: FormError[];
}

/** Turns a verb's error into what the form shows, or rethrows anything else for onError. */
function shownError(c: Ctx, locale: Locale, error: unknown): Shown {
  const say = (key: ConsoleStringKey) => consoleText(locale, key);
  if (error instanceof LimitExceededError) {
    if (error.retryAfterSeconds) c.header('Retry-After', String(error.retryAfterSeconds));
    return { status: 429, errors: [{ message: authText(locale, 'errTooMany') }] };
  }
  if (error instanceof ConflictError)
    return { status: 409, errors: [{ field: 'email', message: say('errEmailTaken') }] };
  if (error instanceof PreconditionFailedError) {
    const key: ConsoleStringKey =
      error.code === 'self_change'
        ? 'errSelfChange'
        : error.code === 'last_admin'
          ? 'errLastAdmin'
          : error.code === 'totp_already_enrolled'
            ? 'errAlreadyEnrolled'
            : 'errNotInvited';
    return { status: 409, errors: [{ message: say(key) }] };
  }
  if (!(error instanceof ValidationError)) throw error;
  // Two shapes: `[{ path }]` (zod inputs) and `{ fieldErrors }` (API keys).
  const details = error.details as unknown;
  const fields = Array.isArray(details)
    ? details.map((d: { path?: unknown }) => String(d.path ?? ''))
    : Object.keys((details as { fieldErrors?: Record<string, unknown> } | undefined)?.fieldErrors ?? {});
  const errors: FormError[] = [...new Set(fields.filter(Boolean))].map((field) => {
    const key = fieldMessages[field];
    return key ? { field, message: say(key) } : { message: authText(locale, 'errInvalid') };
  });
  if (!errors.length) errors.push({ message: authText(locale, 'errInvalid') });
  return { status: 400, errors };
}

const grantable = (role: StaffPrincipal['role']) => apiKeyPermissions.filter((p) => can(role, p));

export function consolePageRoutes() {
  const app = new Hono<AppEnv>();
  // These pages hold personal data, secrets and one-time state: never cache them.
  app.use('*', async (c, next) => {
    await next();
    if (c.res.headers.get('content-type')?.startsWith('text/html')) c.header('Cache-Control', 'no-store');
  });

  // The home shows what needs attention in the dossiers, then the admin's links.
  app.get('/console', consoleHomeHandler);

  // Staff.
  const staffPage = async (
    c: Ctx,
    base: AuthPageBase,
    ctx: AuthContext,
    extra: Partial<Parameters<typeof StaffPage>[0]> = {},
    status: ContentfulStatusCode = 200,
  ) =>
    c.html(
      <StaffPage {...base} {...extra} staff={await listStaff(ctx)} units={await listUnitChoices(ctx)} />,
      status,
    );

  app.get('/console/staff', async (c) => {
    const base = page(c);
    const g = await gate(c, base, 'staff.manage');
    if (g.response) return g.response;
    const invited = c.req.query('invited');
    return staffPage(c, base, g.ctx, {
      ...(invited ? { invited } : {}),
      changed: c.req.query('changed') === '1',
    });
  });
  app.post('/console/staff/invite', async (c) => {
    const base = page(c);
    const g = await gate(c, base, 'staff.manage');
    if (g.response) return g.response;
    const fields = await form(c);
    const values = {
      email: one(fields.email),
      fullName: one(fields.fullName),
      role: one(fields.role),
      unitId: one(fields.unitId),
    };
    try {
      const deps = { linkBase: tenantSiteBase(c), siteName: c.get('tenant').name };
      const staff = await inviteStaff(g.ctx, { ...values, unitId: values.unitId || null }, deps);
      return redirectTo(c, base, `/console/staff?invited=${encodeURIComponent(staff.email)}`);
    } catch (error) {
      const { status, errors } = shownError(c, base.locale, error);
      return staffPage(c, base, g.ctx, { errors, values }, status);
    }
  });
  // A new link for someone who has not accepted yet; the earlier one stops working.
  app.post('/console/staff/:id/invitation', async (c) => {
    const base = page(c);
    const g = await gate(c, base, 'staff.manage');
    if (g.response) return g.response;
    const id = c.req.param('id');
    try {
      await resendInvitation(g.ctx, { id }, { linkBase: tenantSiteBase(c), siteName: c.get('tenant').name });
      const [person] = (await listStaff(g.ctx)).filter((s) => s.id === id);
      return redirectTo(c, base, `/console/staff?invited=${encodeURIComponent(person?.email ?? '')}`);
    } catch (error) {
      const shown = shownError(c, base.locale, error);
      const errors = shown.errors.map((e) => ({ field: `role-${id}`, message: e.message }));
      return staffPage(c, base, g.ctx, { errors, failedRow: id }, shown.status);
    }
  });
  app.post('/console/staff/:id', async (c) => {
    const base = page(c);
    const g = await gate(c, base, 'staff.manage');
    if (g.response) return g.response;
    const id = c.req.param('id');
    const fields = await form(c);
    const role = one(fields.role);
    const status = one(fields.status);
    // The unit select is always sent: an empty choice means the whole agency.
    const unitId = fields.unitId === undefined ? {} : { unitId: one(fields.unitId) || null };
    try {
      await updateStaff(g.ctx, { id, ...(role ? { role } : {}), ...(status ? { status } : {}), ...unitId });
      return redirectTo(c, base, '/console/staff?changed=1');
    } catch (error) {
      const shown = shownError(c, base.locale, error);
      // The summary links to the row's role control; the message stands next to it too.
      const errors = shown.errors.map((e) => ({ field: `role-${id}`, message: e.message }));
      return staffPage(c, base, g.ctx, { errors, failedRow: id }, shown.status);
    }
  });

  // API keys.
  const keysPage = async (
    c: Ctx,
    base: AuthPageBase,
    g: { ctx: AuthContext; principal: StaffPrincipal },
    extra: Partial<Parameters<typeof ApiKeysPage>[0]> = {},
    status: ContentfulStatusCode = 200,
  ) =>
    c.html(
      <ApiKeysPage
        {...base}
        {...extra}
        keys={await listApiKeys(g.ctx, { includeRevoked: true })}
        grantable={grantable(g.principal.role)}
      />,
      status,
    );

  app.get('/console/api-keys', async (c) => {
    const base = page(c);
    const g = await gate(c, base, 'api_keys.manage');
    if (g.response) return g.response;
    return keysPage(c, base, g, { revoked: c.req.query('revoked') === '1' });
  });
  app.post('/console/api-keys', async (c) => {
    const base = page(c);
    const g = await gate(c, base, 'api_keys.manage');
    if (g.response) return g.response;
    const fields = await form(c);
    const values = { name: one(fields.name), mode: one(fields.mode), permissions: many(fields.permissions) };
    try {
      const { key, apiKey } = await createApiKey(g.ctx, {
        name: values.name,
        mode: values.mode as 'live' | 'test',
        permissions: values.permissions,
      });
      // The whole key is on this answer only: never cached, never in an address.
      return keysPage(c, base, g, { created: { key, name: apiKey.name } }, 201);
    } catch (error) {
      const { status, errors } = shownError(c, base.locale, error);
      return keysPage(c, base, g, { errors, values }, status);
    }
  });
  app.post('/console/api-keys/:id/revoke', async (c) => {
    const base = page(c);
    const g = await gate(c, base, 'api_keys.manage');
    if (g.response) return g.response;
    await revokeApiKey(g.ctx, { id: c.req.param('id') });
    return redirectTo(c, base, '/console/api-keys?revoked=1');
  });

  // The audit trail.
  const auditPage = async (
    c: Ctx,
    base: AuthPageBase,
    ctx: AuthContext,
    before: number | undefined,
    extra: Partial<Parameters<typeof AuditPage>[0]> = {},
  ) => {
    const { rows, nextBefore } = await readAuditLog(ctx, { limit: 50, ...(before ? { before } : {}) });
    return c.html(
      <AuditPage {...base} {...extra} rows={rows} nextBefore={nextBefore} paged={before !== undefined} />,
    );
  };
  app.get('/console/audit', async (c) => {
    const base = page(c);
    const g = await gate(c, base, 'audit.read');
    if (g.response) return g.response;
    const raw = c.req.query('before');
    const before = raw && /^\d{1,15}$/.test(raw) && Number(raw) > 0 ? Number(raw) : undefined;
    return auditPage(c, base, g.ctx, before);
  });
  app.post('/console/audit/check', async (c) => {
    const base = page(c);
    const g = await gate(c, base, 'audit.read');
    if (g.response) return g.response;
    const chain = await checkAuditChain(g.ctx);
    return auditPage(c, base, g.ctx, undefined, { chain });
  });

  // Accepting an invitation (public: the emailed token is the proof).
  app.get('/accept-invitation', (c) => {
    // The token is in this page's address: do not hand it to anyone through Referer.
    c.header('Referrer-Policy', 'no-referrer');
    return c.html(<AcceptInvitationPage {...page(c)} token={c.req.query('token') ?? ''} />);
  });
  app.post('/accept-invitation', async (c) => {
    const base = page(c);
    const fields = await form(c);
    const token = one(fields.token);
    const password = one(fields.password);
    c.header('Referrer-Policy', 'no-referrer');
    try {
      await acceptInvitation(
        { database: c.get('deps').database, slug: c.get('tenant').slug, ...trace(c) },
        { token, password },
      );
      return c.html(<AcceptInvitationPage {...base} token="" done />);
    } catch (error) {
      if (!(error instanceof ValidationError)) {
        const { status, errors } = shownError(c, base.locale, error);
        return c.html(<AcceptInvitationPage {...base} token={token} errors={errors} />, status);
      }
      const details = Array.isArray(error.details)
        ? (error.details as { path?: unknown; code?: unknown }[])
        : [];
      const codes = details.filter((d) => d.path === 'password' && typeof d.code === 'string');
      let errors: FormError[];
      if (codes.length) {
        errors = [
          {
            field: 'password',
            message: codes.map((d) => passwordProblemText(base.locale, String(d.code))).join('. '),
          },
        ];
      } else if (details.some((d) => d.path === 'password') && password) {
        const problems = checkPassword(password).map((p) => passwordProblemText(base.locale, p.code));
        errors = [{ field: 'password', message: problems.join('. ') || authText(base.locale, 'errInvalid') }];
      } else if (details.some((d) => d.path === 'password')) {
        errors = [{ field: 'password', message: authText(base.locale, 'errPasswordMissing') }];
      } else {
        errors = [{ message: consoleText(base.locale, 'errInvitation') }];
      }
      return c.html(<AcceptInvitationPage {...base} token={token} errors={errors} />, 400);
    }
  });

  // Enrolling a TOTP authenticator: admins must before their first session counts.
  app.get('/sign-in/totp/enrol', async (c) => {
    const base = page(c);
    const { database } = c.get('deps');
    const slug = c.get('tenant').slug;
    const validation = await validateTenantSession(database, slug, sessionToken(c));
    if (validation?.principal.kind !== 'staff') return redirectTo(c, base, '/sign-in');
    if (validation.principal.totpEnrolledAt) {
      return redirectTo(c, base, validation.session.twoFactorVerified ? '/console' : '/sign-in/totp');
    }
    const { secret, uri } = await beginTotpEnrolment(
      { database, slug, token: sessionToken(c), ...trace(c) },
      c.get('tenant').name,
    );
    return c.html(<TotpEnrolPage {...base} secret={secret} uri={uri} />);
  });
  app.post('/sign-in/totp/enrol', async (c) => {
    const base = page(c);
    const { database } = c.get('deps');
    const slug = c.get('tenant').slug;
    const fields = await form(c);
    const code = one(fields.code);
    try {
      await confirmTotpEnrolment({ database, slug, token: sessionToken(c), ...trace(c) }, { code });
      return redirectTo(c, base, '/console');
    } catch (error) {
      if (error instanceof UnauthenticatedError && !sessionToken(c)) return redirectTo(c, base, '/sign-in');
      let shown: Shown;
      if (error instanceof UnauthenticatedError) {
        shown = { status: 401, errors: [{ field: 'code', message: authText(base.locale, 'errWrongCode') }] };
      } else if (error instanceof ValidationError) {
        shown = { status: 400, errors: [{ field: 'code', message: authText(base.locale, 'errCode') }] };
      } else {
        shown = shownError(c, base.locale, error);
      }
      // Show the same secret again (the one stored by the GET, echoed back for display only).
      const validation = await validateTenantSession(database, slug, sessionToken(c));
      if (validation?.principal.kind !== 'staff') return redirectTo(c, base, '/sign-in');
      if (validation.principal.totpEnrolledAt) return redirectTo(c, base, '/console');
      const echoed = one(fields.secret).toUpperCase();
      if (!/^[A-Z2-7]{16,64}$/.test(echoed)) return redirectTo(c, base, '/sign-in/totp/enrol');
      const uri = totpUri({
        secret: echoed,
        account: validation.principal.email,
        issuer: c.get('tenant').name,
      });
      return c.html(
        <TotpEnrolPage {...base} secret={echoed} uri={uri} errors={shown.errors} />,
        shown.status,
      );
    }
  });
  return app;
}
