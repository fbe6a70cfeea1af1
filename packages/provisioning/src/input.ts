// The lifecycle verbs' inputs as zod schemas: the verbs parse with them, and the operator API
// can document its requests with the same rules. A refusal is one ValidationError listing each
// field's problem (code `invalid_slug` when the slug is among them: the one field a client may
// want to re-suggest).
import { isValidSlug, parseSlug, type TenantSlug } from '@motcua/db';
import { tenantKinds } from '@motcua/db/platform';
import { type FieldProblem, ValidationError } from '@motcua/domain';
import { z } from 'zod';

/** The database package's own words for what is wrong with a slug. */
function slugMessage(value: unknown): string {
  try {
    parseSlug(value);
    return 'The slug is not valid.';
  } catch (error) {
    return (error as Error).message;
  }
}

const slugProblem = (issue: { input: unknown }) => slugMessage(issue.input);

/** A tenant slug (checked as `@motcua/db` checks it before any SQL). */
export const tenantSlug = z
  .string({ error: slugProblem })
  .refine(isValidSlug, { error: slugProblem })
  .describe(
    '2-31 characters: lower-case letters, digits, single hyphens; starts with a letter, reserved names refused.',
  );

const actorMessage = 'The actor (who asked for this) is required.';

/** Who asked: an operator id, or `system` for the launcher and benchmarks. */
export const lifecycleActor = z
  .string({ error: actorMessage })
  .trim()
  .min(1, { error: actorMessage })
  .max(200, { error: actorMessage });

const nameMessage = 'Enter the agency’s name (2 to 200 characters).';
const emailMessage = 'Enter the first administrator’s e-mail address, like name@agency.gov.vn.';
// Deliberately plain: one @, no spaces, a dot in the domain. Deliverability is the
// invitation's job, not a regular expression's.
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What an operator asks for to onboard an agency (the operator API's request). */
export const provisionTenantInput = z.object({
  slug: tenantSlug,
  name: z
    .string({ error: nameMessage })
    .trim()
    .min(2, { error: nameMessage })
    .max(200, { error: nameMessage }),
  kind: z.enum(tenantKinds, { error: `Choose one of: ${tenantKinds.join(', ')}.` }),
  adminEmail: z
    .string({ error: emailMessage })
    .trim()
    .toLowerCase()
    .refine((email) => email.length <= 254 && emailPattern.test(email), { error: emailMessage }),
});

/** startProvisioning's input: the request and who made it. */
export const startProvisioningInput = provisionTenantInput.extend({ actor: lifecycleActor });

export type StartProvisioningInput = z.input<typeof startProvisioningInput>;
export type ParsedStartInput = Omit<z.output<typeof startProvisioningInput>, 'slug'> & { slug: TenantSlug };

export function parseStartInput(input: unknown): ParsedStartInput {
  // Anything but an object is read as an empty one, so that every field says what it needs.
  const raw = input && typeof input === 'object' && !Array.isArray(input) ? input : {};
  const parsed = startProvisioningInput.safeParse(raw);
  if (parsed.success) return { ...parsed.data, slug: parsed.data.slug as TenantSlug };
  const problems = firstPerField(parsed.error);
  const code = problems.some((p) => p.path === 'slug') ? 'invalid_slug' : 'invalid_input';
  throw new ValidationError(problems.map((p) => p.message).join(' '), problems, code);
}

/** A slug argument of a lifecycle verb. */
export function parseSlugArgument(value: unknown): TenantSlug {
  if (tenantSlug.safeParse(value).success) return value as TenantSlug;
  const message = slugMessage(value);
  throw new ValidationError(message, [{ path: 'slug', message }], 'invalid_slug');
}

/** An actor argument of a lifecycle verb. */
export function parseActor(value: unknown): string {
  const parsed = lifecycleActor.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new ValidationError(actorMessage, [{ path: 'actor', message: actorMessage }]);
}

/** One problem per field, in the input's order: each field's rules say one thing at a time. */
function firstPerField(error: z.ZodError): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const issue of error.issues) {
    const path = issue.path.join('.');
    if (!problems.some((p) => p.path === path)) problems.push({ path, message: issue.message });
  }
  return problems;
}
