import { defineConfig } from 'vitest/config';

// The launcher test starts the real `npm start` entry with its own embedded servers, so it
// needs no global setup.
export default defineConfig({ test: { testTimeout: 120_000, hookTimeout: 60_000 } });
