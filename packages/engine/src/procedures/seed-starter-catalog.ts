// A new agency starts with the starter catalog published, so its portal has something to file
// on the day it goes live; procedures it already has are left as they are (a resumed
// provisioning run must not publish twice).
import type { TenantDb } from '@motcua/db';
import { procedures } from '@motcua/db/tenant';
import { starterCatalog } from '@motcua/domain';
import { inArray } from 'drizzle-orm';
import { publishVersion } from './publish-version.ts';

export async function seedStarterCatalog(db: TenantDb): Promise<number> {
  const codes = starterCatalog.map((p) => p.code);
  const present = new Set(
    (await db.select({ code: procedures.code }).from(procedures).where(inArray(procedures.code, codes))).map(
      (r) => r.code,
    ),
  );
  let published = 0;
  for (const document of starterCatalog) {
    if (present.has(document.code)) continue;
    await publishVersion(db, document, 'system');
    published += 1;
  }
  return published;
}
