// Dossier codes (Circular 01/2018/TT-VPCP art. 19): `<agency identifier>-<YYMMDD>-<NNNN>`, the
// sequence per agency per day. The day's counter row is incremented inside the submitting unit
// of work: concurrent submissions queue on that row, and a rolled-back submission takes its
// number back with it, so numbers are neither skipped nor reused.
import type { TenantDb } from '@motcua/db';
import { dossierCodeSequences } from '@motcua/db/tenant';
import { sql } from 'drizzle-orm';

/** Vietnam is UTC+7 all year: the civil date of an instant there. */
export function vietnamDate(instant: Date): string {
  return new Date(instant.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** The agency's electronic identifier from its `agency_code` setting, or one made from its slug until an admin sets it. */
export function agencyIdentifierFrom(setting: unknown, slug: string): string {
  return typeof setting === 'string' && setting ? setting : slug.replaceAll('-', '').toUpperCase();
}

export async function nextDossierCode(db: TenantDb, agency: string, now: Date): Promise<string> {
  const day = vietnamDate(now);
  const [row] = await db
    .insert(dossierCodeSequences)
    .values({ day, last: 1 })
    .onConflictDoUpdate({
      target: dossierCodeSequences.day,
      set: { last: sql`${dossierCodeSequences.last} + 1` },
    })
    .returning({ last: dossierCodeSequences.last });
  if (!row) throw new Error('The code sequence returned no row.');
  if (row.last > 9999)
    throw new Error('More than 9,999 dossiers in one day: the code format has four digits.');
  const yymmdd = day.slice(2).replaceAll('-', '');
  return `${agency}-${yymmdd}-${String(row.last).padStart(4, '0')}`;
}
