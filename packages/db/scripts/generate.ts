// Generates SQL migrations with drizzle-kit, then makes them applicable the way Motcua
// applies them: tenant migrations must be unqualified (drizzle-kit 0.31 writes
// `REFERENCES "public"."x"`), so that one file lands in whichever tenant schema the
// migrator puts first on the search_path; the platform migration must tolerate the schema
// the migrator creates for its journal.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const name = process.argv[2];
for (const target of ['platform', 'tenant'] as const) {
  const args = ['generate', '--config', `drizzle.${target}.config.ts`];
  if (name) args.push('--name', name);
  execFileSync('drizzle-kit', args, { stdio: 'inherit' });
  const dir = join('migrations', target);
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.sql'))) {
    const path = join(dir, file);
    const before = readFileSync(path, 'utf8');
    const after =
      target === 'tenant'
        ? before.replaceAll('"public".', '')
        : before.replaceAll('CREATE SCHEMA "platform";', 'CREATE SCHEMA IF NOT EXISTS "platform";');
    if (after !== before) writeFileSync(path, after);
  }
}
