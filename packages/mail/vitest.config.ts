import { defineConfig } from 'vitest/config';

// No global setup: the mail tests need neither PostgreSQL nor S3, only the SMTP server they start.
export default defineConfig({ test: { testTimeout: 30_000, hookTimeout: 60_000 } });
