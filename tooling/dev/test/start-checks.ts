// What the launcher test checks of a running `npm start`: item 4's exposure (secrets, private
// directories, loopback), and the README's commands pasted as they are.
import { spawnSync } from 'node:child_process';
import { lstatSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase } from '@motcua/db';
import { serverUser } from '@motcua/testing';
import { expect } from 'vitest';
import { isListening, postgresDataDir, repoRoot } from './launcher.ts';

const isRoot = process.getuid?.() === 0;
const secretFields = [
  'appPassword',
  'opsToken',
  'pgSuperuserPassword',
  's3AccessKeyId',
  's3SecretAccessKey',
  'secretKey',
  'demoPassword',
  'demoTotpKey',
];

/** Item 4: per-checkout secrets, private directories, every server on 127.0.0.1 only. */
export async function checkPrivate(
  dataDir: string,
  ports: { pg: number; s3: number; api: number },
  demo: { password: string },
) {
  const mode = (path: string) => statSync(path).mode & 0o777;
  const secrets = JSON.parse(readFileSync(join(dataDir, 'secrets.json'), 'utf8'));
  expect(Object.keys(secrets).sort()).toEqual([...secretFields].sort());
  expect(mode(join(dataDir, 'secrets.json'))).toBe(0o600);
  expect(mode(join(dataDir, 'demo.json'))).toBe(0o600);
  expect(demo.password).toBe(secrets.demoPassword);
  expect(demo.password).not.toBe('MotcuaDemo-2026');
  // .data: this user's; under root the postgres OS user's group may pass through, nothing more.
  expect(mode(dataDir)).toBe(isRoot ? 0o710 : 0o700);
  if (isRoot) expect(statSync(dataDir).gid).toBe(serverUser().gid);
  for (const dir of ['s3', 'mail']) expect(mode(join(dataDir, dir)), dir).toBe(0o700);
  const pgData = postgresDataDir(dataDir);
  expect(mode(pgData)).toBe(0o700);
  expect(statSync(pgData).uid).toBe(serverUser().uid);
  if (isRoot) expect(lstatSync(join(dataDir, 'postgres')).isSymbolicLink()).toBe(true); // the 0700 home

  // 127.0.0.2 is loopback too: a server bound to 0.0.0.0 would answer there.
  for (const [name, port] of Object.entries(ports)) {
    expect(await isListening(port, '127.0.0.1'), name).toBe(true);
    expect(await isListening(port, '127.0.0.2'), name).toBe(false);
  }

  const superuser = async (password: string) => {
    const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${ports.pg}/postgres`;
    const database = createDatabase({ url, max: 1 });
    try {
      await database.sql`select 1`;
      return 'accepted';
    } catch (error) {
      return (error as { code?: string }).code;
    } finally {
      await database.close();
    }
  };
  expect(await superuser('postgres')).toBe('28P01');
  expect(await superuser(secrets.pgSuperuserPassword)).toBe('accepted');

  // The S3 server answers only requests signed with this checkout's key.
  const s3 = `http://127.0.0.1:${ports.s3}/`;
  const signed = (key: string) => {
    const now = new Date().toISOString().replace(/[-:]|\.\d+/g, '');
    return {
      authorization: `AWS4-HMAC-SHA256 Credential=${key}/${now.slice(0, 8)}/ap-southeast-1/s3/aws4_request, SignedHeaders=host, Signature=0`,
      'x-amz-date': now,
      'x-amz-content-sha256': 'UNSIGNED-PAYLOAD',
    };
  };
  expect((await fetch(s3)).status).toBe(403);
  expect((await fetch(s3, { headers: signed('S3RVER') })).status).toBe(403);
  expect((await fetch(s3, { headers: signed(secrets.s3AccessKeyId) })).status).toBe(200);
}

const readmeMarker = '<!-- README test: tooling/dev/src/start.test.ts runs this block -->';

/**
 * The README's marked command blocks, pasted into bash as they are, from a directory of their
 * own; only where `npm start` listens and keeps .data differ from the README's defaults.
 */
export async function runReadmeCommands(dataDir: string, baseUrl: string) {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const blocks = readme
    .split(readmeMarker)
    .slice(1)
    .map((part) => {
      const fence = /^\s*```sh\n([\s\S]*?)\n\s*```/.exec(part);
      if (!fence?.[1]) throw new Error('a README test marker is not followed by a ```sh block');
      const lines = fence[1].split('\n');
      const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)?.[0].length ?? 0));
      return lines.map((l) => l.slice(indent)).join('\n');
    });
  expect(blocks.length).toBe(3);
  const script = blocks.join('\n');
  expect(script).toContain('http://localhost:3000');
  expect(script).toContain('./.data/');
  const commands = script.replaceAll('http://localhost:3000', baseUrl).replaceAll('./.data/', `${dataDir}/`);
  const workDir = mkdtempSync(join(tmpdir(), 'motcua-readme-'));
  try {
    // Any HTTP error fails the run, with the body the API answered.
    const strictCurl = 'curl() { command curl --silent --show-error --fail-with-body "$@"; echo; }\n';
    const run = spawnSync('bash', ['-euo', 'pipefail', '-c', strictCurl + commands], {
      cwd: workDir,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    expect(run.stdout).toContain('"slug":"hue"'); // the operator created an agency
    expect(run.stdout).toContain('"role":"reception"'); // the staff member is signed in
    expect(run.stdout).toMatch(/"state":"received","nationalStatus":2/); // filed, then received
    const dossier = JSON.parse(readFileSync(join(workDir, 'dossier.json'), 'utf8'));
    expect(run.stdout).toContain(`"code":"${dossier.dossier.code}"`); // tracked by code and key
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}
