import { withTenant } from '@motcua/db';
import { apiKeys } from '@motcua/db/tenant';
import { NotFoundError, ValidationError } from '@motcua/domain';
import { and, eq, isNull } from 'drizzle-orm';
import { type PublicApiKey, publicApiKeyColumns } from './api-keys.ts';
import { recordAudit } from './audit.ts';
import type { AuthContext } from './context.ts';
import { assertCan } from './permissions.ts';

/**
 * Revokes a key: it stops working at once. Revoking a revoked key returns it unchanged and
 * records nothing, so a retried request is harmless.
 */
export async function revokeApiKey(ctx: AuthContext, input: { id: string }): Promise<PublicApiKey> {
  assertCan(ctx.actor, 'api_keys.manage');
  const id = typeof input?.id === 'string' ? input.id.trim() : '';
  if (!id) throw new ValidationError('Which key?', [{ path: 'id', message: 'The key id is required.' }]);
  return withTenant(ctx.database, ctx.slug, async (db) => {
    const [revoked] = await db
      .update(apiKeys)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
      .returning(publicApiKeyColumns);
    if (!revoked) {
      const [existing] = await db.select(publicApiKeyColumns).from(apiKeys).where(eq(apiKeys.id, id));
      if (!existing) throw new NotFoundError('There is no API key with this id.', { id });
      return existing;
    }
    await recordAudit(db, {
      actor: ctx.actor,
      action: 'api_key.revoked',
      subject: revoked.id,
      requestId: ctx.requestId,
      ip: ctx.ip,
      details: { name: revoked.name, prefix: revoked.prefix },
    });
    return revoked;
  });
}
