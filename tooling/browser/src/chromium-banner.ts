// The message shown wherever the browser scenarios cannot run: never a silent pass.
import { accessSync, constants } from 'node:fs';

export function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function skippedBanner(path: string): string {
  const rule = '#'.repeat(78);
  return [
    '',
    rule,
    `#  BROWSER TESTS SKIPPED: no Chromium at ${path}`,
    '#  Install it (`apt-get install chromium`, as .ci/run does) or set CHROMIUM_PATH.',
    '#  The accessibility, keyboard and page-budget checks of the web pages did NOT run.',
    rule,
    '',
  ].join('\n');
}
