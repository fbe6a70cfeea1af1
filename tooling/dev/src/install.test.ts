// The first `npm start` or `npm test` of a fresh clone runs on the machine's Node (≥ 20) and
// installs the workspace, whose packages ask for Node ≥ 22: the install must run pnpm on the
// project's Node 24 (26 "Unsupported engine" warnings opened every first start before), and
// leave that Node in node_modules/.bin.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../test/launcher.ts';

const clone = mkdtempSync(join(tmpdir(), 'motcua-install-'));
afterAll(() => rmSync(clone, { recursive: true, force: true }));

/** What an install reads: the root files, run.mjs, the dependency patches and every workspace package's manifest. */
function copyInstallInputs() {
  const files = [
    'package.json',
    'pnpm-workspace.yaml',
    'pnpm-lock.yaml',
    '.npmrc',
    'tooling/scripts/run.mjs',
  ];
  for (const patch of readdirSync(join(repoRoot, 'patches'))) files.push(join('patches', patch));
  for (const group of ['packages', 'services', 'tooling']) {
    for (const name of readdirSync(join(repoRoot, group))) {
      try {
        accessSync(join(repoRoot, group, name, 'package.json'));
        files.push(join(group, name, 'package.json'));
      } catch {}
    }
  }
  for (const file of files) {
    mkdirSync(dirname(join(clone, file)), { recursive: true });
    copyFileSync(join(repoRoot, file), join(clone, file));
  }
}

/** The machine's own Node and PATH, without any project's node_modules/.bin. */
function machine(): { node: string; path: string } {
  const path = (process.env.PATH ?? '').split(delimiter).filter((dir) => !dir.includes('node_modules'));
  for (const dir of path) {
    try {
      accessSync(join(dir, 'node'), constants.X_OK);
      return { node: join(dir, 'node'), path: path.join(delimiter) };
    } catch {}
  }
  return { node: process.execPath, path: path.join(delimiter) };
}

describe('the first install of a clone', () => {
  it('runs pnpm on the project’s Node, without engine warnings, and provides that Node', () => {
    copyInstallInputs();
    const { node, path } = machine();
    // A script that does not exist: the install runs first, then pnpm says the script is missing.
    const run = spawnSync(node, ['tooling/scripts/run.mjs', 'no-such-script'], {
      cwd: clone,
      env: { ...process.env, PATH: path },
      encoding: 'utf8',
      timeout: 300_000,
    });
    const output = `${run.stdout}${run.stderr}`;
    expect(output).toMatch(/Done in .* using pnpm/);
    expect(output).not.toContain('Unsupported engine');
    expect(output).toContain('no-such-script');
    const installed = spawnSync(join(clone, 'node_modules', '.bin', 'node'), ['--version'], {
      encoding: 'utf8',
    });
    expect(installed.stdout.trim()).toMatch(/^v24\./);
  });
});
