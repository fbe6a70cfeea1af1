import { withTenant } from '@motcua/db';
import { type ApiKeyMode, apiKeyModes, apiKeys } from '@motcua/db/tenant';
import { type FieldProblem, ForbiddenError, ValidationError } from '@motcua/domain';
import { generateApiKey, newApiKeyId, type PublicApiKey, publicApiKeyColumns } from './api-keys.ts';
import { recordAudit } from './audit.ts';
import type { AuthContext } from './context.ts';
import {
  type Actor,
  actorCan,
  actorRef,
  apiKeyPermissions,
  assertCan,
  type StaffPermission,
} from './permissions.ts';

export interface CreateApiKeyInput {
  name: string;
  mode: ApiKeyMode;
  permissions: string[];
}

interface ParsedInput {
  name: string;
  mode: ApiKeyMode;
  permissions: StaffPermission[];
}

function parseInput(input: unknown, actor: Actor): ParsedInput {
  const raw = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
  const problems: FieldProblem[] = [];
  const name = typeof raw.name === 'string' ? raw.name.trim() : '';
  if (name.length < 1 || name.length > 100) {
    problems.push({ path: 'name', message: 'Name the key (1 to 100 characters).' });
  }
  const mode = raw.mode as ApiKeyMode;
  if (!apiKeyModes.includes(mode))
    problems.push({ path: 'mode', message: `Choose one of: ${apiKeyModes.join(', ')}.` });
  const requested = Array.isArray(raw.permissions) ? [...new Set(raw.permissions)] : [];
  const unknown = requested.filter((p) => !(apiKeyPermissions as readonly unknown[]).includes(p));
  if (requested.length === 0) {
    problems.push({ path: 'permissions', message: 'Give the key at least one permission.' });
  } else if (unknown.length > 0) {
    problems.push({
      path: 'permissions',
      message: `Not a permission an API key can have: ${unknown.join(', ')}. Choose from: ${apiKeyPermissions.join(', ')}.`,
    });
  }
  if (problems.length > 0) throw new ValidationError('The API key could not be created.', problems);
  const permissions = requested as StaffPermission[];
  // A key must not be a way to gain rights its creator lacks.
  const beyond = permissions.filter((p) => !actorCan(actor, p));
  if (beyond.length > 0) {
    throw new ForbiddenError(`You cannot give a key permissions you do not have: ${beyond.join(', ')}.`, {
      permissions: beyond,
    });
  }
  return { name, mode, permissions };
}

/** Creates a key; the result carries the whole key, which is never shown again. */
export async function createApiKey(
  ctx: AuthContext,
  input: CreateApiKeyInput,
): Promise<{ key: string; apiKey: PublicApiKey }> {
  assertCan(ctx.actor, 'api_keys.manage');
  const { name, mode, permissions } = parseInput(input, ctx.actor);
  const { key, prefix, secretHash } = generateApiKey(mode);
  const apiKey = await withTenant(ctx.database, ctx.slug, async (db) => {
    const [row] = await db
      .insert(apiKeys)
      .values({
        id: newApiKeyId(),
        name,
        prefix,
        secretHash,
        mode,
        permissions,
        createdBy: actorRef(ctx.actor),
      })
      .returning(publicApiKeyColumns);
    if (!row) throw new Error('The API key insert returned no row.');
    await recordAudit(db, {
      actor: ctx.actor,
      action: 'api_key.created',
      subject: row.id,
      requestId: ctx.requestId,
      ip: ctx.ip,
      details: { name, mode, prefix, permissions },
    });
    return row;
  });
  return { key, apiKey };
}
