// Demo data for `npm start`: a ministry and a province, each with a staff account per role.

import { createHmac } from 'node:crypto';
import { upsertOperator } from '@motcua/auth';
import { newId, parseSlug, withTenant } from '@motcua/db';
import { settings, staffRoles, staffUsers } from '@motcua/db/tenant';
import { NotFoundError } from '@motcua/domain';
import {
  getTenant,
  type ProvisioningContext,
  provisionTenant,
  retryProvisioning,
} from '@motcua/provisioning';
import { hash } from '@node-rs/argon2';

/**
 * The demo accounts' credentials, made per checkout by the launcher (.data/secrets.json): the
 * accounts and their names are public, so a shared password and TOTP secrets would let anyone
 * who reaches the API sign in as the demo agencies' admins and operators.
 */
export interface DemoSecrets {
  password: string;
  /** Each account's TOTP secret is derived from it, so authenticator apps keep working across restarts. */
  totpKey: string;
}

export const demoTenants = [
  { slug: 'bo-tu-phap', name: 'Bộ Tư pháp', kind: 'ministry' },
  { slug: 'da-nang', name: 'UBND thành phố Đà Nẵng', kind: 'province' },
] as const;

/** Each demo agency in its own colours, so that per-agency theming shows. */
const demoBranding: Record<
  (typeof demoTenants)[number]['slug'],
  { primaryColor: string; textOnPrimary: string }
> = {
  'bo-tu-phap': { primaryColor: '#a4161a', textOnPrimary: '#ffffff' },
  'da-nang': { primaryColor: '#0b5394', textOnPrimary: '#ffffff' },
};

export interface DemoAccount {
  tenant: string;
  role: string;
  email: string;
  password: string;
  /** Base32 TOTP secret where a second factor is enrolled (agency admins). */
  totpSecret?: string;
}

const base32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 without padding, as authenticator apps take TOTP secrets. */
function encodeBase32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += base32[(buffer >> bits) & 31];
    }
  }
  return bits > 0 ? out + base32[(buffer << (5 - bits)) & 31] : out;
}

/** A 160-bit TOTP secret per account, the same on every start of one checkout. */
export const demoTotpSecret = (totpKey: string, account: string) =>
  encodeBase32(createHmac('sha256', totpKey).update(`totp:${account}`).digest().subarray(0, 20));

export const emailFor = (role: string, slug: string) => `${role}@${slug}.demo.motcua.vn`;

async function ensureTenant(ctx: ProvisioningContext, tenant: (typeof demoTenants)[number]) {
  try {
    const { tenant: row } = await getTenant(ctx, tenant.slug);
    if (row.status === 'provisioning') await (await retryProvisioning(ctx, tenant.slug)).resume();
    return;
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
  }
  const { run } = await provisionTenant(ctx, {
    ...tenant,
    adminEmail: emailFor('admin', tenant.slug),
    actor: 'demo-seed',
  });
  if (run.status !== 'succeeded')
    throw new Error(`Provisioning ${tenant.slug} failed: ${run.error ?? 'unknown'}`);
}

export interface DemoOperator {
  role: string;
  email: string;
  password: string;
  totpSecret: string;
}

/** One operator per role, each enrolled with a demo-only TOTP secret. */
export async function seedDemoOperators(
  database: ProvisioningContext['database'],
  secrets: DemoSecrets,
): Promise<DemoOperator[]> {
  const accounts: DemoOperator[] = [];
  for (const role of ['owner', 'operator', 'billing', 'support'] as const) {
    const email = `${role}@ops.demo.motcua.vn`;
    const totpSecret = demoTotpSecret(secrets.totpKey, email);
    await upsertOperator(database, {
      email,
      fullName: `Demo ${role}`,
      role,
      password: secrets.password,
      totpSecret,
    });
    accounts.push({ role, email, password: secrets.password, totpSecret });
  }
  return accounts;
}

/** Idempotent: creates what is missing and leaves the rest as it is. */
export async function seedDemo(ctx: ProvisioningContext, secrets: DemoSecrets): Promise<DemoAccount[]> {
  const passwordHash = await hash(secrets.password, {
    algorithm: 2,
    memoryCost: 19_456,
    timeCost: 2,
    parallelism: 1,
  });
  const accounts: DemoAccount[] = [];
  for (const tenant of demoTenants) {
    await ensureTenant(ctx, tenant);
    await withTenant(ctx.database, parseSlug(tenant.slug), async (db) => {
      const branding = { ...demoBranding[tenant.slug], accentColor: '#f5b301', logoKey: null };
      await db
        .insert(settings)
        .values({ key: 'branding', value: branding })
        .onConflictDoUpdate({ target: settings.key, set: { value: branding } });
      for (const role of staffRoles) {
        const email = emailFor(role, tenant.slug);
        const totp =
          role === 'admin'
            ? { totpSecret: demoTotpSecret(secrets.totpKey, email), totpEnrolledAt: new Date() }
            : {};
        await db
          .insert(staffUsers)
          .values({
            id: newId('usr'),
            email,
            fullName: `Demo ${role}`,
            role,
            // Agency-wide, like the one-stop centre's staff: the starter procedures name a competent
            // unit by role ('commune_police'…), which no unit's code matches yet, so their dossiers
            // belong to no unit and staff limited to one would see none of the demo dossiers.
            unitId: null,
            status: 'active',
            passwordHash,
            ...totp,
          })
          .onConflictDoUpdate({
            target: staffUsers.email,
            set: { status: 'active', unitId: null, passwordHash, ...totp },
          });
        accounts.push({
          tenant: tenant.slug,
          role,
          email,
          password: secrets.password,
          ...(role === 'admin' ? { totpSecret: totp.totpSecret } : {}),
        });
      }
    });
  }
  return accounts;
}
