// Entry point behind `npm start`, `npm test` and friends. It runs on whatever Node the
// machine has (≥ 20, no dependencies), installs the workspace with a pinned pnpm fetched
// through npx (corepack fails on machines whose registry serves no signatures), then runs a
// root script with the project's own Node 24 first on PATH.
//
// Signals: npm passes SIGTERM only to the shell it runs this script in, which dies without
// passing it on, and SIGHUP to nobody, so `kill <npm>` (docker stop, systemd) left everything
// below running. This process therefore forwards SIGINT, SIGTERM and SIGHUP to its child, and
// stops its child when npm or the shell between disappears; `npm start` runs the launcher
// directly as that child (no pnpm or shell in between), which stops its servers on any of these.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
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

/** Scripts run straight on Node 24 rather than through `pnpm run`, so that signals reach them. */
const direct = {
  // `npm start`: the launcher (tooling/dev's `start` script).
  start: {
    cwd: join(root, 'tooling', 'dev'),
    args: ['--max-semi-space-size=16', '--import', 'tsx', 'src/start.ts'],
  },
};

/** The project's Node version, from the catalog in pnpm-workspace.yaml (one place to change it). */
function catalogNodeVersion() {
  const workspace = readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8');
  const version = /^\s+"?node"?:\s*"?([0-9][^"\s]*)"?\s*$/m.exec(workspace)?.[1];
  if (!version) {
    console.error('motcua: no `node` version in the catalog of pnpm-workspace.yaml.');
    process.exit(1);
  }
  return version;
}

/** A process's parent, from /proc (Linux); undefined elsewhere, where only our own parent is watched. */
function parentOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const signalNumbers = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };

/** Runs a child with the terminal, passing signals on; resolves with its exit status. */
function runChild(cmd, cmdArgs, { cwd = root, stdout = 'inherit' } = {}) {
  const child = spawn(cmd, cmdArgs, { cwd, env, stdio: ['inherit', stdout, 'inherit'] });
  const forward = (signal) => child.exitCode === null && child.kill(signal);
  const handlers = signals.map((signal) => [signal, () => forward(signal)]);
  for (const [signal, handler] of handlers) process.on(signal, handler);
  const parent = process.ppid;
  const grandparent = parentOf(parent);
  const watch = setInterval(() => {
    // npm is gone: it ran us through `sh -c`, and passes no SIGHUP (nor, to us, SIGTERM) on.
    if (process.ppid !== parent || parentOf(parent) !== grandparent) forward('SIGTERM');
  }, 250);
  const done = new Promise((resolve) => {
    child.once('error', (error) => {
      console.error(`motcua: could not run ${cmd}: ${error.message}`);
      resolve(1);
    });
    child.once('close', (code, signal) => resolve(code ?? 128 + (signalNumbers[signal] ?? 1)));
  }).finally(() => {
    clearInterval(watch);
    for (const [signal, handler] of handlers) process.off(signal, handler);
  });
  return { child, done };
}

async function mustSucceed(cmd, cmdArgs) {
  const code = await runChild(cmd, cmdArgs).done;
  if (code !== 0) process.exit(code);
}

// Mirrors the test output and closes with one plain line adding up every package's vitest
// summary ("N passed, N failed"), so that a reader or CI sees the whole count at the end.
// biome-ignore lint/suspicious/noControlCharactersInRegex: ESC starts the colour codes to strip
const ansi = /\x1b\[[0-9;]*m/g;

async function runTests() {
  const { child, done } = runChild(npx, ['--yes', PNPM, 'run', script, ...args], { stdout: 'pipe' });
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
  const code = await done;
  count(pending);
  const failed = code === 0 ? totals.failed : Math.max(totals.failed, 1);
  console.log(
    `\ntests: ${totals.passed} passed, ${failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`,
  );
  process.exit(code);
}

// pnpm reads the engines of every package against the `node` first on PATH: putting the
// project's Node there (the `node` package, through npx) keeps a first install on the
// machine's Node 20 free of "Unsupported engine" warnings.
await mustSucceed(npx, [
  '--yes',
  '-p',
  `node@${catalogNodeVersion()}`,
  '-p',
  PNPM,
  'pnpm',
  'install',
  '--frozen-lockfile',
  '--reporter=append-only',
]);
if (!existsSync(join(nodeBin, 'node'))) {
  console.error('motcua: the install did not provide node_modules/.bin/node (the `node` package).');
  process.exit(1);
}
if (direct[script]) {
  const { cwd, args: nodeArgs } = direct[script];
  process.exit(await runChild(join(nodeBin, 'node'), [...nodeArgs, ...args], { cwd }).done);
} else if (script === 'test:all') await runTests();
else process.exit(await runChild(npx, ['--yes', PNPM, 'run', script, ...args]).done);
