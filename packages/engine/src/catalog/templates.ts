// Downloadable templates of a procedure's required documents (mẫu đơn, tờ khai): the agency
// uploads the file a version names in `documents[].templateFile`; anyone downloads it from the
// published catalog. Each upload is stored under a new key, then recorded (key, type, size,
// SHA-256) with its audit row in one transaction, and the object it replaces is removed after
// that commits; no transaction waits on storage. A download serves the recorded object only
// while it still matches the record.
import { createHash, randomBytes } from 'node:crypto';
import { assertCan, recordAudit } from '@motcua/auth';
import { withTenant } from '@motcua/db';
import { procedures, procedureTemplates, procedureVersions } from '@motcua/db/tenant';
import { NotFoundError, PROCEDURE_CODE, TEMPLATE_FILE, ValidationError } from '@motcua/domain';
import { ObjectIntegrityError, type TenantStorage } from '@motcua/storage';
import { and, eq } from 'drizzle-orm';
import { refuseAlteredFile } from '../altered-file.ts';
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

// How each accepted type opens: PDF; the OLE container of .doc; the ZIP of the OpenDocument and
// Office Open XML formats.
const zip = [0x50, 0x4b, 0x03, 0x04];
const signatures: Record<string, number[]> = {
  pdf: [0x25, 0x50, 0x44, 0x46, 0x2d],
  doc: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
  docx: zip,
  odt: zip,
  xlsx: zip,
};

const extensionOf = (file: string) => file.split('.').at(-1)?.toLowerCase() ?? '';
const typeOf = (file: string) => templateTypes[extensionOf(file)];
const opensAs = (file: string, head: Uint8Array) =>
  (signatures[extensionOf(file)] ?? [0x100]).every((b, i) => head[i] === b);

/** Code and file name come from the URL: only safe ones reach SQL and a storage key. */
function checkNames(code: string, file: string) {
  const problems = [];
  if (!PROCEDURE_CODE.test(code)) problems.push({ path: 'code', message: 'Not a procedure code.' });
  if (file.length > 120 || !TEMPLATE_FILE.test(file)) {
    problems.push({ path: 'file', message: 'Use a plain file name such as mau-to-khai.docx.' });
  }
  if (problems.length) throw new ValidationError('This template name is not valid.', problems);
}

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
  checkNames(code, file);
  const contentType = typeOf(file) ?? '';
  const problems = [];
  if (!contentType)
    problems.push({ path: 'file', message: `Use one of: ${Object.keys(templateTypes).join(', ')}.` });
  if (bytes.byteLength === 0 || bytes.byteLength > maxTemplateBytes) {
    problems.push({ path: 'body', message: `Between 1 byte and ${maxTemplateBytes} bytes.` });
  } else if (contentType && !opensAs(file, bytes)) {
    problems.push({ path: 'body', message: `The content is not a .${extensionOf(file)} file.` });
  }
  if (problems.length) throw new ValidationError('This template cannot be accepted.', problems);
  const procedureId = await withTenant(ctx.database, ctx.slug, async (db) => {
    const [row] = await db
      .select({ id: procedures.id, draft: procedures.draft })
      .from(procedures)
      .where(eq(procedures.code, code));
    if (!row) throw new NotFoundError('No procedure has this code.');
    if (!namedTemplates(row.draft).has(file)) {
      throw new ValidationError('The procedure names no template with this file name.', [
        { path: 'file', message: 'Name it in documents[].templateFile first.' },
      ]);
    }
    return row.id;
  });
  const storageKey = `procedure-templates/${code}/${randomBytes(8).toString('hex')}-${file}`;
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await storage.put(storageKey, bytes, contentType);
  let previous: string | undefined;
  try {
    previous = await withTenant(ctx.database, ctx.slug, async (db) => {
      const [old] = await db
        .select({ storageKey: procedureTemplates.storageKey })
        .from(procedureTemplates)
        .where(and(eq(procedureTemplates.procedureId, procedureId), eq(procedureTemplates.fileName, file)))
        .for('update');
      const record = {
        storageKey,
        contentType,
        sizeBytes: bytes.byteLength,
        sha256,
        uploadedBy: `${ctx.actor.kind}:${ctx.actor.id}`,
        uploadedAt: new Date(),
      };
      await db
        .insert(procedureTemplates)
        .values({ procedureId, fileName: file, ...record })
        .onConflictDoUpdate({
          target: [procedureTemplates.procedureId, procedureTemplates.fileName],
          set: record,
        });
      await recordAudit(db, {
        actor: ctx.actor,
        action: 'procedure.template_uploaded',
        subject: code,
        details: { file, sizeBytes: bytes.byteLength, sha256 },
        requestId: ctx.requestId ?? null,
        ip: ctx.ip ?? null,
      });
      return old?.storageKey;
    });
  } catch (error) {
    await storage.delete(storageKey).catch(() => undefined);
    throw error;
  }
  // A failure here leaves an unused object, never a template that does not download.
  if (previous) await storage.delete(previous).catch(() => undefined);
  return { code, file, contentType, sizeBytes: bytes.byteLength };
}

/** A template the published version names, for anyone; 404 when not named or not uploaded yet. */
export async function openProcedureTemplate(
  scope: CatalogScope,
  storage: TenantStorage,
  code: string,
  file: string,
) {
  checkNames(code, file);
  const [row] = await withTenant(scope.database, scope.slug, (db) =>
    db
      .select({
        document: procedureVersions.document,
        storageKey: procedureTemplates.storageKey,
        contentType: procedureTemplates.contentType,
        sizeBytes: procedureTemplates.sizeBytes,
        sha256: procedureTemplates.sha256,
      })
      .from(procedures)
      .innerJoin(procedureVersions, eq(procedureVersions.id, procedures.currentVersionId))
      .leftJoin(
        procedureTemplates,
        and(eq(procedureTemplates.procedureId, procedures.id), eq(procedureTemplates.fileName, file)),
      )
      .where(and(eq(procedures.code, code), eq(procedures.status, 'published'))),
  );
  if (!row || !typeOf(file) || !namedTemplates(parseProcedureVersion(row.document)).has(file)) {
    throw new NotFoundError('No such template.');
  }
  const { storageKey, contentType, sizeBytes, sha256 } = row;
  if (!storageKey || !contentType || sizeBytes === null || !sha256) {
    throw new NotFoundError('This template has not been published yet.');
  }
  const body = await refuseAlteredFile(scope, { subject: code, details: { file } }, async () => {
    const opened = await storage.openChecked(storageKey, { sha256, sizeBytes });
    if (opened && !opensAs(file, opened.head)) {
      opened.body.destroy();
      throw new ObjectIntegrityError('type');
    }
    return opened?.body;
  });
  if (!body) throw new NotFoundError('This template has not been published yet.');
  return { body, contentType, file, sizeBytes };
}
