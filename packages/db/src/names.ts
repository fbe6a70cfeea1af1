// Tenant slugs and the PostgreSQL names derived from them. A slug is validated here before
// it reaches any SQL; every schema and role name comes from a validated slug.

export class InvalidSlugError extends Error {
  override name = 'InvalidSlugError';
  readonly code = 'invalid_slug';
}

export const reservedSlugs = new Set([
  // `/ops/tenants/new` is the operator console's onboarding form.
  'new',
  'platform',
  'public',
  'pg_catalog',
  'information_schema',
  'pg_toast',
  'api',
  'www',
  'admin',
  'ops',
  'app',
  'docs',
  'static',
  'assets',
  'mail',
  'status',
  'motcua',
  'postgres',
  'root',
  'test',
]);

const slugPattern = /^[a-z][a-z0-9-]{1,30}$/;

// Slug `x-owner` would map to `t_x_owner`, which is the owner role of slug `x`: that tenant's
// runtime role would own another tenant's schema. Every role suffix derived in
// `tenantNames` needs its slug suffix reserved here.
const reservedSuffixes = ['-owner'];

declare const slugBrand: unique symbol;
/** A slug that passed {@link parseSlug}. */
export type TenantSlug = string & { readonly [slugBrand]: true };

export function isValidSlug(value: unknown): value is TenantSlug {
  return (
    typeof value === 'string' &&
    slugPattern.test(value) &&
    !value.endsWith('-') &&
    !value.includes('--') &&
    !reservedSlugs.has(value) &&
    !reservedSuffixes.some((suffix) => value.endsWith(suffix))
  );
}

export function parseSlug(value: unknown): TenantSlug {
  if (isValidSlug(value)) return value;
  if (typeof value !== 'string') throw new InvalidSlugError(`A slug must be a string, not ${typeof value}.`);
  const shown = JSON.stringify(value.slice(0, 40));
  if (reservedSlugs.has(value)) throw new InvalidSlugError(`The slug ${shown} is reserved; choose another.`);
  const suffix = reservedSuffixes.find((s) => value.endsWith(s));
  if (suffix && slugPattern.test(value)) {
    throw new InvalidSlugError(`The slug ${shown} is not valid: it cannot end in "${suffix}".`);
  }
  throw new InvalidSlugError(
    `The slug ${shown} is not valid: use 2 to 31 characters, lower-case letters a-z, digits and single hyphens, starting with a letter (for example "da-nang").`,
  );
}

export interface TenantNames {
  /** The tenant's schema, e.g. `t_da_nang`. */
  schema: string;
  /** NOLOGIN role every unit of work switches to: data rights on the schema only. */
  role: string;
  /** NOLOGIN role that owns the schema and its objects; migrations run as it. */
  ownerRole: string;
  /** Object-storage prefix of the tenant's documents. */
  storagePrefix: string;
}

export function tenantNames(slug: TenantSlug): TenantNames {
  // Hyphens become underscores so names never need quoting; slugs cannot contain `_`,
  // so the mapping stays one-to-one.
  const base = `t_${slug.replaceAll('-', '_')}`;
  return { schema: base, role: base, ownerRole: `${base}_owner`, storagePrefix: `tenants/${slug}/` };
}
