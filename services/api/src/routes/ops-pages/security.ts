// This area's routes for the route inventory (services/api/src/route-security.test.ts): each
// public route with the reason it needs no session, each protected one with who it admits.
// `{opsTarget}` and `{freshSlug}` stand for the security fixture's tenants (security-cases.ts
// fills them in), so that an admitted call acts on a real agency once the refusals are checked.
import type { ProtectedRoute } from '../../security-cases.ts';

export const publicRoutes: Record<string, string> = {
  'platform GET /ops/sign-in': 'the operator sign-in page',
  'platform POST /ops/sign-in': 'operator sign-in (throttled; a TOTP step follows before anything opens)',
  'platform POST /ops/sign-out': 'ends the caller’s own operator session, if any',
  'platform GET /ops/progress.js': 'the live-progress script, the same for everyone',
};

export const tenantRoutes: ProtectedRoute[] = [];

const everyOperator = { operators: ['owner', 'operator', 'billing', 'support'] } as const;
const managers = { operators: ['owner', 'operator'] } as const;
const target = '/ops/tenants/{opsTarget}';

export const platformRoutes: ProtectedRoute[] = [
  // The second-factor steps need the password step's session; a complete one is sent on to /ops.
  { method: 'GET', path: '/ops/sign-in/totp', audience: everyOperator },
  { method: 'POST', path: '/ops/sign-in/totp', form: { code: '000000' }, audience: everyOperator },
  { method: 'GET', path: '/ops/sign-in/totp/enrol', audience: everyOperator },
  { method: 'POST', path: '/ops/sign-in/totp/enrol', form: { code: '000000' }, audience: everyOperator },
  { method: 'GET', path: '/ops', audience: everyOperator },
  { method: 'GET', path: target, audience: everyOperator },
  // An unknown agency: the stream of a real one would stay open for as long as its run does.
  { method: 'GET', path: '/ops/tenants/no-such-agency/progress', audience: everyOperator },
  { method: 'GET', path: '/ops/tenants/new', audience: managers },
  {
    method: 'POST',
    path: '/ops/tenants',
    form: {
      slug: '{freshSlug}',
      name: 'UBND xã mới',
      kind: 'province',
      adminEmail: 'quantri@{freshSlug}.gov.vn',
    },
    audience: managers,
  },
  { method: 'POST', path: `${target}/suspend`, audience: managers },
  { method: 'POST', path: `${target}/resume`, audience: managers },
  { method: 'POST', path: `${target}/retry`, audience: managers },
  { method: 'POST', path: `${target}/invitation`, audience: managers },
  { method: 'GET', path: `${target}/offboard`, audience: managers },
  { method: 'POST', path: `${target}/offboard`, form: { confirm: '{opsTarget}' }, audience: managers },
];
