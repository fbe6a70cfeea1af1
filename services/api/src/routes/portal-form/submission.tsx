/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// Submitting a draft once, however often the button is pressed, and the receipt page after it.
import { qrSvg } from '@motcua/documents';
import { type Answers, PreconditionFailedError, ValidationError } from '@motcua/domain';
import { saveDossier } from '@motcua/engine';
import { DossierReceiptPage } from '@motcua/ui';
import { tenantSiteBase } from '../../tenant-mail.ts';
import {
  type Ctx,
  citizenGate,
  loadDossier,
  page,
  pageBase,
  redirectTo,
  versionChanged,
} from './citizen-gate.tsx';
import { checkDraft, type Draft, dossierPath, renderForm } from './draft.tsx';
import { canonical, postedString, readUploads, withFiles } from './form-answers.ts';
import { engineErrors } from './form-views.ts';

const submissionKey = (id: string, revision: number) => `submit:${id}:${revision}`;

/**
 * The body a submission sends. Built only from what the dossier stores, in canonical key order,
 * so that the same request can be replayed later for its stored answer (see `trackingKeyOf`).
 */
const submissionBody = (procedureCode: string, dossierId: string, answers: Answers) => ({
  procedureCode,
  dossierId,
  answers: canonical(answers),
  submit: true,
});

/**
 * The tracking key is only ever returned by the submission itself. Replaying that request with its
 * Idempotency-Key reads the stored answer and writes nothing (a mismatch is refused and rolled back).
 */

/**
 * The review page's submit: with an Idempotency-Key from the draft and the revision the person
 * reviewed, so that a double click (two requests at once) returns the same dossier and code.
 */
export async function submitDossier(c: Ctx) {
  const base = pageBase(c);
  const gate = await citizenGate(c, base);
  if (gate.response) return gate.response;
  const id = c.req.param('id') ?? '';
  const revision = Number(postedString(await c.req.parseBody(), 'revision'));
  const loaded = await loadDossier(gate.ctx, id, base.locale);
  const path = dossierPath(id);
  const receipt = `${path}/receipt`;
  // A second click after the first went through: the same receipt.
  if (loaded.dossier.state !== 'draft') return redirectTo(c, base, receipt);
  if (!loaded.version) return versionChanged(c, base, loaded);
  if (!Number.isSafeInteger(revision) || revision !== loaded.dossier.revision) {
    return redirectTo(c, base, `${path}/review?stale=1`);
  }
  const uploads = readUploads(loaded.dossier.answers);
  const answers = withFiles(loaded.version, loaded.dossier.answers, uploads);
  const draft: Draft = { ...loaded, version: loaded.version, answers, uploads };
  const { values, errors } = checkDraft(c, draft, base.locale);
  if (errors.length) return renderForm(c, base, draft, { errors }, 400);
  try {
    await saveDossier(gate.ctx, submissionBody(loaded.dossier.procedureCode, id, values), {
      idempotencyKey: submissionKey(id, revision),
    });
  } catch (error) {
    if (error instanceof ValidationError) {
      const shown = engineErrors(error.details, draft.version, base.locale);
      return renderForm(c, base, draft, { errors: shown }, 400);
    }
    if (!(error instanceof PreconditionFailedError && error.code === 'not_a_draft')) throw error;
  }
  return redirectTo(c, base, receipt);
}

/** The code, the tracking key when known, the status and, once received, the due date and receipt. */
export async function showReceipt(c: Ctx) {
  const base = pageBase(c);
  const gate = await citizenGate(c, base);
  if (gate.response) return gate.response;
  const loaded = await loadDossier(gate.ctx, c.req.param('id') ?? '', base.locale);
  const { dossier } = loaded;
  if (dossier.state === 'draft' || !dossier.code)
    return redirectTo(c, base, `${dossierPath(dossier.id)}/edit`);
  const { trackingKey } = loaded;
  const trackingUrl = trackingKey
    ? `${tenantSiteBase(c)}/track?code=${encodeURIComponent(dossier.code)}&key=${trackingKey}`
    : null;
  return page(
    c,
    <DossierReceiptPage
      {...base}
      dossierId={dossier.id}
      procedureName={loaded.procedureName}
      code={dossier.code}
      trackingKey={trackingKey}
      qrSvg={trackingUrl ? qrSvg(trackingUrl, { label: dossier.code }) : undefined}
      nationalStatus={dossier.nationalStatus}
      submittedAt={dossier.submittedAt}
      dueAt={dossier.receivedAt ? dossier.dueAt : null}
      feeTotal={dossier.feeTotal}
    />,
  );
}
