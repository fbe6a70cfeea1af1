// A stored file that no longer matches what was recorded when it was checked (replaced or
// damaged in storage) is never served: the refusal is written to the agency's audit log, with
// what was asked for and how it differs, and nothing about the person who asked beyond the
// audit row's usual actor.
import { type Actor, recordAudit } from '@motcua/auth';
import { type Database, type TenantSlug, withTenant } from '@motcua/db';
import { ConflictError } from '@motcua/domain';
import { ObjectIntegrityError } from '@motcua/storage';

export interface AlteredFileScope {
  database: Database;
  slug: TenantSlug;
  actor?: Actor;
  requestId?: string;
  ip?: string;
}

interface AlteredFile {
  subject: string;
  details: Record<string, unknown>;
}

/** Writes the audit row for a refused file. */
export async function auditAlteredFile(
  scope: AlteredFileScope,
  what: AlteredFile,
  error: ObjectIntegrityError,
) {
  await withTenant(scope.database, scope.slug, (db) =>
    recordAudit(db, {
      actor: scope.actor ?? 'public',
      action: 'storage.file_altered',
      subject: what.subject,
      details: { ...what.details, mismatch: error.mismatch },
      requestId: scope.requestId ?? null,
      ip: scope.ip ?? null,
    }),
  );
}

/** Runs `read`; an {@link ObjectIntegrityError} is audited and becomes a 409 `file_altered`. */
export async function refuseAlteredFile<T>(
  scope: AlteredFileScope,
  what: AlteredFile,
  read: () => Promise<T>,
): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (!(error instanceof ObjectIntegrityError)) throw error;
    await auditAlteredFile(scope, what, error);
    throw new ConflictError(
      'This file no longer matches the file that was checked, so it is not served. The agency’s audit log records it.',
      undefined,
      'file_altered',
    );
  }
}
