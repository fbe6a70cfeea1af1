// `npm start`'s launcher as a newcomer meets it: its data directory inside a 0700 directory (as
// in root's home), every server private and on loopback, the checkout's own secrets, the
// README's commands pasted as they are, a clean stop and a restart on the same data.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '@motcua/testing';
import { authenticator } from '@motcua/testing/totp';
import { afterAll, describe, expect, it } from 'vitest';
import { isListening, type Launched, launch, privateDataDir, ready, waitFor } from '../test/launcher.ts';
import { checkPrivate, runReadmeCommands } from '../test/start-checks.ts';

const checkout = privateDataDir();
const { dataDir } = checkout;
afterAll(() => checkout.remove());

async function start(pgPort: number, s3Port: number): Promise<Launched> {
  const launched = launch({
    MOTCUA_DATA_DIR: dataDir,
    MOTCUA_PG_PORT: String(pgPort),
    MOTCUA_S3_PORT: String(s3Port),
    PORT: '0',
  });
  await ready(launched);
  return launched;
}

async function stop(launched: Launched): Promise<void> {
  launched.child.kill('SIGINT');
  const code = await launched.exited;
  expect(code, launched.output().slice(-3000)).toBe(0);
  expect(launched.output()).toContain('Stopped.');
}

interface DemoDossier {
  tenant: string;
  code: string | null;
  state: string;
  owner: string | null;
  trackingKey: string | null;
  deadline: string | null;
}

const everyState = [
  'draft',
  'submitted',
  'supplement_requested',
  'refused',
  'received',
  'in_progress',
  'payment_requested',
  'awaiting_approval',
  'approved',
  'stopped',
  'result_issued',
  'result_returned',
  'withdrawn',
];

/** Every state in each agency, one late and one due-soon dossier, and what a person can try with them. */
async function checkDemoDossiers(
  base: string,
  demo: { citizens: { tenant: string; email: string; password: string }[]; dossiers: DemoDossier[] },
  receptionCookie: string,
  output: string,
) {
  expect(demo.citizens).toHaveLength(10);
  expect(demo.citizens[0]).toMatchObject({
    tenant: 'bo-tu-phap',
    email: 'cong-dan-1@bo-tu-phap.demo.motcua.vn',
  });
  expect(demo.dossiers).toHaveLength(32);
  expect(output).toContain('Demo dossiers:     32 in 13 states');
  for (const slug of ['bo-tu-phap', 'da-nang']) {
    const mine = demo.dossiers.filter((d) => d.tenant === slug);
    expect(new Set(mine.map((d) => d.state))).toEqual(new Set(everyState));
    expect(mine.filter((d) => d.deadline === 'late')).toHaveLength(1);
    expect(mine.filter((d) => d.deadline === 'due_soon')).toHaveLength(1);
    expect(mine.filter((d) => d.state !== 'draft').every((d) => d.code && d.trackingKey)).toBe(true);
  }

  // Public tracking with a code and key from demo.json.
  const received = demo.dossiers.find((d) => d.tenant === 'da-nang' && d.state === 'received');
  const tracked = await fetch(
    `${base}/t/da-nang/api/public/track?code=${received?.code}&key=${received?.trackingKey}`,
  );
  expect(await tracked.json()).toMatchObject({ code: received?.code, state: 'received', nationalStatus: 2 });

  // A demo citizen signs in and sees their own dossiers, the draft included.
  const citizen = demo.citizens.find((c) => c.tenant === 'da-nang');
  const signIn = await fetch(`${base}/t/da-nang/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: citizen?.email, password: citizen?.password }),
  });
  expect(signIn.status).toBe(200);
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const own = (await (await fetch(`${base}/t/da-nang/api/dossiers`, { headers: { cookie } })).json()) as {
    dossiers: { code: string | null }[];
  };
  const expected = demo.dossiers.filter((d) => d.tenant === 'da-nang' && d.owner === citizen?.email);
  expect(own.dossiers.map((d) => d.code).sort()).toEqual(expected.map((d) => d.code).sort());

  // The desk sees the late dossier in its queue (the due-soon one joins it if the office closed
  // since the start, hence "contains").
  const late = await fetch(`${base}/t/da-nang/api/dossiers?due=late`, {
    headers: { cookie: receptionCookie },
  });
  const lateCodes = ((await late.json()) as { dossiers: { code: string }[] }).dossiers.map((d) => d.code);
  const planned = demo.dossiers.filter((d) => d.tenant === 'da-nang' && d.deadline === 'late');
  expect(planned).toHaveLength(1);
  expect(lateCodes).toEqual(expect.arrayContaining(planned.map((d) => d.code)));
}

describe('npm start', () => {
  it('starts from a data directory inside a 0700 directory, private and on loopback, serves the demo agencies, runs the README’s commands, stops cleanly on Ctrl-C and restarts on its data and secrets', async () => {
    const pgPort = await freePort();
    const s3Port = await freePort();
    const first = await start(pgPort, s3Port);
    const demo = JSON.parse(readFileSync(join(dataDir, 'demo.json'), 'utf8'));
    const apiPort = Number(new URL(demo.baseUrl).port);
    await checkPrivate(dataDir, { pg: pgPort, s3: s3Port, api: apiPort }, demo);
    expect(demo.tenants.map((t: { slug: string }) => t.slug)).toEqual(['bo-tu-phap', 'da-nang']);
    expect(demo.accounts).toHaveLength(12);
    expect(demo.operators.map((o: { role: string }) => o.role)).toEqual([
      'owner',
      'operator',
      'billing',
      'support',
    ]);
    expect(demo.operators[0].totpSecret).toMatch(/^[A-Z2-7]{16,}$/);
    expect(demo.accounts[0]).toMatchObject({
      tenant: 'bo-tu-phap',
      role: 'admin',
      password: expect.any(String),
    });
    const base: string = demo.baseUrl.replace('localhost', '127.0.0.1');
    for (const [path, accept] of [
      ['/', 'text/html'],
      ['/', '*/*'],
      ['/t/da-nang/', '*/*'],
      ['/t/da-nang/', 'text/html'],
      ['/docs', '*/*'],
      // Pages from packages/ui, rendered by the same tsx runtime `npm start` uses.
      ['/t/da-nang/sign-in', 'text/html'],
      ['/t/da-nang/register?lang=en', 'text/html'],
      ['/t/da-nang/accept-invitation?token=x.y', 'text/html'],
    ]) {
      const res = await fetch(`${base}${path}`, { headers: { accept } });
      expect(res.status, `${path} (${accept}): ${first.output().slice(-2000)}`).toBe(200);
      expect(res.headers.get('content-type'), path).toContain('text/html');
    }
    // Each demo agency in its own colours.
    const theme = await (await fetch(`${base}/t/da-nang/assets/theme.css`)).text();
    expect(theme).toContain('--brand: #0b5394;');
    const profile = await fetch(`${base}/t/da-nang/api/tenant`);
    expect(await profile.json()).toMatchObject({ slug: 'da-nang', kind: 'province', status: 'active' });
    const admin = demo.accounts.find(
      (a: { role: string; tenant: string }) => a.role === 'admin' && a.tenant === 'da-nang',
    );
    expect(admin.totpSecret).toMatch(/^[A-Z2-7]{16,}$/);
    const reception = demo.accounts.find(
      (a: { role: string; tenant: string }) => a.role === 'reception' && a.tenant === 'da-nang',
    );
    const signIn = await fetch(`${base}/t/da-nang/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: reception.email, password: reception.password }),
    });
    expect(signIn.status).toBe(200);
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const me = await fetch(`${base}/t/da-nang/api/auth/me`, { headers: { cookie } });
    expect(await me.json()).toMatchObject({ role: 'reception', email: reception.email });
    const list = await fetch(`${base}/api/ops/tenants`, {
      headers: { authorization: `Bearer ${demo.operator.token}` },
    });
    expect(list.status).toBe(200);
    await checkDemoDossiers(base, demo, cookie, first.output());
    await checkAdminTotp(base, admin);
    // The worker delivered the demo dossiers' notices to the local mail sink as .eml files.
    const mailDir = join(dataDir, 'mail');
    await waitFor(() => existsSync(mailDir) && readdirSync(mailDir).some((f) => f.endsWith('.eml')));
    const [firstMail] = readdirSync(mailDir).filter((f) => f.endsWith('.eml'));
    const message = readFileSync(join(mailDir, firstMail ?? ''), 'utf8');
    expect(message).toMatch(/^Message-ID: <outbox\./im);
    expect(first.output()).toContain(`Mail sent:         ${mailDir}`);
    await stop(first);

    // Ports closed once stopped: PostgreSQL, S3 and the API went down with the launcher.
    for (const port of [pgPort, s3Port, apiPort]) expect(await isListening(port), `port ${port}`).toBe(false);

    const second = await start(pgPort, s3Port);
    const again = JSON.parse(readFileSync(join(dataDir, 'demo.json'), 'utf8'));
    // The checkout's secrets are kept: token, password and TOTP secrets are those of the first start.
    expect(again.operator.token).toBe(demo.operator.token);
    expect(again.password).toBe(demo.password);
    expect(again.operators).toEqual(demo.operators);
    expect(again.accounts).toEqual(demo.accounts);
    const res = await fetch(`${again.baseUrl.replace('localhost', '127.0.0.1')}/t/bo-tu-phap/api/tenant`);
    expect(res.status).toBe(200);
    // The second start found the dossiers there and added none.
    const codesOf = (d: { dossiers: DemoDossier[] }) =>
      d.dossiers.map((x) => `${x.tenant} ${x.code} ${x.state}`);
    expect(codesOf(again)).toEqual(codesOf(demo));
    expect(second.output()).toContain(`Demo dossiers:     ${demo.dossiers.length} in 13 states`);
    // Last, since it files a dossier and onboards an agency.
    await runReadmeCommands(dataDir, again.baseUrl);
    await stop(second);
  });
});

/** The demo admin's TOTP secret (derived from the checkout's key) works as an authenticator app's. */
async function checkAdminTotp(base: string, admin: { email: string; password: string; totpSecret: string }) {
  const origin = { origin: base, 'content-type': 'application/json' };
  const signIn = await fetch(`${base}/t/da-nang/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: admin.email, password: admin.password }),
  });
  expect(await signIn.json()).toMatchObject({ totp: 'required' });
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const code = authenticator(admin.totpSecret).next();
  const totp = await fetch(`${base}/t/da-nang/api/auth/totp`, {
    method: 'POST',
    headers: { ...origin, cookie },
    body: JSON.stringify({ code }),
  });
  expect(totp.status, await totp.clone().text()).toBe(200);
}
