// A dossier's files go straight from the browser to storage: the API records the declared file
// and signs a short-lived upload URL for a key under `uploads/`; verify-upload.ts then copies
// the object to a key never signed for and checks that copy, and only then does the file count
// — its size against the declared one and the procedure's limit, its type sniffed from the
// first bytes (not taken from the name or the browser), its SHA-256 recorded.
import { randomBytes } from 'node:crypto';
import { assertCan } from '@motcua/auth';
import { newId, type TenantDb, withTenant } from '@motcua/db';
import { type DossierDocument, dossierDocuments, dossiers, procedureVersions } from '@motcua/db/tenant';
import {
  NotFoundError,
  PreconditionFailedError,
  type ProcedureVersion,
  requiredDocuments,
  ValidationError,
} from '@motcua/domain';
import type { TenantStorage } from '@motcua/storage';
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { EngineContext } from '../context.ts';
import { parseProcedureVersion } from '../procedures/parse-version.ts';
import { canSee } from './actor.ts';
import { assertWithinQuota, type UploadLimits } from './citizen-quota.ts';

export const mediaTypes = { pdf: 'application/pdf', jpeg: 'image/jpeg', png: 'image/png' } as const;
type FileType = keyof typeof mediaTypes;

/** The signatures that open each accepted type. */
export function sniffType(head: Uint8Array): FileType | undefined {
  const starts = (bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (starts([0xff, 0xd8, 0xff])) return 'jpeg';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  return undefined;
}

/** Results an agency issues: signed PDFs or scans, up to 20 MiB. */
const resultSlot = {
  id: 'result',
  acceptedTypes: ['pdf', 'jpeg', 'png'] as FileType[],
  maxSizeBytes: 20 << 20,
};
/** How long the signed upload URL can be used; declared files expire well after it (see expire-uploads.ts). */
export const uploadTtlSeconds = 15 * 60;

/** Where the browser uploads a declared file: the only keys ever signed. */
export const uploadKeyOf = (dossierId: string, documentId: string) => `uploads/${dossierId}/${documentId}`;

/**
 * Where a file is kept once checked: a key no URL was signed for, so nobody outside can write
 * it. New for each check, so that two checks of one file at once cannot overwrite each other's
 * copy (the one recorded second finds the row decided and removes its own).
 */
export const checkedKeyOf = (dossierId: string, documentId: string) =>
  `dossiers/${dossierId}/${documentId}-${randomBytes(8).toString('hex')}`;

export const startUploadInput = z.object({
  slot: z.string().min(1).max(64),
  fileName: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .refine((name) => !/[\\/\p{Cc}]/u.test(name), 'A file name without slashes or control characters.'),
  contentType: z.enum(Object.values(mediaTypes) as [string, ...string[]]),
  sizeBytes: z.int().min(1),
});

interface Loaded {
  db: TenantDb;
  dossier: typeof dossiers.$inferSelect;
  version: ProcedureVersion;
}

async function load(ctx: EngineContext, db: TenantDb, dossierId: string): Promise<Loaded> {
  const [dossier] = await db.select().from(dossiers).where(eq(dossiers.id, dossierId)).for('update');
  if (!dossier || !(await canSee(db, ctx.actor, dossier))) throw new NotFoundError('No such dossier.');
  const [row] = await db
    .select({ document: procedureVersions.document })
    .from(procedureVersions)
    .where(eq(procedureVersions.id, dossier.procedureVersionId));
  if (!row) throw new Error('The dossier’s procedure version is missing.');
  return { db, dossier, version: parseProcedureVersion(row.document) };
}

/** Who may add which kind of file now: the citizen while filing or supplementing; the desk a result. */
function uploadKind(ctx: EngineContext, { dossier }: Loaded): 'input' | 'result' {
  if (ctx.actor.kind === 'citizen') {
    if (dossier.state !== 'draft' && dossier.state !== 'supplement_requested') {
      throw new PreconditionFailedError(
        'Files can be added while filing or answering a supplement request.',
        undefined,
        'invalid_transition',
      );
    }
    return 'input';
  }
  assertCan(ctx.actor, 'dossiers.issue_result');
  if (dossier.state !== 'approved') {
    throw new PreconditionFailedError(
      'A result is added once the dossier is approved.',
      undefined,
      'invalid_transition',
    );
  }
  return 'result';
}

export async function startUpload(
  ctx: EngineContext,
  storage: TenantStorage,
  dossierId: string,
  input: unknown,
  limits: UploadLimits,
) {
  const parsed = startUploadInput.safeParse(input);
  if (!parsed.success) {
    throw new ValidationError(
      'Some details of the file need correcting.',
      parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  }
  const file = parsed.data;
  // Signing needs no request to storage, so ask it first: a file declared while storage is
  // away could not be uploaded, and the declaration would count against the citizen's quota.
  await storage.check();
  return withTenant(ctx.database, ctx.slug, async (db) => {
    const loaded = await load(ctx, db, dossierId);
    const kind = uploadKind(ctx, loaded);
    const slot = kind === 'result' ? resultSlot : loaded.version.documents.find((d) => d.id === file.slot);
    if (!slot || (kind === 'result' && file.slot !== 'result')) {
      throw new ValidationError('This procedure asks for no such document.', [
        { path: 'slot', message: 'Unknown document.' },
      ]);
    }
    const allowed = slot.acceptedTypes.map((t) => mediaTypes[t]);
    const problems = [];
    if (!allowed.includes(file.contentType as (typeof allowed)[number])) {
      problems.push({ path: 'contentType', message: `Accepted: ${slot.acceptedTypes.join(', ')}.` });
    }
    if (file.sizeBytes > slot.maxSizeBytes) {
      problems.push({ path: 'sizeBytes', message: `At most ${slot.maxSizeBytes} bytes.` });
    }
    if (problems.length) throw new ValidationError('This file cannot be accepted.', problems);
    if (kind === 'input' && ctx.actor.kind === 'citizen') {
      await assertWithinQuota(db, ctx.actor.id, file.sizeBytes, limits.citizenQuotaBytes);
    }
    const id = newId('doc');
    const storageKey = uploadKeyOf(dossierId, id);
    const [document] = await db
      .insert(dossierDocuments)
      .values({
        id,
        dossierId,
        kind,
        slot: slot.id,
        fileName: file.fileName,
        contentType: file.contentType,
        sizeBytes: file.sizeBytes,
        storageKey,
        uploadedBy: `${ctx.actor.kind}:${ctx.actor.id}`,
      })
      .returning();
    const url = await storage.presignPut(storageKey, {
      contentType: file.contentType,
      contentLength: file.sizeBytes,
      expiresInSeconds: uploadTtlSeconds,
    });
    return {
      document: documentView(document),
      upload: {
        method: 'PUT' as const,
        url,
        headers: { 'content-type': file.contentType },
        expiresInSeconds: uploadTtlSeconds,
      },
    };
  });
}

export function documentView(document: DossierDocument | undefined) {
  if (!document) throw new Error('The document row is missing.');
  return {
    id: document.id,
    kind: document.kind,
    slot: document.slot,
    fileName: document.fileName,
    contentType: document.contentType,
    sizeBytes: document.sizeBytes,
    status: document.status,
    sha256: document.sha256,
  };
}

/**
 * At submission: every file answer names verified files of this dossier for its document, and
 * every required document that applies has one. Problems come back per field, like the form's.
 */
export async function checkDossierFiles(
  db: TenantDb,
  dossierId: string,
  version: ProcedureVersion,
  values: Record<string, unknown>,
): Promise<{ path: string; message: string }[]> {
  const verified = await db
    .select({ id: dossierDocuments.id, slot: dossierDocuments.slot })
    .from(dossierDocuments)
    .where(
      and(
        eq(dossierDocuments.dossierId, dossierId),
        eq(dossierDocuments.kind, 'input'),
        eq(dossierDocuments.status, 'verified'),
      ),
    );
  const slotOf = new Map(verified.map((d) => [d.id, d.slot]));
  const problems: { path: string; message: string }[] = [];
  for (const field of version.form.fields) {
    if (field.type !== 'file' || !Array.isArray(values[field.id])) continue;
    for (const id of values[field.id] as string[]) {
      if (slotOf.get(id) !== field.document) {
        problems.push({
          path: `answers.${field.id}`,
          message: 'Upload the file and wait until it is checked.',
        });
        break;
      }
    }
  }
  for (const required of requiredDocuments(version, values).filter((d) => d.required)) {
    if (![...slotOf.values()].includes(required.id)) {
      problems.push({ path: `documents.${required.id}`, message: `Attach: ${required.name.en}.` });
    }
  }
  return problems;
}

/** Which of `ids` are checked files of this dossier of that kind, with the paper each is for. */
async function checkedFiles(db: TenantDb, dossierId: string, kind: 'input' | 'result', ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const found = await db
    .select({ id: dossierDocuments.id, slot: dossierDocuments.slot })
    .from(dossierDocuments)
    .where(
      and(
        eq(dossierDocuments.dossierId, dossierId),
        eq(dossierDocuments.kind, kind),
        eq(dossierDocuments.status, 'verified'),
        inArray(dossierDocuments.id, ids),
      ),
    );
  return new Map(found.map((d) => [d.id, d.slot]));
}

/** The result files named when issuing must be verified results of this dossier. */
export async function assertResultFiles(db: TenantDb, dossierId: string, ids: unknown): Promise<void> {
  const list = Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
  if (list.length === 0) return; // the state machine reports the missing list
  const found = await checkedFiles(db, dossierId, 'result', list);
  if (found.size !== new Set(list).size) {
    throw new ValidationError('Attach the signed result first.', [
      { path: 'resultDocuments', message: 'Not a checked result file of this dossier.' },
    ]);
  }
}

/**
 * A supplement's papers: each document of the procedure it names maps to files the citizen
 * uploaded to this dossier for that document and that were checked. An id the dossier does not
 * hold, or one filed under another document, is refused.
 */
export async function assertSupplementFiles(
  db: TenantDb,
  dossierId: string,
  documents: unknown,
): Promise<void> {
  if (typeof documents !== 'object' || documents === null) return; // the state machine reports the shape
  const named = Object.entries(documents).map(([slot, value]) => ({
    slot,
    ids: (Array.isArray(value) ? value : [value]).filter((id): id is string => typeof id === 'string'),
    count: Array.isArray(value) ? value.length : 1,
  }));
  const slotOf = await checkedFiles(
    db,
    dossierId,
    'input',
    named.flatMap((n) => n.ids),
  );
  const problems = named
    .filter(
      (n) => n.ids.length === 0 || n.ids.length !== n.count || n.ids.some((id) => slotOf.get(id) !== n.slot),
    )
    .map((n) => ({ path: `documents.${n.slot}`, message: 'Upload the file and wait until it is checked.' }));
  if (problems.length) throw new ValidationError('Attach the checked files of this dossier.', problems);
}
