import type { Tenant } from '@motcua/db/platform';
import { toFieldProblems, ValidationError } from '@motcua/domain';
import { z } from 'zod';
import { changeTenantStatus } from './change-status.ts';
import type { ProvisioningContext } from './context.ts';
import { parseActor, parseSlugArgument } from './input.ts';

export const maxSuspensionReason = 500;

/** What an operator may say when suspending (the operator API's request). */
export const suspendTenantInput = z.object({
  /** Why, in the operator's words: optional, trimmed, at most 500 characters. */
  reason: z.string().trim().max(maxSuspensionReason, { error: 'Too long.' }).optional(),
});

function parseReason(reason: string | undefined): string | null {
  const parsed = suspendTenantInput.safeParse({ reason });
  if (!parsed.success) {
    throw new ValidationError(
      `The reason may have at most ${maxSuspensionReason} characters.`,
      toFieldProblems(parsed.error),
    );
  }
  return parsed.data.reason || null;
}

/**
 * Suspends an active tenant (its data stays; the API refuses its requests), with the reason
 * the operator gives, kept on the tenant and in the platform audit.
 */
export async function suspendTenant(
  ctx: ProvisioningContext,
  slug: string,
  actor: string,
  reason?: string,
): Promise<Tenant> {
  const why = parseReason(reason);
  return changeTenantStatus(ctx, parseSlugArgument(slug), parseActor(actor), {
    from: 'active',
    to: 'suspended',
    action: 'tenant.suspended',
    set: { suspendedAt: new Date(), suspendedReason: why },
    ...(why ? { details: { reason: why } } : {}),
    code: 'tenant_not_active',
  });
}
