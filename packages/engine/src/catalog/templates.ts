// Downloadable templates of a procedure's required documents (mẫu đơn, tờ khai): the agency
// uploads the file a version names in `documents[].templateFile`; anyone downloads it from the
// published catalog. Files live in storage under the tenant's prefix, one per procedure and name.
import { assertCan, recordAudit } from '@motcua/auth';
import { withTenant } from '@motcua/db';
import { procedures, procedureVersions } from '@motcua/db/tenant';
import { NotFoundError, ValidationError } from '@motcua/domain';
import type { TenantStorage } from '@motcua/storage';
import { and, eq } from 'drizzle-orm';
import type { EngineContext } from '../context.ts';
import type { CatalogScope } from '../procedures/list-procedures.ts';
import { parseProcedureVersion } from '../procedures/parse-version.ts';

export const templateTypes: Record<string, string> = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
export const maxTemplateBytes = 5 * 1024 * 1024;

const keyOf = (code: string, file: string) => `procedure-templates/${code}/${file}`;
const typeOf = (file: string) => templateTypes[file.split('.').at(-1)?.toLowerCase() ?? ''];

/** The names a procedure's draft or live version gives its templates. */
function namedTemplates(document: unknown): Set<string> {
  const documents = (document as { documents?: { templateFile?: unknown }[] } | null)?.documents;
  return new Set(
    (Array.isArray(documents) ? documents : [])
      .map((d) => d?.templateFile)
      .filter((f): f is string => typeof f === 'string'),
  );
}

export async function uploadProcedureTemplate(
  ctx: EngineContext,
  storage: TenantStorage,
  code: string,
  file: string,
  bytes: Uint8Array,
) {
  assertCan(ctx.actor, 'settings.manage');
  const contentType = typeOf(file) ?? '';
  const problems = [];
  if (!contentType)
    problems.push({ path: 'file', message: `Use one of: ${Object.keys(templateTypes).join(', ')}.` });
  if (bytes.byteLength === 0 || bytes.byteLength > maxTemplateBytes) {
    problems.push({ path: 'body', message: `Between 1 byte and ${maxTemplateBytes} bytes.` });
  }
  if (problems.length) throw new ValidationError('This template cannot be accepted.', problems);
  await withTenant(ctx.database, ctx.slug, async (db) => {
    const [row] = await db
      .select({ draft: procedures.draft })
      .from(procedures)
      .where(eq(procedures.code, code));
    if (!row) throw new NotFoundError('No procedure has this code.');
    if (!namedTemplates(row.draft).has(file)) {
      throw new ValidationError('The procedure names no template with this file name.', [
        { path: 'file', message: 'Name it in documents[].templateFile first.' },
      ]);
    }
    await storage.put(keyOf(code, file), bytes, contentType);
    await recordAudit(db, {
      actor: ctx.actor,
      action: 'procedure.template_uploaded',
      subject: code,
      details: { file, sizeBytes: bytes.byteLength },
      requestId: ctx.requestId ?? null,
      ip: ctx.ip ?? null,
    });
  });
  return { code, file, contentType, sizeBytes: bytes.byteLength };
}

/** A template the published version names, for anyone; 404 when not named or not uploaded yet. */
export async function openProcedureTemplate(
  scope: CatalogScope,
  storage: TenantStorage,
  code: string,
  file: string,
) {
  const [row] = await withTenant(scope.database, scope.slug, (db) =>
    db
      .select({ document: procedureVersions.document })
      .from(procedures)
      .innerJoin(procedureVersions, eq(procedureVersions.id, procedures.currentVersionId))
      .where(and(eq(procedures.code, code), eq(procedures.status, 'published'))),
  );
  const contentType = typeOf(file);
  if (!row || !contentType || !namedTemplates(parseProcedureVersion(row.document)).has(file)) {
    throw new NotFoundError('No such template.');
  }
  const body = await storage.getStream(keyOf(code, file));
  if (!body) throw new NotFoundError('This template has not been published yet.');
  return { body, contentType, file };
}
