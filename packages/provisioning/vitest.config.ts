import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['@motcua/testing/global-setup'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Files share one database: the "nothing written" checks count rows and roles
    // cluster-wide, and resumeInterruptedRuns sweeps every run, so files take turns.
    fileParallelism: false,
  },
});
