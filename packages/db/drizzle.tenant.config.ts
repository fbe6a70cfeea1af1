import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/tenant/index.ts',
  out: './migrations/tenant',
});
