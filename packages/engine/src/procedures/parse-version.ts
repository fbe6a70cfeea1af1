// Procedure version documents are checked whole before they are stored, and again when read
// (a stored document that no longer parses is a bug to stop on, not to work around).
import { type ProcedureVersion, procedureVersion, ValidationError } from '@motcua/domain';

export function parseProcedureVersion(document: unknown): ProcedureVersion {
  const parsed = procedureVersion.safeParse(document);
  if (parsed.success) return parsed.data;
  throw new ValidationError(
    'The procedure definition is not valid.',
    parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
  );
}
