import { withTenant } from '@motcua/db';
import { apiKeys } from '@motcua/db/tenant';
import { desc, isNull } from 'drizzle-orm';
import { type PublicApiKey, publicApiKeyColumns } from './api-keys.ts';
import type { AuthContext } from './context.ts';
import { assertCan } from './permissions.ts';

/**
 * The tenant's keys, newest first, without their hashes. Reading them writes no audit row:
 * nothing secret is shown, and the log records changes, not page views.
 */
export async function listApiKeys(
  ctx: AuthContext,
  { includeRevoked = false }: { includeRevoked?: boolean } = {},
): Promise<PublicApiKey[]> {
  assertCan(ctx.actor, 'api_keys.manage');
  return withTenant(ctx.database, ctx.slug, (db) =>
    db
      .select(publicApiKeyColumns)
      .from(apiKeys)
      .where(includeRevoked ? undefined : isNull(apiKeys.revokedAt))
      .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id)),
  );
}
