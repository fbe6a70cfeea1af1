// What every procedure editor route shares: the admin gate, the procedure loaded for the page,
// and a refused edit turned into the error summary's entries.
import { can } from '@motcua/auth';
import { ValidationError } from '@motcua/domain';
import { type EngineContext, getProcedureDraft, type ProcedureDraftState } from '@motcua/engine';
import {
  type AuthPageBase,
  type FormError,
  type Locale,
  type ProcedureNotice,
  procedureEditErrors,
  procedureNotices,
} from '@motcua/ui';
import { type Ctx, gate, pageBase } from '../console-dossiers/gate.tsx';

/** The catalog is the agency admin's (settings.manage). */
export const managesCatalog = (role: Parameters<typeof can>[0]) => can(role, 'settings.manage');

export interface Opened {
  base: AuthPageBase;
  ctx: EngineContext;
}

/** The signed-in admin and the page's base, or the answer (sign-in, 403) instead. */
export async function openEditor(c: Ctx): Promise<Opened | Response> {
  const base = pageBase(c);
  const g = await gate(c, base, managesCatalog);
  if (g.response) return g.response;
  return { base, ctx: g.ctx };
}

/** The same with the procedure of the path's `:code` (a 404 page when the agency has none). */
export async function openProcedure(c: Ctx): Promise<(Opened & { state: ProcedureDraftState }) | Response> {
  const opened = await openEditor(c);
  if (opened instanceof Response) return opened;
  return { ...opened, state: await getProcedureDraft(opened.ctx, c.req.param('code') ?? '') };
}

/** A refused edit as summary entries tied to its inputs; anything else is not the form's to show. */
export function refusedErrors(locale: Locale, error: unknown): FormError[] {
  if (!(error instanceof ValidationError)) throw error;
  // The editor's problems name their form input as `path` and always carry a code.
  const problems = (error.details ?? []).flatMap(({ path, code }) => (code ? [{ input: path, code }] : []));
  return problems.length ? procedureEditErrors(locale, problems) : [{ message: error.message }];
}

export function noticeOf(c: Ctx): ProcedureNotice | undefined {
  const done = c.req.query('done');
  return procedureNotices.find((notice) => notice === done);
}

/** `/console/procedures/<code><rest>`, as the redirect after a save goes. */
export const procedurePath = (code: string, rest = '') =>
  `/console/procedures/${encodeURIComponent(code)}${rest}`;
