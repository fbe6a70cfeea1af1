// Reading the dossier form as the browser posts it into the answers a draft keeps, and the list
// of files uploaded for the draft. Pure: no I/O, so the rules are tested on their own.
import type { Answers, FormField, ProcedureVersion } from '@motcua/domain';

/** A posted form as `parseBody({ all: true })` gives it: strings, files, or lists of both. */
export type PostedForm = Record<string, unknown>;

/**
 * The files of this draft, kept in its answers under a key no field can have (field ids start
 * with a letter). The engine has no verb listing a dossier's files yet; the answers check drops
 * this key at submission, and the engine checks the files themselves from its own table.
 */
export const uploadsKey = '_uploads';

export interface UploadedFile {
  id: string;
  slot: string;
  fileName: string;
  sizeBytes: number;
  status: 'pending' | 'verified' | 'rejected';
}

const statuses = new Set(['pending', 'verified', 'rejected']);

function isUploadedFile(value: unknown): value is UploadedFile {
  if (typeof value !== 'object' || value === null) return false;
  const file = value as Record<string, unknown>;
  return (
    typeof file.id === 'string' &&
    typeof file.slot === 'string' &&
    typeof file.fileName === 'string' &&
    typeof file.sizeBytes === 'number' &&
    typeof file.status === 'string' &&
    statuses.has(file.status)
  );
}

/** The draft's file list; anything malformed (the JSON API stores answers as sent) is ignored. */
export function readUploads(answers: Answers): UploadedFile[] {
  const list = answers[uploadsKey];
  return Array.isArray(list) ? list.filter(isUploadedFile) : [];
}

/** The first string a form control posted, or undefined when it sent none. */
export function postedString(form: PostedForm, name: string): string | undefined {
  const value = form[name];
  const first = Array.isArray(value) ? value.find((v) => typeof v === 'string') : value;
  return typeof first === 'string' ? first : undefined;
}

/** The files chosen in the form's file inputs (`_file.<document>`), empty inputs left out. */
export function chosenFiles(form: PostedForm): { documentId: string; file: File }[] {
  const chosen: { documentId: string; file: File }[] = [];
  for (const [name, value] of Object.entries(form)) {
    if (!name.startsWith('_file.')) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      // A file input left empty still posts a part with no name and no bytes.
      if (item instanceof File && (item.size > 0 || item.name !== '')) {
        chosen.push({ documentId: name.slice('_file.'.length), file: item });
      }
    }
  }
  return chosen;
}

function readField(field: FormField, form: PostedForm): unknown {
  switch (field.type) {
    case 'checkbox':
      // An unticked box posts nothing at all.
      return postedString(form, field.id) === undefined ? undefined : true;
    case 'address': {
      const part = (key: string) => postedString(form, `${field.id}.${key}`) ?? '';
      const address = { province: part('province'), commune: part('commune'), street: part('street') };
      return address.province || address.commune.trim() || address.street.trim() ? address : undefined;
    }
    default: {
      const value = postedString(form, field.id);
      return value === undefined || value.trim() === '' ? undefined : value;
    }
  }
}

/**
 * The draft's answers after this post: the fields the page showed (`_shown`) take what was posted,
 * an unticked box or an emptied box included; fields it did not show keep their earlier answer,
 * so that hiding and showing a question again does not lose it. File fields follow the files.
 */
export function mergePostedAnswers(
  version: ProcedureVersion,
  stored: Answers,
  form: PostedForm,
  uploads: UploadedFile[],
): Answers {
  const shown = new Set((postedString(form, '_shown') ?? '').split(','));
  const answers: Answers = { ...stored };
  for (const field of version.form.fields) {
    if (field.type === 'file' || !shown.has(field.id)) continue;
    const value = readField(field, form);
    if (value === undefined) delete answers[field.id];
    else answers[field.id] = value;
  }
  return withFiles(version, answers, uploads);
}

/** Each file field answered with the checked files of its document; the file list kept beside. */
export function withFiles(version: ProcedureVersion, answers: Answers, uploads: UploadedFile[]): Answers {
  const next: Answers = { ...answers, [uploadsKey]: uploads };
  if (uploads.length === 0) delete next[uploadsKey];
  for (const field of version.form.fields) {
    if (field.type !== 'file') continue;
    const ids = uploads.filter((u) => u.slot === field.document && u.status === 'verified').map((u) => u.id);
    if (ids.length) next[field.id] = ids;
    else delete next[field.id];
  }
  return next;
}

/**
 * The same value with every object's keys in one order, at every depth. PostgreSQL's jsonb does
 * not keep key order, so a submission is sent in this form to be reproducible from what is stored.
 */
export function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  return Object.fromEntries(entries.map(([key, item]) => [key, canonical(item)]));
}

/** A browser's file name as the engine accepts it: no path, no control characters, at most 200 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = [...base.replace(/\p{Cc}/gu, '_').trim()].slice(0, 200).join('');
  return clean || 'tep-tin';
}
