// For operators: the agency's emails the worker gave up on, counted by reason, with the latest
// few. Kept to what tells an operator what went wrong (which kind of email, why, the SMTP code,
// when): no address and no content, which belong to the agency and its citizens.
import { withTenant } from '@motcua/db';
import { outbox } from '@motcua/db/tenant';
import { and, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { ProvisioningContext } from './context.ts';
import { parseSlugArgument } from './input.ts';
import { requireTenant } from './records.ts';

/** Reasons that mean an email was lost; `superseded` (its link was replaced first) is not one. */
export const undeliverableReasons = ['rejected', 'expired'] as const;
export type UndeliverableReason = (typeof undeliverableReasons)[number];

export interface UndeliverableEmail {
  id: number;
  /** The kind of email, e.g. `dossier.received`, `staff.invitation`. */
  template: string;
  reason: UndeliverableReason;
  /** The failure's class and codes, e.g. `Error:EENVELOPE:550`. */
  error: string | null;
  smtpCode: number | null;
  attempts: number;
  createdAt: Date;
  givenUpAt: Date;
}

export interface UndeliverableEmails {
  counts: Record<UndeliverableReason, number>;
  /** The latest, newest first. */
  latest: UndeliverableEmail[];
}

const none: UndeliverableEmails = { counts: { rejected: 0, expired: 0 }, latest: [] };

/** Empty for an agency that is not live (still provisioning, being offboarded, gone). */
export async function readUndeliverableEmails(
  ctx: ProvisioningContext,
  slug: string,
  { limit = 20 }: { limit?: number } = {},
): Promise<UndeliverableEmails> {
  const validSlug = parseSlugArgument(slug);
  const tenant = await requireTenant(ctx.database.platform, validSlug);
  if (tenant.status !== 'active' && tenant.status !== 'suspended') return none;
  return withTenant(ctx.database, validSlug, async (db) => {
    const given = and(
      isNotNull(outbox.givenUpAt),
      inArray(outbox.givenUpReason, [...undeliverableReasons]),
      eq(outbox.kind, 'email'),
    );
    const counted = await db
      .select({ reason: outbox.givenUpReason, n: sql<number>`count(*)::int` })
      .from(outbox)
      .where(given)
      .groupBy(outbox.givenUpReason);
    const rows = await db
      .select({
        id: outbox.id,
        template: sql<string>`coalesce(${outbox.payload} ->> 'template', '')`,
        reason: outbox.givenUpReason,
        error: outbox.lastError,
        attempts: outbox.attempts,
        createdAt: outbox.createdAt,
        givenUpAt: outbox.givenUpAt,
      })
      .from(outbox)
      .where(given)
      .orderBy(desc(outbox.givenUpAt), desc(outbox.id))
      .limit(limit);
    const counts = { ...none.counts };
    for (const row of counted) counts[row.reason as UndeliverableReason] = row.n;
    return {
      counts,
      latest: rows.map((row) => ({
        ...row,
        reason: row.reason as UndeliverableReason,
        smtpCode: smtpCodeIn(row.error),
        givenUpAt: row.givenUpAt as Date,
      })),
    };
  });
}

/** The SMTP code at the end of a failure's description (`Error:EENVELOPE:550`), if any. */
function smtpCodeIn(error: string | null): number | null {
  const match = error ? /:([2-5]\d\d)$/.exec(error) : null;
  return match ? Number(match[1]) : null;
}
