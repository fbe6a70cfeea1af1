import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '@motcua/testing';
import { afterAll, describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'motcua-launcher-'));
chmodSync(dataDir, 0o755);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

interface Started {
  child: ChildProcess;
  output: () => string;
}

async function launch(pgPort: number, s3Port: number): Promise<Started> {
  let output = '';
  const child = spawn(
    process.execPath,
    ['--max-semi-space-size=16', '--import', 'tsx', join(here, 'start.ts')],
    {
      cwd: join(here, '..'),
      env: {
        ...process.env,
        MOTCUA_DATA_DIR: dataDir,
        MOTCUA_PG_PORT: String(pgPort),
        MOTCUA_S3_PORT: String(s3Port),
        PORT: '0',
        LOG_LEVEL: 'error',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (output.includes('Press Ctrl-C to stop.')) {
        clearInterval(timer);
        resolve();
      } else if (child.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(`the launcher exited with ${child.exitCode}:\n${output}`));
      }
    }, 100);
  });
  return { child, output: () => output };
}

async function stop({ child, output }: Started): Promise<void> {
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGINT');
  const code = await exited;
  expect(code, output().slice(-3000)).toBe(0);
  expect(output()).toContain('Stopped.');
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
  it('starts everything, serves the demo agencies, writes demo.json, stops cleanly on Ctrl-C and restarts on its data', async () => {
    const pgPort = await freePort();
    const s3Port = await freePort();
    const first = await launch(pgPort, s3Port);
    const demo = JSON.parse(readFileSync(join(dataDir, 'demo.json'), 'utf8'));
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
    // The worker delivered the demo dossiers' notices to the local mail sink as .eml files.
    const mailDir = join(dataDir, 'mail');
    await waitFor(() => existsSync(mailDir) && readdirSync(mailDir).some((f) => f.endsWith('.eml')));
    const [firstMail] = readdirSync(mailDir).filter((f) => f.endsWith('.eml'));
    const message = readFileSync(join(mailDir, firstMail ?? ''), 'utf8');
    expect(message).toMatch(/^Message-ID: <outbox\./im);
    expect(first.output()).toContain(`Mail sent:         ${mailDir}`);
    await stop(first);

    // Port closed once stopped: PostgreSQL went down with the launcher.
    const pgDown = await fetch(`http://127.0.0.1:${pgPort}`).then(
      () => false,
      () => true,
    );
    expect(pgDown).toBe(true);

    const second = await launch(pgPort, s3Port);
    const again = JSON.parse(readFileSync(join(dataDir, 'demo.json'), 'utf8'));
    expect(again.operator.token).toBe(demo.operator.token);
    const res = await fetch(`${again.baseUrl.replace('localhost', '127.0.0.1')}/t/bo-tu-phap/api/tenant`);
    expect(res.status).toBe(200);
    // The second start found the dossiers there and added none.
    const codesOf = (d: { dossiers: DemoDossier[] }) =>
      d.dossiers.map((x) => `${x.tenant} ${x.code} ${x.state}`);
    expect(codesOf(again)).toEqual(codesOf(demo));
    expect(second.output()).toContain(`Demo dossiers:     ${demo.dossiers.length} in 13 states`);
    await stop(second);
  });
});

async function waitFor(check: () => boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the condition');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
