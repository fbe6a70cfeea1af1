// Input parsing for the lifecycle verbs. Errors come back as one ValidationError whose
// details list each field's problem, so a transport can show them next to the form fields.
// Hand-written only because zod is not among this package's dependencies yet.
import { isValidSlug, parseSlug, type TenantSlug } from '@motcua/db';
import { type TenantKind, tenantKinds } from '@motcua/db/platform';
import { ValidationError } from '@motcua/domain';

export interface StartProvisioningInput {
  slug: string;
  name: string;
  kind: TenantKind;
  adminEmail: string;
  /** Who asked: an operator id, or `system` for the launcher and benchmarks. */
  actor: string;
}

export interface ParsedStartInput {
  slug: TenantSlug;
  name: string;
  kind: TenantKind;
  adminEmail: string;
  actor: string;
}

type FieldErrors = Record<string, string[]>;

// Deliberately plain: one @, no spaces, a dot in the domain. Deliverability is the
// invitation's job, not a regular expression's.
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function parseStartInput(input: unknown): ParsedStartInput {
  const raw = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
  const errors: FieldErrors = {};
  const add = (field: string, message: string) => {
    errors[field] ??= [];
    errors[field].push(message);
  };

  const slug = slugMessage(raw.slug);
  if (slug) add('slug', slug);

  const name = typeof raw.name === 'string' ? raw.name.trim() : '';
  if (name.length < 2 || name.length > 200) add('name', 'Enter the agency’s name (2 to 200 characters).');

  if (!tenantKinds.includes(raw.kind as TenantKind)) {
    add('kind', `Choose one of: ${tenantKinds.join(', ')}.`);
  }

  const adminEmail = typeof raw.adminEmail === 'string' ? raw.adminEmail.trim().toLowerCase() : '';
  if (adminEmail.length > 254 || !emailPattern.test(adminEmail)) {
    add('adminEmail', 'Enter the first administrator’s e-mail address, like name@agency.gov.vn.');
  }

  const actor = parseActorText(raw.actor);
  if (!actor) add('actor', 'The actor (who asked for this) is required.');

  throwIfAny(errors);
  return { slug: raw.slug as TenantSlug, name, kind: raw.kind as TenantKind, adminEmail, actor: actor ?? '' };
}

/** A slug argument of a lifecycle verb. */
export function parseSlugArgument(value: unknown): TenantSlug {
  const message = slugMessage(value);
  if (message) throw new ValidationError(message, [{ path: 'slug', message }], 'invalid_slug');
  return value as TenantSlug;
}

/** An actor argument of a lifecycle verb. */
export function parseActor(value: unknown): string {
  const actor = parseActorText(value);
  if (!actor) {
    const message = 'The actor (who asked for this) is required.';
    throw new ValidationError(message, [{ path: 'actor', message }]);
  }
  return actor;
}

function parseActorText(value: unknown): string | undefined {
  const actor = typeof value === 'string' ? value.trim() : '';
  return actor.length > 0 && actor.length <= 200 ? actor : undefined;
}

function slugMessage(value: unknown): string | undefined {
  if (isValidSlug(value)) return undefined;
  try {
    parseSlug(value);
    return 'The slug is not valid.';
  } catch (error) {
    return (error as Error).message;
  }
}

function throwIfAny(errors: FieldErrors): void {
  const fields = Object.keys(errors);
  if (fields.length === 0) return;
  // A bad slug gets its own code: it is the one field a client may want to re-suggest.
  const code = errors.slug ? 'invalid_slug' : 'invalid_input';
  const summary = fields.map((f) => errors[f]?.[0]).join(' ');
  const problems = fields.flatMap((path) => (errors[path] ?? []).map((message) => ({ path, message })));
  throw new ValidationError(summary, problems, code);
}
