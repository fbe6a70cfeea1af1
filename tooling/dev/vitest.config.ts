import { defineConfig } from 'vitest/config';

// The launcher tests start the real `npm start` entry with its own embedded servers, so they
// need no global setup; one file at a time, since each runs a whole stack.
export default defineConfig({ test: { testTimeout: 240_000, hookTimeout: 60_000, fileParallelism: false } });
