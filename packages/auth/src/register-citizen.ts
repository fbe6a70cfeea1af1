// Citizen self-registration on an agency's portal. The answer is the same whether or not the
// address already has an account (the password is hashed either way, so timing matches too);
// the citizen then signs in. Consent must be given explicitly (Law 91/2025: no pre-ticked box).
import { consumeRateLimit, type Database, newId, type TenantSlug, withTenant } from '@motcua/db';
import { citizens } from '@motcua/db/tenant';
import { LimitExceededError, ValidationError } from '@motcua/domain';
import { z } from 'zod';
import { recordAudit } from './audit.ts';
import { checkPassword, hashPassword } from './passwords.ts';

export const registerCitizenInput = z.object({
  email: z.email().max(254),
  fullName: z.string().trim().min(2).max(200),
  password: z.string().max(1024),
  consent: z.literal(true, { error: 'Agree to the processing of your personal data to register.' }),
});

export interface RegisterContext {
  database: Database;
  slug: TenantSlug;
  ip?: string;
  requestId?: string;
}

/** Registrations one address may make per hour on one tenant. */
export const registrationLimit = { limit: 10, windowSeconds: 3600 };

export async function registerCitizen(
  ctx: RegisterContext,
  input: unknown,
): Promise<{ status: 'registered' }> {
  const limit = await consumeRateLimit(
    ctx.database,
    `register:${ctx.slug}:${ctx.ip ?? 'unknown'}`,
    registrationLimit,
  );
  if (!limit.allowed) {
    throw new LimitExceededError(
      'Too many registrations from this address. Try again later.',
      limit.retryAfterSeconds,
    );
  }
  const parsed = registerCitizenInput.safeParse(input);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  if (parsed.success) {
    for (const problem of checkPassword(parsed.data.password, {
      email: parsed.data.email,
      name: parsed.data.fullName,
    })) {
      problems.push({ path: 'password', message: problem.message });
    }
  }
  if (!parsed.success || problems.length > 0) {
    throw new ValidationError('Some details need correcting.', problems);
  }
  const { email, fullName, password } = parsed.data;
  const passwordHash = await hashPassword(password);
  await withTenant(ctx.database, ctx.slug, async (db) => {
    const created = await db
      .insert(citizens)
      .values({ id: newId('usr'), email: email.toLowerCase(), fullName, passwordHash })
      .onConflictDoNothing()
      .returning({ id: citizens.id });
    if (created[0]) {
      await recordAudit(db, {
        actor: `citizen:${created[0].id}`,
        action: 'auth.registered',
        subject: created[0].id,
        details: { consent: true },
        requestId: ctx.requestId,
        ip: ctx.ip,
      });
    }
  });
  return { status: 'registered' };
}
