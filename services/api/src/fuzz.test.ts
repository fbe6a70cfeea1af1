// Every operation of /openapi.json, and every form page, sent random and boundary values derived
// from its schema (empty, very long, NUL, lone surrogates, RTL and emoji, numbers at and past their
// bounds, wrong types, deep nesting, huge arrays), anonymously and as callers it admits: no answer
// may be a 5xx. Seeded: set MOTCUA_FUZZ_SEED to replay the seed a failure prints.
import { randomInt } from 'node:crypto';
import { withTenant } from '@motcua/db';
import { staffRoles } from '@motcua/db/tenant';
import { publishVersion } from '@motcua/engine';
import { testProcedure, testProcedureWithDocument } from '@motcua/engine/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  encodedValue,
  type Generator,
  hostileBodies,
  hostileEncoded,
  hostileTexts,
  type Known,
  type Schema,
  seededRandom,
  valueFor,
} from './fuzz-values.ts';
import { useSecurityFixture } from './security-cases.ts';
import { browserOn, readJson, testDomain, useTestApp } from './testing.ts';

const t = useTestApp();
const fixture = useSecurityFixture(t);
const seed = Number(process.env.MOTCUA_FUZZ_SEED ?? randomInt(2 ** 31));
/** Requests per operation and per form page: a fixed count keeps the run inside CI's budget. */
const perOperation = 24;
const perPage = 8;

interface Operation {
  method: string;
  path: string;
  parameters?: { in: string; name: string; required?: boolean; schema: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  tenant: boolean;
}

interface Outcome {
  request: string;
  status: number;
}

const known: Known = {};
const outcomes: Outcome[] = [];
let operations: Operation[] = [];
let components: Record<string, Schema> = {};

beforeAll(async () => {
  const doc = await readJson(await t.request('/openapi.json'));
  components = doc.components.schemas;
  operations = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => method !== 'servers')
      .map(([method, op]) => ({
        ...(op as Operation),
        method: method.toUpperCase(),
        path,
        tenant: 'servers' in item,
      })),
  );
  await withTenant(t.deps.database, fixture.tenant, async (db) => {
    await publishVersion(db, testProcedure, 'test');
    await publishVersion(db, testProcedureWithDocument, 'test');
  });
  // Real records for the ids the operations take, so that requests get past "no such thing".
  const citizen = browserOn(t, `${fixture.tenant}.${testDomain}`);
  citizen.setCookie(`motcua_session=${fixture.citizen}`);
  const answers = {
    full_name: 'Nguyễn Thị Hường',
    citizen_id: '001199012345',
    phone: '0912345678',
    purpose: 'xin_viec',
  };
  const submitted = await readJson(
    await citizen.call('/api/dossiers', {
      method: 'POST',
      body: { procedureCode: testProcedure.code, answers, submit: true },
    }),
  );
  const draft = await readJson(
    await citizen.call('/api/dossiers', {
      method: 'POST',
      body: { procedureCode: testProcedureWithDocument.code, answers },
    }),
  );
  const upload = await readJson(
    await citizen.call(`/api/dossiers/${draft.dossier.id}/documents`, {
      method: 'POST',
      body: { slot: 'ban_sao_cccd', fileName: 'cccd.pdf', contentType: 'application/pdf', sizeBytes: 1000 },
    }),
  );
  Object.assign(known, {
    id: [submitted.dossier.id, draft.dossier.id],
    dossierId: [draft.dossier.id],
    documentId: [upload.document.id],
    code: [testProcedure.code, testProcedureWithDocument.code, submitted.dossier.code],
    procedureCode: [testProcedure.code, testProcedureWithDocument.code],
    key: [submitted.trackingKey],
    slug: [fixture.opsTarget, fixture.freshSlug],
    slot: ['ban_sao_cccd', 'result'],
    date: ['2026-09-03'],
    file: ['mau-don.pdf'],
    expectedRevision: [submitted.dossier.revision],
    revision: [String(submitted.dossier.revision)],
  } satisfies Known);
});

interface Caller {
  name: string;
  headers: Record<string, string>;
}

/** Callers that got past an operation's session and role checks: later requests prefer them. */
const admitted = new Map<string, Caller[]>();
let admittedRequests = 0;

function callersOf(tenant: boolean): Caller[] {
  if (!tenant) {
    return [
      { name: 'ops token', headers: { authorization: `Bearer ${t.token}` } },
      { name: 'operator owner', headers: { cookie: `motcua_ops_session=${fixture.operators.owner}` } },
    ];
  }
  return [
    { name: 'citizen', headers: { cookie: `motcua_session=${fixture.citizen}` } },
    ...staffRoles.map((role) => ({
      name: role,
      headers: { cookie: `motcua_session=${fixture.staff[role]}` },
    })),
  ];
}

/** Who sends a request: nobody, or a session the fixture made (never a sign-out of one). */
function callerFor(g: Generator, op: { path: string; tenant: boolean }): Caller {
  const nobody = { name: 'anonymous', headers: {} };
  if (op.path.endsWith('/sign-out') || g.random.chance(0.2)) return nobody;
  if (g.random.chance(0.05)) {
    const forged = g.random.pick(hostileEncoded);
    return {
      name: 'forged cookie',
      headers: { cookie: `motcua_session=${forged}; motcua_ops_session=${forged}` },
    };
  }
  const preferred = admitted.get(op.path) ?? [];
  return preferred.length && g.random.chance(0.7)
    ? g.random.pick(preferred)
    : g.random.pick(callersOf(op.tenant));
}

async function send(
  op: { method: string; path: string; tenant: boolean },
  path: string,
  caller: Caller,
  init: { headers: Record<string, string>; body?: RequestInit['body'] },
) {
  const host = op.tenant ? `${fixture.tenant}.${testDomain}` : testDomain;
  const headers = { origin: `http://${host}`, ...caller.headers, ...init.headers };
  const res = await t.request(path, {
    host,
    method: op.method,
    headers,
    ...(init.body === undefined ? {} : { body: init.body }),
  });
  const text = await res.text();
  const refused =
    res.status === 401 || res.status === 403 || /sign-in$/.test(res.headers.get('location') ?? '');
  if (!refused && caller.name !== 'anonymous') {
    admittedRequests += 1;
    const list = admitted.get(op.path) ?? [];
    if (!list.includes(caller)) admitted.set(op.path, [...list, caller]);
  }
  const body =
    init.body instanceof FormData
      ? [...init.body.entries()]
          .map(([k, v]) => `${k}=${typeof v === 'string' ? v : `file:${v.name}`}`)
          .join('&')
      : String(init.body ?? '');
  outcomes.push({
    request: `${op.method} ${path} as ${caller.name} ${JSON.stringify(init.headers)} ${body.slice(0, 300)} → ${text.slice(0, 200)}`,
    status: res.status,
  });
}

async function fuzzOperation(g: Generator, op: Operation) {
  const hostility = g.random.pick([0.1, 0.3, 0.6]);
  let path = op.path;
  const query: string[] = [];
  const caller = callerFor(g, op);
  const headers: Record<string, string> = {};
  for (const parameter of op.parameters ?? []) {
    if (parameter.in === 'header') {
      // Header values are bytes: only what a client can send.
      if (g.random.chance(0.7))
        headers[parameter.name] = g.random.pick(['', 'k-1', 'x'.repeat(4_000), 'ñ é']);
      continue;
    }
    const value = encodedValue(g, parameter.schema, parameter.name, hostility);
    if (parameter.in === 'path') path = path.replace(`{${parameter.name}}`, value);
    else if (parameter.required || g.random.chance(0.7))
      query.push(`${encodeURIComponent(parameter.name)}=${value}`);
  }
  if (g.random.chance(0.1)) query.push(`${g.random.pick(hostileEncoded)}=${g.random.pick(hostileEncoded)}`);
  const url = query.length ? `${path}?${query.join('&')}` : path;
  const content = op.requestBody?.content ?? {};
  let body: string | Uint8Array | undefined;
  if (content['application/json']) {
    headers['content-type'] = 'application/json';
    body = g.random.chance(0.12)
      ? g.random.pick(hostileBodies)
      : JSON.stringify(valueFor(g, content['application/json'].schema, 'body', hostility));
  } else if (content['application/octet-stream']) {
    headers['content-type'] = g.random.pick(['application/octet-stream', 'application/json', 'text/plain']);
    body = g.random.chance(0.5) ? new Uint8Array(g.random.int(5_000)) : g.random.pick(hostileBodies);
  } else if (op.method !== 'GET' && g.random.chance(0.1)) {
    headers['content-type'] = 'application/json';
    body = g.random.pick(hostileBodies);
  }
  await send(op, url, caller, {
    headers,
    ...(body === undefined ? {} : { body: body as RequestInit['body'] }),
  });
}

/** The names the pages' forms use (packages/ui), and the test procedure's field ids. */
const formNames = [
  ...`email password fullName phone consent token code secret confirm reason revision expectedRevision
    answer comment score paper subject body note name name-vi name-en slug kind adminEmail mode role unitId
    status primaryColor textOnPrimary date onDate parentId key label-vi options required field-type
    field-key document-id max-size-mb time-value time-unit sector copies _action _document permissions`
    .split(/\s+/)
    .filter(Boolean),
  ...testProcedure.form.fields.map((f) => f.id),
];

async function fuzzPage(g: Generator, route: { app: string; path: string }) {
  const op = { method: 'POST', tenant: route.app === 'tenant', path: route.path };
  const path = route.path
    .replace(/:(\w+)/g, (_, name: string) => encodedValue(g, { type: 'string' }, name, 0.5))
    .replace('*', g.random.pick(['x', 'fields/y', hostileEncoded[0] ?? '']));
  const fields = Array.from({ length: 1 + g.random.int(8) }, () => [
    g.random.pick(formNames),
    g.random.chance(0.5) ? g.random.pick(hostileTexts) : String(valueFor(g, { type: 'string' }, 'x', 0.5)),
  ]);
  const caller = callerFor(g, op);
  const headers = { accept: 'text/html' };
  let body: string | FormData;
  if (g.random.chance(0.5)) {
    body = new URLSearchParams(
      fields.map(([k, v]): [string, string] => [k ?? '', (v ?? '').toWellFormed()]),
    ).toString();
    Object.assign(headers, { 'content-type': 'application/x-www-form-urlencoded' });
    if (g.random.chance(0.3))
      body = `${body}&${g.random.pick(hostileEncoded)}=${g.random.pick(hostileEncoded)}`;
  } else {
    const form = new FormData();
    for (const [k, v] of fields) form.append(k ?? '', v ?? '');
    form.append(
      g.random.pick(['paper-file', 'result-file', 'logo', 'template-file', 'file']),
      new File(['%PDF-1.7\n'], g.random.pick(hostileTexts) || 'a.pdf'),
    );
    body = form;
  }
  await send(op, path, caller, { headers, body });
}

describe('fuzzing every operation and form page', () => {
  it('answers no request with a 5xx', { timeout: 600_000 }, async () => {
    const g: Generator = { random: seededRandom(seed), components, known };
    for (const op of operations) for (let i = 0; i < perOperation; i++) await fuzzOperation(g, op);
    const pages = t.app.routes.filter((r) => r.method === 'POST' && !r.path.startsWith('/api/'));
    for (const route of pages) for (let i = 0; i < perPage; i++) await fuzzPage(g, route);
    await t.settle();
    const failures = outcomes.filter((o) => o.status >= 500);
    const statuses: Record<number, number> = {};
    for (const { status } of outcomes) statuses[status] = (statuses[status] ?? 0) + 1;
    console.info(
      `fuzz seed ${seed}: ${outcomes.length} requests (${admittedRequests} with a session it did not refuse), ` +
        `${operations.length} operations and ${pages.length} form pages; statuses ${JSON.stringify(statuses)}`,
    );
    expect(
      failures.map((f) => `${f.status} ${f.request}`).slice(0, 40),
      `seed ${seed} (MOTCUA_FUZZ_SEED=${seed} to replay)`,
    ).toEqual([]);
  });
});
