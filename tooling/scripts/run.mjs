// Entry point behind `npm start`, `npm test` and friends. It runs on whatever Node the
// machine has (≥ 20, no dependencies), installs the workspace with a pinned pnpm fetched
// through npx (corepack fails on machines whose registry serves no signatures), then runs a
// root script with the project's own Node 24 first on PATH.
import { spawnSync } from 'node:child_process';
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
run(npx, ['--yes', PNPM, 'run', script, ...args]);
