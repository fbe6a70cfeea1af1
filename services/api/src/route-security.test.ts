// Every route the app answers is either public (listed below with why) or protected and put
// through the shared security cases. A new route that is in neither list fails the first test.
import { createSupportGrant } from '@motcua/auth';
import { describe, expect, it } from 'vitest';
import * as consoleDossiers from './routes/console-dossiers/security.ts';
import * as consoleProcedures from './routes/console-procedures/security.ts';
import * as consoleSettings from './routes/console-settings/security.ts';
import * as opsPages from './routes/ops-pages/security.ts';
import * as portalForm from './routes/portal-form/security.ts';
import * as portalPages from './routes/portal-pages/security.ts';
import { expectRouteSecured, type ProtectedRoute, useSecurityFixture } from './security-cases.ts';
import { useTestApp } from './testing.ts';

const areas = [portalPages, portalForm, consoleDossiers, consoleProcedures, consoleSettings, opsPages];

const t = useTestApp();
const fixture = useSecurityFixture(t);

const publicRoutes: Record<string, string> = {
  ...Object.assign({}, ...areas.map((a) => a.publicRoutes)),
  'tenant GET /assets/motcua.css': 'the stylesheet',
  'tenant GET /assets/theme.css': 'the agency’s colours',
  'tenant GET /api/tenant': 'the agency’s public profile',
  'tenant GET /': 'the portal’s front page',
  'tenant POST /api/auth/sign-in': 'signing in',
  'tenant POST /api/auth/register': 'citizen registration',
  'tenant GET /api/auth/oidc/start': 'national identity sign-in',
  'tenant GET /api/auth/oidc/callback': 'national identity sign-in (state, nonce and code are checked)',
  'tenant POST /api/auth/password-reset': 'asking for a reset link',
  'tenant POST /api/auth/password-reset/confirm': 'using a reset link (the token is the credential)',
  'tenant POST /api/auth/invitation/accept': 'accepting an invitation (the token is the credential)',
  'tenant POST /api/auth/sign-out': 'ends the caller’s own session, if any; without one it changes nothing',
  'tenant GET /sign-in': 'sign-in page',
  'tenant POST /sign-in': 'sign-in form',
  'tenant GET /register': 'registration page',
  'tenant POST /register': 'registration form',
  'tenant GET /reset-password': 'reset page',
  'tenant POST /reset-password': 'reset form (the token is the credential)',
  'tenant GET /accept-invitation': 'invitation page',
  'tenant POST /accept-invitation': 'invitation form (the token is the credential)',
  'tenant POST /sign-out': 'ends the caller’s own session, if any',
  'tenant GET /api/procedures': 'the published catalog',
  'tenant GET /api/procedures/:code': 'a published procedure',
  'tenant GET /api/procedures/:code/templates/:file': 'a published procedure’s downloadable template',
  'tenant POST /api/payments/:provider/notify':
    'a payment provider’s notification: its signature is the credential',
  'tenant GET /api/public/track': 'tracking by code and the key printed on the receipt (rate-limited)',
  'platform GET /assets/motcua.css': 'the stylesheet',
  'platform GET /assets/theme.css': 'the platform’s colours',
  'platform GET /assets/logo': 'the platform’s emblem in the header',
  'platform GET /': 'the landing page',
  'platform GET /healthz': 'liveness',
  'platform GET /readyz': 'readiness',
  'platform GET /metrics': 'process figures, no tenant data',
  'platform GET /openapi.json': 'the API description',
  'platform GET /docs': 'the API reference page',
  'platform GET /docs/scalar.js': 'the API reference script',
  'platform GET /docs/init.js': 'the API reference script',
  'platform POST /api/ops/auth/sign-in': 'operator sign-in',
  'platform POST /api/ops/auth/sign-out': 'ends the caller’s own session, if any',
};

const admin = { staff: ['admin'] } as const;
const everyOperator = { operators: ['owner', 'operator', 'billing', 'support'] } as const;
const managers = { operators: ['owner', 'operator'] } as const;

const tenantRoutes: ProtectedRoute[] = [
  ...areas.flatMap((a) => a.tenantRoutes),
  { method: 'GET', path: '/api/auth/me', audience: 'tenant-session' },
  { method: 'POST', path: '/api/auth/totp', body: { code: '000000' }, audience: 'tenant-session' },
  { method: 'POST', path: '/api/auth/totp/enrolment', audience: 'tenant-session' },
  {
    method: 'POST',
    path: '/api/auth/totp/enrolment/confirm',
    body: { code: '000000' },
    audience: 'tenant-session',
  },
  { method: 'GET', path: '/api/admin/api-keys', audience: admin },
  {
    method: 'POST',
    path: '/api/admin/api-keys',
    body: { name: 'Đồng bộ', mode: 'test', permissions: ['dossiers.read'] },
    audience: admin,
  },
  { method: 'DELETE', path: '/api/admin/api-keys/key_doesnotexist', audience: admin },
  { method: 'GET', path: '/api/admin/audit', audience: admin },
  { method: 'GET', path: '/api/admin/audit/verify', audience: admin },
  { method: 'GET', path: '/api/admin/support-grants', audience: admin },
  {
    method: 'POST',
    path: '/api/admin/support-grants',
    body: { operatorEmail: 'nobody@vendor.vn', reason: 'kiểm tra', hours: 1 },
    audience: admin,
  },
  { method: 'DELETE', path: '/api/admin/support-grants/sgr_doesnotexist', audience: admin },
  { method: 'GET', path: '/api/admin/oidc-settings', audience: admin },
  {
    method: 'PUT',
    path: '/api/admin/oidc-settings',
    body: { issuer: 'https://id.example.vn', clientId: 'x', clientSecret: 'y', displayName: 'VNeID' },
    audience: admin,
  },
  { method: 'GET', path: '/api/admin/staff', audience: admin },
  { method: 'GET', path: '/api/admin/procedures', audience: admin },
  {
    method: 'PUT',
    path: '/api/admin/procedures/1.000099.H48/draft',
    body: { draft: { code: '1.000099.H48' } },
    audience: admin,
  },
  { method: 'POST', path: '/api/admin/procedures/1.000099.H48/publish', audience: admin },
  { method: 'POST', path: '/api/admin/procedures/1.000099.H48/withdraw', audience: admin },
  { method: 'GET', path: '/api/admin/calendar', audience: admin },
  { method: 'PUT', path: '/api/admin/procedures/1.000099.H48/templates/mau.docx', body: {}, audience: admin },
  {
    method: 'PUT',
    path: '/api/admin/calendar/2026-12-24',
    body: { kind: 'off', name: 'x' },
    audience: admin,
  },
  { method: 'DELETE', path: '/api/admin/calendar/2026-12-24', audience: admin },
  {
    method: 'POST',
    path: '/api/admin/staff',
    body: { email: 'moi@a.vn', fullName: 'Người mới', role: 'viewer' },
    audience: admin,
  },
  { method: 'POST', path: '/api/admin/staff/usr_target/invitation', audience: admin },
  { method: 'PATCH', path: '/api/admin/staff/usr_target', body: { status: 'disabled' }, audience: admin },
  { method: 'GET', path: '/account', audience: 'tenant-session' },
  { method: 'POST', path: '/api/dossiers', body: { procedureCode: '1.999999' }, audience: 'citizen' },
  { method: 'GET', path: '/api/dossiers', audience: 'tenant-session' },
  { method: 'POST', path: '/api/dossiers/dos_doesnotexist/payments', audience: 'tenant-session' },
  {
    method: 'POST',
    path: '/api/feedback',
    body: { subject: 'Góp ý', body: 'Nội dung góp ý đủ dài.' },
    audience: 'citizen',
  },
  { method: 'GET', path: '/api/feedback', audience: 'tenant-session' },
  {
    method: 'POST',
    path: '/api/feedback/fbk_doesnotexist/answer',
    body: { outcome: 'answered', answer: 'Cảm ơn ông bà đã góp ý.' },
    audience: { staff: ['reception'] },
  },
  { method: 'GET', path: '/api/dossiers/dos_doesnotexist', audience: 'tenant-session' },
  { method: 'GET', path: '/api/dossiers/dos_doesnotexist/forms/receipt', audience: 'tenant-session' },
  {
    method: 'GET',
    path: '/api/dossiers/dos_doesnotexist/documents/doc_x/content',
    audience: 'tenant-session',
  },
  {
    method: 'POST',
    path: '/api/dossiers/dos_doesnotexist/documents',
    body: { slot: 'x', fileName: 'a.pdf', contentType: 'application/pdf', sizeBytes: 10 },
    audience: 'tenant-session',
  },
  {
    method: 'POST',
    path: '/api/dossiers/dos_doesnotexist/documents/doc_x/verify',
    audience: 'tenant-session',
  },
  {
    method: 'POST',
    path: '/api/dossiers/dos_doesnotexist/actions/receive',
    body: { input: {} },
    audience: 'tenant-session',
  },
  { method: 'GET', path: '/sign-in/totp', audience: 'tenant-session' },
  { method: 'POST', path: '/sign-in/totp', form: { code: '000000' }, audience: 'tenant-session' },
  { method: 'GET', path: '/sign-in/totp/enrol', audience: 'tenant-session' },
  { method: 'POST', path: '/sign-in/totp/enrol', form: { code: '000000' }, audience: 'tenant-session' },
  {
    method: 'GET',
    path: '/console',
    audience: { staff: ['admin', 'reception', 'specialist', 'approver', 'clerk', 'viewer'] },
  },
  { method: 'GET', path: '/console/staff', audience: admin },
  {
    method: 'POST',
    path: '/console/staff/invite',
    form: { email: 'moi@a.vn', fullName: 'Người mới', role: 'viewer' },
    audience: admin,
  },
  { method: 'POST', path: '/console/staff/usr_target', form: { status: 'disabled' }, audience: admin },
  { method: 'POST', path: '/console/staff/usr_target/invitation', audience: admin },
  { method: 'GET', path: '/console/api-keys', audience: admin },
  {
    method: 'POST',
    path: '/console/api-keys',
    form: { name: 'Đồng bộ', mode: 'test', permissions: 'dossiers.read' },
    audience: admin,
  },
  { method: 'POST', path: '/console/api-keys/key_doesnotexist/revoke', audience: admin },
  { method: 'GET', path: '/console/audit', audience: admin },
  { method: 'POST', path: '/console/audit/check', audience: admin },
];

// Built when the fixture exists: the routes act on its tenants once the refusals are checked.
const platformRoutes = (): ProtectedRoute[] => {
  const target = `/api/ops/tenants/${fixture.opsTarget}`;
  return [
    { method: 'GET', path: '/api/ops/auth/me', audience: everyOperator },
    { method: 'POST', path: '/api/ops/auth/totp', body: { code: '000000' }, audience: everyOperator },
    { method: 'POST', path: '/api/ops/auth/totp/enrolment', audience: everyOperator },
    {
      method: 'POST',
      path: '/api/ops/auth/totp/enrolment/confirm',
      body: { code: '000000' },
      audience: everyOperator,
    },
    {
      method: 'POST',
      path: '/api/ops/tenants',
      body: {
        slug: fixture.freshSlug,
        name: 'UBND xã mới',
        kind: 'province',
        adminEmail: `admin@${fixture.freshSlug}.gov.vn`,
      },
      audience: managers,
    },
    { method: 'GET', path: '/api/ops/tenants', audience: everyOperator },
    { method: 'GET', path: target, audience: everyOperator },
    { method: 'GET', path: `${target}/export`, audience: managers },
    { method: 'POST', path: `${target}/suspend`, body: { reason: 'kiểm tra' }, audience: managers },
    { method: 'POST', path: `${target}/resume`, audience: managers },
    { method: 'POST', path: `${target}/retry`, audience: managers },
    { method: 'POST', path: `${target}/invitation`, audience: managers },
    { method: 'GET', path: `${target}/undeliverable-emails`, audience: everyOperator },
    { method: 'DELETE', path: target, audience: managers },
  ];
};
// The same list with placeholders, for the route inventory (which runs before the fixture is used).
const platformPatterns: Pick<ProtectedRoute, 'method' | 'path'>[] = [
  ...areas.flatMap((a) => a.platformRoutes),
  ...[
    '/api/ops/auth/me',
    '/api/ops/tenants',
    '/api/ops/tenants/x',
    '/api/ops/tenants/x/export',
    '/api/ops/tenants/x/undeliverable-emails',
  ].map((path) => ({ method: 'GET', path })),
  ...[
    '/api/ops/auth/totp',
    '/api/ops/auth/totp/enrolment',
    '/api/ops/auth/totp/enrolment/confirm',
    '/api/ops/tenants',
    '/api/ops/tenants/x/suspend',
    '/api/ops/tenants/x/resume',
    '/api/ops/tenants/x/retry',
    '/api/ops/tenants/x/invitation',
  ].map((path) => ({ method: 'POST', path })),
  { method: 'DELETE', path: '/api/ops/tenants/x' },
  { method: 'GET', path: '/api/ops/tenants/x/support/staff' },
];

const key = (app: string, method: string, path: string) => `${app} ${method} ${path}`;
const pattern = (path: string) => new RegExp(`^${path.replace(/:[a-z]+/gi, '[^/]+')}$`);

describe('route security', () => {
  it('knows every route: each is public with a reason or protected and tested below', () => {
    const covered = (list: Pick<ProtectedRoute, 'method' | 'path'>[], method: string, path: string) =>
      list.some((r) => r.method === method && pattern(path).test(r.path));
    const unclassified = t.app.routes
      .filter((r) => !(key(r.app, r.method, r.path) in publicRoutes))
      .filter((r) => !covered(r.app === 'tenant' ? tenantRoutes : platformPatterns, r.method, r.path))
      .map((r) => key(r.app, r.method, r.path));
    expect(unclassified).toEqual([]);
    const known = new Set(t.app.routes.map((r) => key(r.app, r.method, r.path)));
    expect(Object.keys(publicRoutes).filter((k) => !known.has(k))).toEqual([]);
  });

  for (const route of tenantRoutes) {
    it(`tenant ${route.method} ${route.path}`, () => expectRouteSecured(t, fixture, route));
  }
  it('every operator route', async () => {
    for (const route of [...platformRoutes(), ...areas.flatMap((a) => a.platformRoutes)]) {
      await expectRouteSecured(t, fixture, route);
    }
    await t.settle();
  });

  it('platform GET /api/ops/tenants/:slug/support/staff (also needs the agency’s grant)', async () => {
    const route: ProtectedRoute = {
      method: 'GET',
      path: `/api/ops/tenants/${fixture.tenant}/support/staff`,
      audience: { operators: ['support', 'owner'] },
    };
    await createSupportGrant(
      {
        database: t.deps.database,
        slug: fixture.tenant,
        actor: { kind: 'staff', id: 'usr_fixture_admin', role: 'admin' },
      },
      { operatorEmail: fixture.operatorEmails.support, reason: 'kiểm tra bảo mật', hours: 1 },
    );
    await expectRouteSecured(t, fixture, route);
  });
});
