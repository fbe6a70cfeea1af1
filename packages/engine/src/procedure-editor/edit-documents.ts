// The papers a procedure asks for (thành phần hồ sơ): add, change and remove them. A paper a
// file field uploads cannot be removed or renamed from under it. Pure.
import { MAX_DOCUMENT_BYTES, NotFoundError, procedureVersion } from '@motcua/domain';
import {
  asRecord,
  checkPart,
  draftDocuments,
  draftFields,
  type EditProblem,
  type FormInput,
  idOf,
  isTicked,
  type ProcedureDraft,
  problemsUnder,
  refuse,
  slugifyId,
  textOf,
  uniqueId,
} from './draft.ts';

export const documentFileTypes = ['pdf', 'jpeg', 'png'] as const;
const MEBIBYTE = 1024 * 1024;
/** What a new paper accepts until the author says otherwise. */
export const defaultMaxSizeMb = 10;

const requiredDocument = procedureVersion.shape.documents.element;

const inputOfDocumentPath = (path: readonly PropertyKey[]): string => {
  const [head, sub] = path;
  switch (head) {
    case 'id':
      return 'document-id';
    case 'name':
      return `document-name-${sub === 'en' ? 'en' : 'vi'}`;
    case 'copies':
      return sub === 'copies' ? 'copies' : 'originals';
    case 'acceptedTypes':
      return 'accepted-pdf';
    case 'maxSizeBytes':
      return 'max-size-mb';
    case 'templateFile':
      return 'template-file';
    default:
      return 'document-required';
  }
};

function readCount(input: FormInput, name: string, problems: EditProblem[]): number {
  const raw = textOf(input, name);
  if (/^\d{1,2}$/.test(raw)) return Number(raw);
  problems.push({
    input: name,
    code: raw ? 'invalid' : 'required',
    message: 'Enter a whole number from 0 to 20.',
  });
  return 0;
}

function readMegabytes(input: FormInput, problems: EditProblem[]): number {
  const raw = textOf(input, 'max-size-mb').replace(',', '.');
  if (/^\d{1,3}(?:\.\d{1,2})?$/.test(raw) && Number(raw) > 0) {
    return Math.min(Math.round(Number(raw) * MEBIBYTE), MAX_DOCUMENT_BYTES + 1);
  }
  problems.push({
    input: 'max-size-mb',
    code: raw ? 'invalid' : 'required',
    message: `Enter a size in MB from 0.01 to ${MAX_DOCUMENT_BYTES / MEBIBYTE}.`,
  });
  return 1;
}

function buildDocument(draft: ProcedureDraft, input: FormInput, index: number, existing?: unknown) {
  const others = new Set(
    draftDocuments(draft)
      .filter((_, i) => i !== index)
      .flatMap((d) => idOf(d) ?? []),
  );
  const name = { vi: textOf(input, 'document-name-vi'), en: textOf(input, 'document-name-en') };
  const written = textOf(input, 'document-id');
  const id = written || idOf(existing) || uniqueId(slugifyId(name.vi, 'doc'), others);
  const problems: EditProblem[] = [];
  const copies = {
    originals: readCount(input, 'originals', problems),
    copies: readCount(input, 'copies', problems),
  };
  const maxSizeBytes = readMegabytes(input, problems);
  const document: Record<string, unknown> = {
    id,
    name,
    required: isTicked(input, 'document-required'),
    copies,
    acceptedTypes: documentFileTypes.filter((type) => isTicked(input, `accepted-${type}`)),
    maxSizeBytes,
  };
  const template = textOf(input, 'template-file');
  if (template) document.templateFile = template;
  const showWhen = asRecord(existing).showWhen;
  if (showWhen !== undefined) document.showWhen = showWhen;
  const checked = checkPart(requiredDocument, document, inputOfDocumentPath);
  const reported = new Set(problems.map((p) => p.input));
  problems.push(
    ...checked.problems.filter(
      (p) => !reported.has(p.input) && (written || p.input !== 'document-id' || !name.vi),
    ),
  );
  if (others.has(id)) {
    problems.push({
      input: 'document-id',
      code: 'duplicate',
      message: `Another paper already has the id "${id}".`,
    });
  }
  return { document, problems };
}

/** File fields that upload paper `id`. */
const fileFieldsOf = (draft: ProcedureDraft, id: string) =>
  draftFields(draft).filter((field) => asRecord(field).type === 'file' && asRecord(field).document === id);

function placeDocument(draft: ProcedureDraft, input: FormInput, index: number, existing?: unknown) {
  const built = buildDocument(draft, input, index, existing);
  const oldId = idOf(existing);
  if (oldId !== undefined && built.document.id !== oldId && fileFieldsOf(draft, oldId).length) {
    built.problems.push({
      input: 'document-id',
      code: 'referenced',
      message: `A file field uploads "${oldId}"; its id cannot change.`,
    });
  }
  if (built.problems.length) refuse(built.problems);
  const documents = draftDocuments(draft).toSpliced(index, existing === undefined ? 0 : 1, built.document);
  const next = { ...draft, documents };
  const problems = problemsUnder(next, ['documents', index], inputOfDocumentPath).filter(
    (p) => !(p.input === 'document-id' && p.code === 'duplicate'),
  );
  if (problems.length) refuse(problems);
  return next;
}

function indexOfDocument(draft: ProcedureDraft, id: string): number {
  const index = draftDocuments(draft).findIndex((d) => idOf(d) === id);
  if (index < 0) throw new NotFoundError('The procedure has no paper with this id.');
  return index;
}

export function addDocument(draft: ProcedureDraft, input: FormInput): ProcedureDraft {
  return placeDocument(draft, input, draftDocuments(draft).length);
}

export function updateDocument(draft: ProcedureDraft, id: string, input: FormInput): ProcedureDraft {
  const index = indexOfDocument(draft, id);
  return placeDocument(draft, input, index, draftDocuments(draft)[index]);
}

/** Removes a paper no file field uploads. */
export function removeDocument(draft: ProcedureDraft, id: string): ProcedureDraft {
  const index = indexOfDocument(draft, id);
  const users = fileFieldsOf(draft, id).map((field) => `"${idOf(field) ?? '?'}"`);
  if (users.length) {
    refuse([
      { input: 'remove', code: 'referenced', message: `Uploaded by the file field ${users.join(', ')}.` },
    ]);
  }
  return { ...draft, documents: draftDocuments(draft).toSpliced(index, 1) };
}
