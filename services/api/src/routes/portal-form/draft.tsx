/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// A draft as the form pages work on it: loaded for its citizen with its version, answers and
// files; rendered as the form page; checked before review and submission.
import { type Answers, type ProcedureVersion, validateAnswers } from '@motcua/domain';
import { type EngineContext, vietnamDate } from '@motcua/engine';
import {
  authHref,
  type DossierFormNotice,
  DossierFormPage,
  type FieldErrorView,
  type PortalFormBase,
} from '@motcua/ui';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import {
  type Ctx,
  citizenGate,
  type Loaded,
  loadDossier,
  page,
  redirectTo,
  versionChanged,
} from './citizen-gate.tsx';
import { readUploads, type UploadedFile, withFiles } from './form-answers.ts';
import { answerErrors, formView, missingDocuments } from './form-views.ts';

/** A loaded draft whose version could be read, with its answers and files. */
export interface Draft extends Loaded {
  version: ProcedureVersion;
  answers: Answers;
  uploads: UploadedFile[];
}

export const dossierPath = (id: string) => `/dossiers/${encodeURIComponent(id)}`;

export function templateLink(base: PortalFormBase, code: string) {
  return (file: string) =>
    authHref(base, `/api/procedures/${encodeURIComponent(code)}/templates/${encodeURIComponent(file)}`);
}

export function renderForm(
  c: Ctx,
  base: PortalFormBase,
  draft: Draft,
  extra: { errors?: FieldErrorView[]; notice?: DossierFormNotice | undefined } = {},
  status: ContentfulStatusCode = 200,
) {
  const view = formView(
    draft.version,
    draft.answers,
    draft.uploads,
    base.locale,
    templateLink(base, draft.dossier.procedureCode),
  );
  return page(
    c,
    <DossierFormPage
      {...base}
      {...view}
      {...extra}
      dossierId={draft.dossier.id}
      procedureName={draft.procedureName}
    />,
    status,
  );
}

/** Everything that stops a draft from going to review: its answers, then its missing papers. */
export function checkDraft(c: Ctx, draft: Draft, locale: PortalFormBase['locale']) {
  const today = vietnamDate(c.get('deps').clock());
  const checked = validateAnswers(draft.version, draft.answers, { today });
  const errors = checked.ok ? [] : answerErrors(checked.errors, locale);
  const values = checked.ok ? checked.values : draft.answers;
  errors.push(...missingDocuments(draft.version, values, draft.uploads, errors, locale));
  return { values, errors };
}

type Opened =
  | { draft: Draft; ctx: EngineContext; response?: undefined }
  | { response: Response | Promise<Response> };

/** The signed-in citizen's draft `:id`, or where to send them instead (sign-in, the receipt…). */
export async function openDraft(c: Ctx, base: PortalFormBase): Promise<Opened> {
  const gate = await citizenGate(c, base);
  if (gate.response) return gate;
  const id = c.req.param('id') ?? '';
  const loaded = await loadDossier(gate.ctx, id, base.locale);
  if (loaded.dossier.state !== 'draft')
    return { response: redirectTo(c, base, `${dossierPath(id)}/receipt`) };
  if (!loaded.version) return { response: versionChanged(c, base, loaded) };
  const uploads = readUploads(loaded.dossier.answers);
  const answers = withFiles(loaded.version, loaded.dossier.answers, uploads);
  return { ctx: gate.ctx, draft: { ...loaded, version: loaded.version, answers, uploads } };
}
