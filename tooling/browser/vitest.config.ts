import { defineConfig } from 'vitest/config';

// The browser scenarios drive one real Chromium against the real app (PostgreSQL, S3, SMTP):
// generous timeouts, and one file at a time so that the two cores of a CI machine are not
// shared by several browsers. CHROMIUM_PATH points at another build than Debian's.
export default defineConfig({
  test: {
    globalSetup: ['./src/global-setup.ts'],
    provide: { chromiumPath: process.env.CHROMIUM_PATH || '/usr/bin/chromium' },
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
