/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The citizen's dossier form on the agency's host: start a draft, fill it in (the procedure
// version's fields and conditions, server-side), upload papers without JavaScript, review,
// submit once, and see the receipt. Plain forms, POST then 303; the engine's verbs do the work.
import { MAX_DOCUMENT_BYTES, NotFoundError, requiredDocuments } from '@motcua/domain';
import { type EngineContext, saveDossier } from '@motcua/engine';
import {
  DossierReviewPage,
  type FieldErrorView,
  type PortalFormBase,
  portalFormScript,
  portalFormScriptPath,
  portalFormText,
} from '@motcua/ui';
import { Hono } from 'hono';
import type { AppEnv } from '../../context.ts';
import { allowBody } from '../../middleware/body-limit.ts';
import { type Ctx, citizenGate, page, pageBase, redirectTo, tooLarge } from './citizen-gate.tsx';
import { checkDraft, type Draft, dossierPath, openDraft, renderForm, templateLink } from './draft.tsx';
import { chosenFiles, mergePostedAnswers, postedString } from './form-answers.ts';
import { documentView, feeView, reviewRows } from './form-views.ts';
import { showReceipt, submitDossier } from './submission.tsx';
import { uploadFile } from './uploads.ts';

/**
 * A post of the form, to /edit or to /files: every chosen file is uploaded first, then the answers
 * are saved with the file list, so that nothing the person typed or chose is lost.
 */
async function saveFromForm(c: Ctx, base: PortalFormBase, opened: { draft: Draft; ctx: EngineContext }) {
  const { draft, ctx } = opened;
  const form = await c.req.parseBody({ all: true });
  const errors: FieldErrorView[] = [];
  let uploads = draft.uploads;
  const storage = c.get('deps').storage.forTenant(ctx.slug);
  for (const { documentId, file } of chosenFiles(form)) {
    const outcome = await uploadFile(ctx, storage, {
      dossierId: draft.dossier.id,
      version: draft.version,
      documentId,
      file,
      locale: base.locale,
      limits: c.get('deps').uploadLimits,
    });
    if (outcome.file) uploads = [...uploads, outcome.file];
    if (outcome.error) errors.push(outcome.error);
  }
  const answers = mergePostedAnswers(draft.version, draft.dossier.answers, form, uploads);
  const saved = await saveDossier(ctx, {
    procedureCode: draft.dossier.procedureCode,
    dossierId: draft.dossier.id,
    answers,
  });
  return { form, errors, draft: { ...draft, dossier: saved.dossier, answers, uploads } };
}

async function postForm(c: Ctx, to: 'edit' | 'files') {
  const base = pageBase(c);
  const opened = await openDraft(c, base);
  if (opened.response) return opened.response;
  const { form, errors, draft } = await saveFromForm(c, base, opened);
  const path = dossierPath(draft.dossier.id);
  const documentId = postedString(form, '_document') ?? '';
  const named = draft.version.documents.some((d) => d.id === documentId);
  if (to === 'files' && named && !chosenFiles(form).length) {
    errors.push({ documentId, message: portalFormText(base.locale, 'errChooseFile') });
  }
  if (errors.length) return renderForm(c, base, draft, { errors }, 400);
  if (to === 'files')
    return redirectTo(c, base, `${path}/edit?uploaded=1`, named ? `doc-${documentId}` : undefined);
  const action = postedString(form, '_action');
  if (action === 'save') return redirectTo(c, base, `${path}/edit?saved=1`);
  if (action !== 'continue') return redirectTo(c, base, `${path}/edit`);
  const checked = checkDraft(c, draft, base.locale);
  if (checked.errors.length) return renderForm(c, base, draft, { errors: checked.errors }, 400);
  return redirectTo(c, base, `${path}/review`);
}

export function portalFormRoutes() {
  const app = new Hono<AppEnv>();
  // One file per upload, the largest a procedure may accept, plus the form's answers.
  const uploadLimit = allowBody({ maxBytes: MAX_DOCUMENT_BYTES + (1 << 20), onTooLarge: tooLarge });

  app.get(portalFormScriptPath, (c) => {
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(portalFormScript);
  });

  app.get('/dossiers/new', async (c) => {
    const base = pageBase(c);
    const gate = await citizenGate(c, base);
    if (gate.response) return gate.response;
    const procedureCode = c.req.query('procedure');
    if (!procedureCode) throw new NotFoundError('No procedure was named.');
    const saved = await saveDossier(gate.ctx, { procedureCode, answers: {} });
    return redirectTo(c, base, `${dossierPath(saved.dossier.id)}/edit`);
  });

  app.get('/dossiers/:id/edit', async (c) => {
    const base = pageBase(c);
    const opened = await openDraft(c, base);
    if (opened.response) return opened.response;
    const errors = c.req.query('check') === '1' ? checkDraft(c, opened.draft, base.locale).errors : [];
    const notice =
      c.req.query('uploaded') === '1' ? 'uploaded' : c.req.query('saved') === '1' ? 'saved' : undefined;
    return renderForm(c, base, opened.draft, { errors, notice }, errors.length ? 400 : 200);
  });
  app.post('/dossiers/:id/edit', uploadLimit, (c) => postForm(c, 'edit'));
  app.post('/dossiers/:id/files', uploadLimit, (c) => postForm(c, 'files'));

  app.get('/dossiers/:id/review', async (c) => {
    const base = pageBase(c);
    const opened = await openDraft(c, base);
    if (opened.response) return opened.response;
    const { draft } = opened;
    const { values, errors } = checkDraft(c, draft, base.locale);
    const path = dossierPath(draft.dossier.id);
    if (errors.length) return redirectTo(c, base, `${path}/edit?check=1`);
    const verified = draft.uploads.filter((u) => u.status === 'verified');
    const templates = templateLink(base, draft.dossier.procedureCode);
    return page(
      c,
      <DossierReviewPage
        {...base}
        {...feeView(draft.version, values, base.locale)}
        dossierId={draft.dossier.id}
        procedureName={draft.procedureName}
        revision={draft.dossier.revision}
        answers={reviewRows(draft.version, values, base.locale)}
        documents={requiredDocuments(draft.version, values).map((d) =>
          documentView(d, verified, base.locale, templates),
        )}
        stale={c.req.query('stale') === '1'}
      />,
    );
  });

  app.post('/dossiers/:id/submit', submitDossier);
  app.get('/dossiers/:id/receipt', showReceipt);
  return app;
}
