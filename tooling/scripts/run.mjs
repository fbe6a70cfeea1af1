// Entry point behind `npm start`, `npm test` and friends. It runs on whatever Node the
// machine has (≥ 20, no dependencies), installs the workspace with a pinned pnpm fetched
// through npx (corepack fails on machines whose registry serves no signatures), then runs a
// root script with the project's own Node 24 first on PATH.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PNPM = 'pnpm@12.21.0';
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const [script, ...rest] = process.argv.slice(2);
if (!script) {
  console.error('usage: node tooling/scripts/run.mjs <root script> [-- args]');
  process.exit(2);
}
const args = rest[0] === '--' ? rest.slice(1) : rest;
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const nodeBin = join(root, 'node_modules', '.bin');
const env = {
  ...process.env,
  PATH: [nodeBin, process.env.PATH].join(delimiter),
  TURBO_TELEMETRY_DISABLED: '1',
  DO_NOT_TRACK: '1',
};

function run(cmd, cmdArgs) {
  const result = spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit', env });
  if (result.error) {
    console.error(`motcua: could not run ${cmd}: ${result.error.message}`);
    process.exit(1);
  }
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run(npx, ['--yes', PNPM, 'install', '--frozen-lockfile', '--reporter=append-only']);
if (!existsSync(join(nodeBin, 'node'))) {
  console.error('motcua: the install did not provide node_modules/.bin/node (the `node` package).');
  process.exit(1);
}
if (script === 'test:all') runTests();
else run(npx, ['--yes', PNPM, 'run', script, ...args]);

// Mirrors the test output and closes with one plain line adding up every package's vitest
// summary ("N passed, N failed"), so that a reader or CI sees the whole count at the end.
// biome-ignore lint/suspicious/noControlCharactersInRegex: ESC starts the colour codes to strip
const ansi = /\x1b\[[0-9;]*m/g;

function runTests() {
  const child = spawn(npx, ['--yes', PNPM, 'run', script, ...args], {
    cwd: root,
    env,
    stdio: ['inherit', 'pipe', 'inherit'],
  });
  const totals = { passed: 0, failed: 0, skipped: 0 };
  let pending = '';
  const count = (line) => {
    const plain = line.replace(ansi, '');
    const summary = /\bTests\s+(.*)\(\d+\)\s*$/.exec(plain);
    if (!summary) return;
    for (const [, n, kind] of summary[1].matchAll(/(\d+) (passed|failed|skipped)/g))
      totals[kind] += Number(n);
  };
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    const lines = (pending + chunk.toString('utf8')).split('\n');
    pending = lines.pop() ?? '';
    lines.forEach(count);
  });
  child.on('close', (code) => {
    count(pending);
    const failed = code === 0 ? totals.failed : Math.max(totals.failed, 1);
    console.log(
      `\ntests: ${totals.passed} passed, ${failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`,
    );
    process.exit(code ?? 1);
  });
}
