import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/platform/index.ts',
  out: './migrations/platform',
  schemaFilter: ['platform'],
});
