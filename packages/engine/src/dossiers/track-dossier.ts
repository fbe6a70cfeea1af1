// Public tracking: the dossier code and the key printed on the receipt, nothing else. Codes are
// sequential, so the key is what stops anyone from walking them; lookups are rate-limited per
// client address, and a wrong key and an unknown code get the same answer.
import { timingSafeEqual } from 'node:crypto';
import { consumeRateLimit, type Database, type TenantSlug, withTenant } from '@motcua/db';
import { dossiers } from '@motcua/db/tenant';
import {
  type DossierState,
  LimitExceededError,
  NotFoundError,
  nationalStatus,
  ValidationError,
} from '@motcua/domain';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';

export const trackInput = z.object({
  code: z.string().trim().min(10).max(60),
  key: z
    .string()
    .trim()
    .transform((k) => k.replaceAll(/[\s-]/g, '').toUpperCase())
    .pipe(z.string().regex(/^[A-Z2-9]{8}$/)),
});

export const trackingLimit = { limit: 30, windowSeconds: 60 };

export interface TrackedDossier {
  code: string;
  procedureCode: string;
  state: DossierState;
  nationalStatus: number | null;
  submittedAt: string | null;
  receivedAt: string | null;
  dueAt: string | null;
  finishedAt: string | null;
  /** What happened when, without who: the public sees no names. */
  steps: { action: string; to: string; at: string }[];
}

const sameKey = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export async function trackDossier(
  scope: { database: Database; slug: TenantSlug; ip?: string },
  input: unknown,
): Promise<TrackedDossier> {
  const limit = await consumeRateLimit(
    scope.database,
    { bucket: `track:${scope.slug}`, client: scope.ip },
    trackingLimit,
  );
  if (!limit.allowed) {
    throw new LimitExceededError('Too many lookups. Try again in a minute.', limit.retryAfterSeconds);
  }
  const parsed = trackInput.safeParse(input);
  if (!parsed.success) {
    throw new ValidationError(
      'Enter the dossier code and the tracking key printed on your receipt.',
      parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  }
  const { code, key } = parsed.data;
  return withTenant(scope.database, scope.slug, async (db) => {
    // The dossier and its steps in one round trip: this is the public hot path.
    const [row] = await db
      .select({
        trackingKey: dossiers.trackingKey,
        procedureCode: dossiers.procedureCode,
        state: dossiers.state,
        submittedAt: dossiers.submittedAt,
        receivedAt: dossiers.receivedAt,
        dueAt: dossiers.dueAt,
        finishedAt: dossiers.finishedAt,
        steps: sql<{ action: string; to: string; at: string }[]>`coalesce((
          select json_agg(json_build_object('action', e.action, 'to', e.to_state, 'at', e.at) order by e.id)
          from dossier_events e where e.dossier_id = dossiers.id), '[]'::json)`,
      })
      .from(dossiers)
      .where(eq(dossiers.code, code));
    if (!row?.trackingKey || !sameKey(row.trackingKey, key)) {
      throw new NotFoundError('No dossier matches this code and key.');
    }
    const state = row.state as DossierState;
    const iso = (d: Date | null) => d?.toISOString() ?? null;
    return {
      code,
      procedureCode: row.procedureCode,
      state,
      nationalStatus: nationalStatus(state),
      submittedAt: iso(row.submittedAt),
      receivedAt: iso(row.receivedAt),
      dueAt: iso(row.dueAt),
      finishedAt: iso(row.finishedAt),
      // json_agg gives PostgreSQL's timestamp text: the API speaks ISO 8601 with a Z.
      steps: row.steps.map((s) => ({ action: s.action, to: s.to, at: new Date(s.at).toISOString() })),
    };
  });
}
