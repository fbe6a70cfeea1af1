import { defineConfig } from 'vitest/config';

// These tests start their own servers (that is what they test), so there is no global setup.
export default defineConfig({ test: { testTimeout: 120_000, hookTimeout: 60_000 } });
