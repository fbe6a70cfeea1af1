// Citizen self-registration on an agency's portal, with an email address, a Vietnamese mobile
// number, or both. The answer is the same whether or not the address or number already has an account (the password is hashed either way, so timing matches too);
// the citizen then signs in. Consent must be given explicitly (Law 91/2025: no pre-ticked box).
import { consumeRateLimit, type Database, newId, type TenantSlug, withTenant } from '@motcua/db';
import { citizens } from '@motcua/db/tenant';
import { LimitExceededError, ValidationError } from '@motcua/domain';
import { z } from 'zod';
import { recordAudit } from './audit.ts';
import { checkPassword, hashPassword } from './passwords.ts';
import { normalisePhone } from './phone.ts';

export const registerCitizenInput = z.object({
  email: z.preprocess((v) => (v === '' ? undefined : v), z.email().max(254).optional()),
  phone: z.preprocess((v) => (v === '' ? undefined : v), z.string().max(40).optional()),
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
    { bucket: `register:${ctx.slug}`, client: ctx.ip },
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
  const phone = parsed.success && parsed.data.phone !== undefined ? normalisePhone(parsed.data.phone) : null;
  if (parsed.success) {
    if (parsed.data.phone !== undefined && !phone) {
      problems.push({ path: 'phone', message: 'Not a Vietnamese mobile number.' });
    }
    if (parsed.data.email === undefined && parsed.data.phone === undefined) {
      problems.push({ path: 'email', message: 'Give an email address or a mobile number.' });
    }
    for (const problem of checkPassword(parsed.data.password, {
      ...(parsed.data.email ? { email: parsed.data.email } : {}),
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
    // Taken email or number: nothing is created and the answer is the same.
    const created = await db
      .insert(citizens)
      .values({ id: newId('usr'), email: email?.toLowerCase() ?? null, phone, fullName, passwordHash })
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
