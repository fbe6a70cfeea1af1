// The one security helper every protected route's test goes through (imported from tests
// only). A fixture holds real sessions of every kind — each staff role and a citizen of
// tenant A, tenant B's admin, an operator of each role, and an admin of a tenant that gets
// suspended — and `expectRouteSecured` sends one route each of them that must be refused,
// checks the status, and checks that nothing the route could touch changed.
import { createOperatorSession, createTenantSession, upsertOperator } from '@motcua/auth';
import { newId, type TenantSlug, tenantNames, withTenant } from '@motcua/db';
import { type OperatorRole, operatorRoles } from '@motcua/db/platform';
import { citizens, type StaffRole, staffRoles, staffUsers } from '@motcua/db/tenant';
import { createTestTenant, testSlug } from '@motcua/db/testing';
import { beforeAll, expect } from 'vitest';
import type { TestApp } from './testing.ts';
import { testDomain } from './testing.ts';

export interface SecurityFixture {
  tenant: TenantSlug;
  otherTenant: TenantSlug;
  suspendedTenant: TenantSlug;
  /** A tenant for the operator routes to act on (suspend, offboard…) once the refusals are checked. */
  opsTarget: TenantSlug;
  /** A slug no tenant has: the operator create route is sent a valid body for it. */
  freshSlug: string;
  /** Session tokens, all past their second factor where one applies. */
  staff: Record<StaffRole, string>;
  citizen: string;
  otherTenantAdmin: string;
  suspendedTenantAdmin: string;
  operators: Record<OperatorRole, string>;
  operatorEmails: Record<OperatorRole, string>;
}

/** Who a route lets in; everyone else with a session gets 403 (or the sign-in page). */
export type Audience =
  | { staff: readonly StaffRole[] }
  | { operators: readonly OperatorRole[] }
  /** Any signed-in person of the tenant: staff or citizen. */
  | 'tenant-session'
  /** Citizens only: every staff role is refused. */
  | 'citizen';

export interface ProtectedRoute {
  method: string;
  path: string;
  /** A JSON body, or form fields for the server-rendered pages. */
  body?: unknown;
  form?: Record<string, string>;
  audience: Audience;
}

const hostOf = (slug: string) => `${slug}.${testDomain}`;
const tenantCookie = 'motcua_session';
const operatorCookie = 'motcua_ops_session';

async function addStaff(t: TestApp, slug: TenantSlug, role: StaffRole) {
  const id = newId('usr');
  await withTenant(t.deps.database, slug, (db) =>
    db.insert(staffUsers).values({
      id,
      email: `${role}@${slug}.vn`,
      fullName: `Cán bộ ${role}`,
      role,
      status: 'active',
      ...(role === 'admin'
        ? { totpSecret: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', totpEnrolledAt: new Date() }
        : {}),
    }),
  );
  const { token } = await createTenantSession(t.deps.database, slug, {
    kind: 'staff',
    principalId: id,
    twoFactorVerified: true,
  });
  return token;
}

async function addCitizen(t: TestApp, slug: TenantSlug) {
  const id = newId('usr');
  await withTenant(t.deps.database, slug, (db) =>
    db.insert(citizens).values({ id, email: `cong-dan@${slug}.vn`, fullName: 'Công dân' }),
  );
  // A citizen has no second factor: their sessions are complete from the start, as sign-in makes them.
  return (
    await createTenantSession(t.deps.database, slug, {
      kind: 'citizen',
      principalId: id,
      twoFactorVerified: true,
    })
  ).token;
}

/** Tenants and sessions for `expectRouteSecured`, made once per test file. */
export function useSecurityFixture(t: TestApp): SecurityFixture {
  const fixture = {} as SecurityFixture;
  beforeAll(async () => {
    fixture.tenant = await createTestTenant(t.deps.database);
    fixture.otherTenant = await createTestTenant(t.deps.database);
    fixture.suspendedTenant = await createTestTenant(t.deps.database);
    fixture.opsTarget = await createTestTenant(t.deps.database);
    fixture.freshSlug = testSlug('new');
    fixture.staff = {} as SecurityFixture['staff'];
    for (const role of staffRoles) fixture.staff[role] = await addStaff(t, fixture.tenant, role);
    fixture.citizen = await addCitizen(t, fixture.tenant);
    fixture.otherTenantAdmin = await addStaff(t, fixture.otherTenant, 'admin');
    fixture.suspendedTenantAdmin = await addStaff(t, fixture.suspendedTenant, 'admin');
    await t.deps.database
      .sql`update platform.tenants set status = 'suspended' where slug = ${fixture.suspendedTenant}`;
    t.deps.tenants.invalidate(fixture.suspendedTenant);
    fixture.operators = {} as SecurityFixture['operators'];
    const run = testSlug('sec');
    fixture.operatorEmails = {} as SecurityFixture['operatorEmails'];
    for (const role of operatorRoles) {
      fixture.operatorEmails[role] = `${role}-${run}@vendor.vn`;
      const operatorId = await upsertOperator(t.deps.database, {
        email: fixture.operatorEmails[role],
        fullName: role,
        role,
        password: 'Operator-Passphrase-42',
        totpSecret: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      });
      if (!operatorId) throw new Error(`operator ${role} was not saved`);
      fixture.operators[role] = (
        await createOperatorSession(t.deps.database, { operatorId, twoFactorVerified: true })
      ).token;
    }
  });
  return fixture;
}

/**
 * Every row of the tenant's schema but its sessions (sliding renewal may touch those), as
 * one digest per table: "changes nothing" means these are equal before and after.
 */
export async function tenantFingerprint(t: TestApp, slug: TenantSlug) {
  const { schema, ownerRole } = tenantNames(slug);
  return t.deps.database.sql.begin(async (tx) => {
    await tx`select set_config('search_path', ${schema}, true), set_config('role', ${ownerRole}, true)`;
    const tables = await tx<{ name: string }[]>`
      select table_name as name from information_schema.tables
      where table_schema = ${schema} and table_type = 'BASE TABLE' and table_name <> 'sessions'
      order by table_name`;
    const digests: Record<string, string> = {};
    for (const { name } of tables) {
      const [row] = await tx.unsafe(
        `select md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as digest from "${name}" x`,
      );
      digests[name] = String(row?.digest);
    }
    return digests;
  });
}

/** The platform rows an operator route could touch: the tenants and the operators of this fixture. */
async function platformFingerprint(t: TestApp, fixture: SecurityFixture) {
  const slugs = [
    fixture.tenant,
    fixture.otherTenant,
    fixture.suspendedTenant,
    fixture.opsTarget,
    fixture.freshSlug,
  ];
  return t.deps.database.sql`
    select (select json_agg(x order by x.slug) from platform.tenants x where x.slug = any(${slugs})) as tenants,
           (select count(*)::int from platform.provisioning_runs r
              join platform.tenants x on x.id = r.tenant_id where x.slug = any(${slugs})) as runs,
           (select count(*)::int from platform.operators) as operators`;
}

function send(t: TestApp, host: string, route: ProtectedRoute, cookie?: string) {
  const headers = new Headers({ origin: `http://${host}` });
  if (cookie) headers.set('cookie', cookie);
  let body: string | undefined;
  if (route.form) {
    headers.set('content-type', 'application/x-www-form-urlencoded');
    body = new URLSearchParams(route.form).toString();
  } else if (route.body !== undefined) {
    headers.set('content-type', 'application/json');
    body = JSON.stringify(route.body);
  }
  return t.request(route.path, { host, method: route.method, headers, ...(body ? { body } : {}) });
}

const isApi = (route: ProtectedRoute) => route.path.startsWith('/api/');

/**
 * A route list written before the fixture exists names its tenants by placeholder:
 * `{tenant}`, `{opsTarget}` and `{freshSlug}` in the path and in form or JSON string values.
 */
function withFixture(route: ProtectedRoute, fixture: SecurityFixture): ProtectedRoute {
  const fill = (text: string) =>
    text
      .replaceAll('{tenant}', fixture.tenant)
      .replaceAll('{opsTarget}', fixture.opsTarget)
      .replaceAll('{freshSlug}', fixture.freshSlug);
  const form = route.form
    ? Object.fromEntries(Object.entries(route.form).map(([key, value]) => [key, fill(value)]))
    : undefined;
  const body = route.body === undefined ? undefined : JSON.parse(fill(JSON.stringify(route.body)));
  return {
    ...route,
    path: fill(route.path),
    ...(form ? { form } : {}),
    ...(body === undefined ? {} : { body }),
  };
}

/**
 * An admitted caller got past the session and role checks: the route may still answer 4xx
 * for what it was sent (a wrong code, an unknown id), but not "who are you" or "not you".
 */
async function expectAdmitted(route: ProtectedRoute, res: Response) {
  const label = `${route.method} ${route.path} refused a caller it admits`;
  expect([403, 503], label).not.toContain(res.status);
  if (!isApi(route)) {
    expect(res.headers.get('location') ?? '', label).not.toMatch(/\/sign-in$/);
    return;
  }
  if (res.status === 401) {
    const { error } = (await res.json()) as { error: { code: string } };
    expect(['unauthenticated', 'unauthorized'], label).not.toContain(error.code);
  }
}

/** What a refused request must answer: JSON status codes for the API, the sign-in page for pages. */
function expectRefused(
  res: Response,
  route: ProtectedRoute,
  why: string,
  as: 'unauthenticated' | 'forbidden',
) {
  const label = `${route.method} ${route.path} ${why}`;
  if (as === 'forbidden') {
    expect(res.status, label).toBe(403);
    return;
  }
  if (isApi(route)) {
    expect(res.status, label).toBe(401);
  } else {
    expect(res.status, label).toBe(303);
    expect(res.headers.get('location'), label).toMatch(/\/sign-in$/);
  }
}

/**
 * Sends `route` without a session, with another tenant's session, with sessions of the other
 * realm (under either cookie name), as every role the route does not admit, and on a
 * suspended tenant, and asserts each is refused with its status and that nothing changed.
 * Last, one admitted caller must get past the checks, so the route cannot refuse everyone
 * and still pass.
 */
export async function expectRouteSecured(t: TestApp, fixture: SecurityFixture, listed: ProtectedRoute) {
  const route = withFixture(listed, fixture);
  const { audience } = route;
  if (typeof audience === 'object' && 'operators' in audience) {
    return expectOperatorRouteRefusals(t, fixture, route, audience.operators);
  }
  const host = hostOf(fixture.tenant);
  const before = await tenantFingerprint(t, fixture.tenant);
  const platformBefore = await platformFingerprint(t, fixture);

  expectRefused(await send(t, host, route), route, 'without a session', 'unauthenticated');
  expectRefused(
    await send(t, host, route, `${tenantCookie}=${fixture.otherTenantAdmin}`),
    route,
    'with another tenant’s session',
    'unauthenticated',
  );
  for (const cookie of [
    `${operatorCookie}=${fixture.operators.owner}`,
    `${tenantCookie}=${fixture.operators.owner}`,
  ]) {
    expectRefused(
      await send(t, host, route, cookie),
      route,
      `with an operator session (${cookie.split('=')[0]})`,
      'unauthenticated',
    );
  }
  const admitted: string[] = [];
  if (audience === 'tenant-session') {
    admitted.push(fixture.staff.admin, fixture.citizen);
  } else if (audience === 'citizen') {
    admitted.push(fixture.citizen);
    for (const role of staffRoles) {
      const res = await send(t, host, route, `${tenantCookie}=${fixture.staff[role]}`);
      expectRefused(res, route, `as ${role}`, 'forbidden');
    }
  } else {
    for (const role of staffRoles) {
      const token = fixture.staff[role];
      if (audience.staff.includes(role)) {
        admitted.push(token);
        continue;
      }
      expectRefused(await send(t, host, route, `${tenantCookie}=${token}`), route, `as ${role}`, 'forbidden');
    }
    const asCitizen = await send(t, host, route, `${tenantCookie}=${fixture.citizen}`);
    // A citizen has no business in the console: the API says 403, a page sends them to sign in as staff.
    expectRefused(asCitizen, route, 'as a citizen', isApi(route) ? 'forbidden' : 'unauthenticated');
  }
  const suspended = await send(
    t,
    hostOf(fixture.suspendedTenant),
    route,
    `${tenantCookie}=${fixture.suspendedTenantAdmin}`,
  );
  expect(suspended.status, `${route.method} ${route.path} on a suspended tenant`).toBe(503);

  await t.settle();
  expect(await tenantFingerprint(t, fixture.tenant), `${route.method} ${route.path} changed data`).toEqual(
    before,
  );
  expect(await platformFingerprint(t, fixture)).toEqual(platformBefore);

  await expectAdmitted(route, await send(t, host, route, `${tenantCookie}=${admitted[0]}`));
  await t.settle();
}

/**
 * The operator routes: the API answers 401 to anyone who is not a signed-in operator (or the
 * bootstrap token); a page (/ops…) sends them to the operator sign-in page instead, and does
 * not take the bootstrap token, which is for automation. A role the route does not admit gets
 * 403 either way, and neither exists on a tenant's host.
 */
async function expectOperatorRouteRefusals(
  t: TestApp,
  fixture: SecurityFixture,
  route: ProtectedRoute,
  admitted: readonly OperatorRole[],
) {
  const before = await platformFingerprint(t, fixture);
  const tenantBefore = await tenantFingerprint(t, fixture.tenant);
  const sendOps = (headers: Record<string, string>, host = testDomain) => {
    const all = new Headers({ origin: `http://${host}`, ...headers });
    let body: string | undefined;
    if (route.form) {
      all.set('content-type', 'application/x-www-form-urlencoded');
      body = new URLSearchParams(route.form).toString();
    } else if (route.body !== undefined) {
      all.set('content-type', 'application/json');
      body = JSON.stringify(route.body);
    }
    return t.request(route.path, { host, method: route.method, headers: all, ...(body ? { body } : {}) });
  };
  const expectSignInFirst = async (cookie: string | undefined, why: string, authorization?: string) => {
    const res = await sendOps({
      ...(cookie ? { cookie } : {}),
      ...(authorization ? { authorization } : {}),
    });
    const label = `${route.method} ${route.path} ${why}`;
    if (isApi(route)) {
      expect(res.status, label).toBe(401);
    } else {
      expect(res.status, label).toBe(303);
      expect(res.headers.get('location'), label).toBe('/ops/sign-in');
    }
  };
  await expectSignInFirst(undefined, 'without a session');
  await expectSignInFirst(
    `${operatorCookie}=${fixture.staff.admin}`,
    'with a tenant admin’s session as the operator cookie',
  );
  await expectSignInFirst(`${tenantCookie}=${fixture.staff.admin}`, 'with a tenant admin’s session cookie');
  await expectSignInFirst(undefined, 'with a wrong bearer token', `Bearer ${t.token}x`);
  await expectSignInFirst(
    undefined,
    'with the token as basic auth',
    `Basic ${Buffer.from(`ops:${t.token}`).toString('base64')}`,
  );
  if (!isApi(route)) await expectSignInFirst(undefined, 'with the bootstrap token', `Bearer ${t.token}`);
  for (const role of operatorRoles) {
    if (admitted.includes(role)) continue;
    const res = await sendOps({ cookie: `${operatorCookie}=${fixture.operators[role]}` });
    expect(res.status, `${route.method} ${route.path} as operator ${role}`).toBe(403);
  }
  // The operator routes do not exist on a tenant's host, even with the right token.
  const onTenantHost = await sendOps({ authorization: `Bearer ${t.token}` }, hostOf(fixture.tenant));
  expect(onTenantHost.status, `${route.method} ${route.path} on a tenant host`).toBe(404);
  await t.settle();
  expect(
    await platformFingerprint(t, fixture),
    `${route.method} ${route.path} changed platform rows`,
  ).toEqual(before);
  expect(await tenantFingerprint(t, fixture.tenant)).toEqual(tenantBefore);
  const role = admitted[0];
  if (role) {
    const passed = await sendOps({ cookie: `${operatorCookie}=${fixture.operators[role]}` });
    await expectAdmitted(route, passed);
    await t.settle();
  }
}
