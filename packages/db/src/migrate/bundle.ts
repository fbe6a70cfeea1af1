// Reads a folder of drizzle-kit migrations (meta/_journal.json + one SQL file per entry).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Migration {
  /** 1-based version: a schema at version n has migrations 1..n applied. */
  version: number;
  tag: string;
  hash: string;
  statements: string[];
}

interface Journal {
  entries: { idx: number; tag: string }[];
}

export function loadMigrations(folder: string): Migration[] {
  const journal = JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as Journal;
  return journal.entries
    .toSorted((a, b) => a.idx - b.idx)
    .map((entry, i) => {
      const text = readFileSync(join(folder, `${entry.tag}.sql`), 'utf8');
      return {
        version: i + 1,
        tag: entry.tag,
        hash: createHash('sha256').update(text).digest('hex'),
        statements: text
          .split('--> statement-breakpoint')
          .map((s) => s.trim())
          .filter(Boolean),
      };
    });
}

const migrationsRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'migrations');
export const platformMigrationsFolder = join(migrationsRoot, 'platform');
export const tenantMigrationsFolder = join(migrationsRoot, 'tenant');
