// What this package's vitest config and global setup hand the test files through `inject`.
import type {} from '@motcua/testing/provided';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where Chromium is expected (CHROMIUM_PATH, else Debian's /usr/bin/chromium). */
    chromiumPath: string;
    /** Whether an executable is there: without one the scenarios are skipped, loudly. */
    chromiumAvailable: boolean;
  }
}
