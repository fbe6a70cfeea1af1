// PostgreSQL crashes (`kill -9` of the postmaster and its backends) under the API and comes
// back on the same data directory. The API process must live through it, answer every request
// (503 with the error shape and Retry-After while the database is away, never a 500, a hang or
// a dropped socket), serve again by itself, and keep every dossier it acknowledged. Found by
// the fault tests of issue 10: the process died within 0.5 s under load, and when idle some
// requests were never answered.
import { randomBytes } from 'node:crypto';
import { type IncomingHttpHeaders, request } from 'node:http';
import { createTenantSession } from '@motcua/auth';
import { createDatabase, migratePlatform, newId, type TenantSlug, tenantNames, withTenant } from '@motcua/db';
import { type KillablePostgres, startKillablePostgres } from '@motcua/db/killable-postgres';
import { citizens, dossiers } from '@motcua/db/tenant';
import { createTestTenant } from '@motcua/db/testing';
import { publishVersion } from '@motcua/engine';
import { testProcedure } from '@motcua/engine/testing';
import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiEnvSchema } from './env.ts';
import { createLogger } from './logger.ts';
import { createDeps, type RunningServer, startServer } from './server.ts';

const requestTimeoutMs = 4000;
/** A request not answered by then is a hang: the backstop must have answered long before. */
const hangAfterMs = requestTimeoutMs + 6000;

let pg: KillablePostgres;
let server: RunningServer;
let slug: TenantSlug;
const cookies: string[] = [];
const logLines: string[] = [];

beforeAll(async () => {
  pg = await startKillablePostgres();
  const { s3Endpoint } = inject('motcua');
  const env = apiEnvSchema.parse({
    DATABASE_URL: pg.databaseUrl,
    DATABASE_POOL_MAX: '6',
    PLATFORM_DOMAIN: 'motcua.test',
    HOST: '127.0.0.1',
    PORT: '0',
    MOTCUA_OPS_TOKEN: randomBytes(24).toString('hex'),
    S3_ENDPOINT: s3Endpoint,
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
    S3_BUCKET: 'motcua-outage-test',
    REQUEST_TIMEOUT_MS: String(requestTimeoutMs),
  });
  const deps = await createDeps(
    env,
    createLogger('warn', (line) => logLines.push(line)),
  );
  await migratePlatform(deps.database);
  slug = await createTestTenant(deps.database);
  await withTenant(deps.database, slug, (db) => publishVersion(db, testProcedure, 'test'));
  for (let i = 0; i < 8; i += 1) {
    const id = newId('usr');
    await withTenant(deps.database, slug, (db) =>
      db.insert(citizens).values({ id, email: `c${i}-${id}@example.vn`, fullName: 'Công dân' }),
    );
    const { token } = await createTenantSession(deps.database, slug, {
      kind: 'citizen',
      principalId: id,
      twoFactorVerified: true,
    });
    cookies.push(`motcua_session=${token}`);
  }
  server = await startServer(env, deps);
});

afterAll(async () => {
  await server?.close();
  await pg?.stop();
});

interface Outcome {
  /** An HTTP status, or what went wrong instead of one. */
  status: number | 'hang' | 'socket';
  /** When the request was sent, in ms since the test's start. */
  sentAt: number;
  code?: string;
  retryAfter?: string | undefined;
  contentType?: string | undefined;
  body: string;
  detail?: string;
}

const started = performance.now();
const now = () => performance.now() - started;

/** One request over a real socket, as a browser or API client sends it. */
function send(path: string, init: { method?: string; body?: unknown; cookie?: string; html?: boolean } = {}) {
  const host = `${slug}.motcua.test`;
  const payload = init.body === undefined ? undefined : JSON.stringify(init.body);
  const headers: Record<string, string> = { host, origin: `http://${host}` };
  if (init.cookie) headers.cookie = init.cookie;
  if (payload) headers['content-type'] = 'application/json';
  if (payload) headers['idempotency-key'] = randomBytes(12).toString('hex');
  headers.accept = init.html ? 'text/html' : 'application/json';
  const sentAt = now();
  return new Promise<Outcome>((resolve) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, path, method: init.method ?? 'GET', headers, agent: false },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
        });
        res.on('end', () => {
          clearTimeout(timer);
          resolve(outcomeOf(res.statusCode ?? 0, res.headers, body, sentAt));
        });
        res.on('error', (error) => {
          clearTimeout(timer);
          resolve({ status: 'socket', sentAt, body, detail: error.message });
        });
      },
    );
    const timer = setTimeout(() => {
      req.destroy();
      resolve({ status: 'hang', sentAt, body: '', detail: `${init.method ?? 'GET'} ${path}` });
    }, hangAfterMs);
    req.on('error', (error) => {
      clearTimeout(timer);
      resolve({ status: 'socket', sentAt, body: '', detail: error.message });
    });
    req.end(payload);
  });
}

function outcomeOf(status: number, headers: IncomingHttpHeaders, body: string, sentAt: number): Outcome {
  let code: string | undefined;
  try {
    code = (JSON.parse(body) as { error?: { code?: string } }).error?.code;
  } catch {
    code = undefined;
  }
  return {
    status,
    sentAt,
    body,
    ...(code ? { code } : {}),
    retryAfter: headers['retry-after'],
    contentType: headers['content-type'],
  };
}

const answers = {
  full_name: 'Nguyễn Thị Hường',
  citizen_id: '048190001234',
  phone: '0912 345 678',
  purpose: 'xin_viec',
};
const submit = (cookie: string) =>
  send('/api/dossiers', {
    method: 'POST',
    cookie,
    body: { procedureCode: testProcedure.code, answers, submit: true },
  });

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every request was answered with a status, and every failure is a well-formed 503. */
function expectAnsweredWithoutFault(outcomes: Outcome[], ok: number[]) {
  const faults = outcomes.filter((o) => typeof o.status !== 'number' || ![...ok, 503].includes(o.status));
  expect(
    faults.map((o) => `${o.status} ${o.detail ?? o.body.slice(0, 200)}`),
    'hangs, dropped sockets or unexpected statuses',
  ).toEqual([]);
  for (const o of outcomes.filter((x) => x.status === 503)) {
    expect(o.retryAfter, 'a 503 says when to come back').toMatch(/^\d+$/);
    if (o.contentType?.startsWith('application/json')) {
      expect(['database_unavailable', 'timeout']).toContain(o.code);
      expect(JSON.parse(o.body).error.message).toEqual(expect.any(String));
    } else {
      expect(o.contentType).toMatch(/^text\/html/);
      expect(o.body).toMatch(/<h1>[^<]+<\/h1>/);
    }
  }
}

async function acknowledgedIdsStored(outcomes: Outcome[]) {
  const ids = outcomes
    .filter((o) => o.status === 201)
    .map((o) => (JSON.parse(o.body) as { dossier: { id: string } }).dossier.id);
  const stored = await withTenant(server.deps.database, slug, (db) =>
    db.select({ id: dossiers.id, code: dossiers.code }).from(dossiers).where(inArray(dossiers.id, ids)),
  );
  return { ids, stored };
}

describe('a PostgreSQL crash', () => {
  it('under a stream of submissions: every request answered, serving again after the restart, nothing acknowledged lost', async () => {
    const outcomes: Outcome[] = [];
    let stop = false;
    const clients = cookies.map(async (cookie) => {
      while (!stop) {
        outcomes.push(await submit(cookie));
        await pause(5);
      }
    });
    await pause(1500);
    const killedAt = now();
    await pg.kill();
    await pause(2000);
    await pg.start();
    const restartedAt = now();
    // Until the API has served again for a while, within a bound that would mean it never does.
    while (!stop) {
      const served = outcomes.find((o) => o.status === 201 && o.sentAt > restartedAt);
      if ((served && now() - served.sentAt > 1000) || now() - restartedAt > 30_000) stop = true;
      await pause(50);
    }
    await Promise.all(clients);

    expectAnsweredWithoutFault(outcomes, [201]);
    const firstServed = outcomes.find((o) => o.status === 201 && o.sentAt > restartedAt);
    expect(outcomes.some((o) => o.status === 201 && o.sentAt < killedAt)).toBe(true);
    expect(outcomes.some((o) => o.status === 503)).toBe(true);
    expect(firstServed, 'served again after the restart, without restarting the API').toBeDefined();
    // An availability bound (DESIGN: serving again ≤ 10 s after the database returns), not a speed target.
    expect((firstServed?.sentAt ?? Number.POSITIVE_INFINITY) - restartedAt).toBeLessThan(10_000);
    const { ids, stored } = await acknowledgedIdsStored(outcomes);
    expect(stored.map((row) => row.id).sort()).toEqual([...ids].sort());
    expect(new Set(stored.map((row) => row.code)).size).toBe(ids.length);
    console.info(
      `outage under load: ${outcomes.length} requests, ${ids.length} acknowledged and stored, ` +
        `${outcomes.filter((o) => o.status === 503).length} answered 503; ` +
        `first submission served ${Math.round((firstServed?.sentAt ?? 0) - restartedAt)} ms after PostgreSQL was back`,
    );
  }, 90_000);

  it('while the API is idle: requests during the outage, across the restart and after it are all answered', async () => {
    // Warm pool: the idle connections are the ones the crash kills.
    for (const cookie of cookies.slice(0, 4)) expect((await submit(cookie)).status).toBe(201);
    await pg.kill();
    await pause(300);
    // A trickle of requests, as people reload pages: some are waiting for a connection at the
    // moment PostgreSQL comes back (before the driver's patch, those were never answered).
    const kinds = [
      (i: number) => submit(cookies[i % cookies.length] ?? ''),
      () => send('/api/dossiers', { cookie: cookies[0] ?? '' }),
      () => send('/', { html: true }),
      () => send('/procedures', { html: true }),
      () => send('/dossiers', { html: true, cookie: cookies[1] ?? '' }),
    ];
    const trickle: Promise<Outcome>[] = [];
    let trickling = true;
    const feeder = (async () => {
      for (let i = 0; trickling; i += 1) {
        trickle.push((kinds[i % kinds.length] ?? kinds[0]!)(i));
        await pause(60);
      }
    })();
    await pause(1500);
    await pg.start();
    await pause(1500);
    trickling = false;
    await feeder;
    const during = await Promise.all(trickle);
    expectAnsweredWithoutFault(during, [200, 201]);
    expect(during.filter((o) => o.status === 503).length).toBeGreaterThan(0);
    expect(during.some((o) => o.status === 503 && o.contentType?.startsWith('text/html'))).toBe(true);

    const after = await Promise.all(cookies.map((cookie) => submit(cookie)));
    expect(after.map((o) => o.status)).toEqual(cookies.map(() => 201));
    const { ids, stored } = await acknowledgedIdsStored([...during, ...after]);
    expect(stored.map((row) => row.id).sort()).toEqual([...ids].sort());
    console.info(
      `outage while idle: ${during.length} requests during and across the restart ` +
        `(${during.filter((o) => o.status === 503).length} answered 503), all answered`,
    );
  }, 90_000);
});

describe('the request timeout backstop', () => {
  it('answers a request whose database work waits past it with 503, and the wait is ended', async () => {
    const url = new URL(pg.superuserUrl);
    url.pathname = '/motcua_outage';
    const superuser = createDatabase({ url: url.toString(), max: 2, applicationName: 'outage-test' });
    const admin = superuser.sql;
    const holder = await admin.reserve();
    // Another session holds the table every submission writes its day's number to.
    await holder.unsafe(`begin; lock table ${tenantNames(slug).schema}.dossier_code_sequences`).simple();
    try {
      const waited = await submit(cookies[0] ?? '');
      expect(waited).toMatchObject({
        status: 503,
        code: 'timeout',
        retryAfter: expect.stringMatching(/^\d+$/),
      });
      // The server ends the waiting statement a second after the deadline; nothing of the API waits on.
      let waiting = -1;
      for (const until = now() + 10_000; waiting !== 0 && now() < until; await pause(100)) {
        const [row] = await admin<{ count: number }[]>`
          select count(*)::int as count from pg_stat_activity
          where application_name = 'motcua-api' and wait_event_type = 'Lock'`;
        waiting = row?.count ?? -1;
      }
      expect(waiting).toBe(0);
    } finally {
      await holder.unsafe('rollback');
      holder.release();
      await superuser.close();
    }
    expect((await submit(cookies[0] ?? '')).status).toBe(201);
  }, 60_000);
});
