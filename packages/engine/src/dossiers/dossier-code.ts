// Dossier codes (Circular 01/2018/TT-VPCP art. 19): `<agency identifier>-<YYMMDD>-<NNNN>`, the
// sequence per agency per day. The day's counter row is incremented inside the submitting unit
// of work: concurrent submissions queue on that row, and a rolled-back submission takes its
// number back with it, so numbers are neither skipped nor reused.
//
// The circular fixes four digits, which a large agency can outgrow on a busy day (a province
// receiving for all its communes, a deadline day): refusing the 10,000th citizen of the day
// would be worse than a longer code. So the sequence widens past 9999 (`…-250714-9999`, then
// `…-250714-10000`): codes stay unique, and still sort and group by day (the date part is
// fixed-width); within the day, numbers of five digits and more sort after 9999 when ordered
// by number, not by text. The counter itself stops at PostgreSQL's integer maximum, refused
// as a limit until the next day rather than failing.
import type { TenantDb } from '@motcua/db';
import { dossierCodeSequences } from '@motcua/db/tenant';
import { LimitExceededError } from '@motcua/domain';
import { lt, sql } from 'drizzle-orm';

/** Vietnam is UTC+7 all year: the civil date of an instant there. */
export function vietnamDate(instant: Date): string {
  return new Date(instant.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** The agency's electronic identifier from its `agency_code` setting, or one made from its slug until an admin sets it. */
export function agencyIdentifierFrom(setting: unknown, slug: string): string {
  return typeof setting === 'string' && setting ? setting : slug.replaceAll('-', '').toUpperCase();
}

/** The last number a day can give: the counter column's type (PostgreSQL integer). */
export const lastDossierNumberOfDay = 2_147_483_647;

/** Seconds from `now` to the next midnight in Vietnam, when a new day's sequence starts. */
function secondsToNextVietnamDay(now: Date): number {
  const local = now.getTime() + 7 * 3_600_000;
  return Math.ceil((86_400_000 - (local % 86_400_000)) / 1000);
}

export async function nextDossierCode(db: TenantDb, agency: string, now: Date): Promise<string> {
  const day = vietnamDate(now);
  const [row] = await db
    .insert(dossierCodeSequences)
    .values({ day, last: 1 })
    .onConflictDoUpdate({
      target: dossierCodeSequences.day,
      set: { last: sql`${dossierCodeSequences.last} + 1` },
      // At the maximum the update is skipped and no row comes back, instead of an overflow error.
      setWhere: lt(dossierCodeSequences.last, lastDossierNumberOfDay),
    })
    .returning({ last: dossierCodeSequences.last });
  if (!row) {
    throw new LimitExceededError(
      `This agency has given all ${lastDossierNumberOfDay.toLocaleString('en')} dossier numbers of the day; submissions open again tomorrow.`,
      secondsToNextVietnamDay(now),
      { limit: 'dossier_numbers_per_day', max: lastDossierNumberOfDay },
    );
  }
  const yymmdd = day.slice(2).replaceAll('-', '');
  return `${agency}-${yymmdd}-${String(row.last).padStart(4, '0')}`;
}
