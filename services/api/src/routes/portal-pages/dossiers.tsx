/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The signed-in citizen's dossiers: the list, one dossier with its timeline, papers and the
// actions open now, and those actions as plain forms (POST, then 303 back to the dossier).
import {
  ConflictError,
  type DossierAction,
  ForbiddenError,
  MAX_DOCUMENT_BYTES,
  NotFoundError,
  PreconditionFailedError,
  ValidationError,
} from '@motcua/domain';
import {
  actOnDossier,
  type EngineContext,
  fileFeedback,
  getDossier,
  getDossierVersion,
  getProcedure,
  listMyDossiers,
  listProcedures,
  mediaTypes,
} from '@motcua/engine';
import {
  type FormError,
  type PortalDossierDetail,
  PortalDossierPage,
  type PortalDossierPageProps,
  PortalMyDossiersPage,
  type PortalPageBase,
  type PortalStringKey,
  PortalWithdrawPage,
  portalText,
} from '@motcua/ui';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../../context.ts';
import { allowBody } from '../../middleware/body-limit.ts';
import { tooLarge } from '../portal-form/citizen-gate.tsx';
import { uploadFile } from '../portal-form/uploads.ts';
import { toDossierDetail } from './citizen-view.ts';
import { type Ctx, citizenGate, formBody, notFound, page, redirectTo, scopeOf } from './common.tsx';

/** Field messages in the page's language, by the path the verbs report; the verbs speak English. */
const fieldMessages: Record<string, [string, PortalStringKey]> = {
  score: ['score', 'errScore'],
  comment: ['comment', 'errTooLong'],
  reason: ['reason', 'errTooLong'],
  subject: ['subject', 'errSubject'],
  body: ['body', 'errBody'],
  documents: ['answer', 'errSupplement'],
  answers: ['answer', 'errSupplement'],
};

class Refused {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly errors: FormError[],
  ) {}
}

/** A verb's refusal as what the form shows; anything else (a not-found included) goes on up. */
function refusalOf(base: PortalPageBase, error: unknown): Refused {
  const say = (key: PortalStringKey) => portalText(base.locale, key);
  if (error instanceof Refused) return error;
  if (error instanceof ConflictError) return new Refused(409, [{ message: say('errStale') }]);
  if (error instanceof PreconditionFailedError || error instanceof ForbiddenError) {
    return new Refused(409, [{ message: say('errNotNow') }]);
  }
  if (!(error instanceof ValidationError)) throw error;
  const details = Array.isArray(error.details) ? (error.details as { path?: unknown }[]) : [];
  const errors = new Map<string, FormError>();
  for (const detail of details) {
    const root = String(detail.path ?? '').split('.')[0] ?? '';
    const known = fieldMessages[root];
    if (known) errors.set(known[0], { field: known[0], message: say(known[1]) });
  }
  return new Refused(400, errors.size ? [...errors.values()] : [{ message: say('errInvalid') }]);
}

async function procedureName(c: Ctx, code: string) {
  try {
    return (await getProcedure(scopeOf(c), code)).document.name;
  } catch (error) {
    if (error instanceof NotFoundError) return null; // withdrawn since: the code is shown instead
    throw error;
  }
}

async function loadDetail(c: Ctx, ctx: EngineContext, citizenId: string, id: string) {
  const { dossier, timeline } = await getDossier(ctx, id);
  const name = await procedureName(c, dossier.procedureCode);
  // A supplement may attach any paper of the version the dossier was filed under.
  const papers =
    dossier.state === 'supplement_requested'
      ? (await getDossierVersion(ctx, id)).documents.map((d) => ({
          id: d.id,
          name: d.name,
          accept: d.acceptedTypes.map((type) => mediaTypes[type]).join(','),
        }))
      : [];
  return toDossierDetail(dossier, timeline, citizenId, name, papers);
}

const doneActions = ['supplement', 'withdraw', 'rate', 'feedback'] as const;
type Done = (typeof doneActions)[number];
const isDone = (value: string | undefined): value is Done => doneActions.includes(value as Done);

const expected = (revision: string | undefined) =>
  revision && /^\d{1,9}$/.test(revision) ? { expectedRevision: Number(revision) } : {};

type Step = (
  ctx: EngineContext,
  id: string,
  fields: Record<string, string>,
  files: Record<string, File>,
) => Promise<unknown>;

/**
 * Takes a step on the dossier and goes back to it, or shows the form again with what went wrong:
 * the dossier page, or the withdrawal's own confirmation page while withdrawing is still open.
 */
async function takeStep(c: Ctx, done: Done, step: Step) {
  const base = page(c);
  const gate = await citizenGate(c, base);
  if (gate.response) return gate.response;
  const id = c.req.param('id') ?? '';
  const { fields, files } = await formBody(c);
  try {
    await step(gate.ctx, id, fields, files);
    return redirectTo(c, base, `/dossiers/${id}?done=${done}`);
  } catch (error) {
    if (error instanceof NotFoundError) return notFound(c, base);
    const { status, errors } = refusalOf(base, error);
    const dossier = await loadDetail(c, gate.ctx, gate.citizenId, id);
    if (done === 'withdraw' && dossier.actions.withdraw) {
      return c.html(withdrawPage(base, dossier, { errors, reason: fields.reason ?? '' }), status);
    }
    const props: PortalDossierPageProps = { ...base, dossier, errors, values: fields };
    return c.html(<PortalDossierPage {...props} />, status);
  }
}

/**
 * The chosen file, uploaded and checked as the chosen paper of the dossier's procedure, as the
 * supplement's `documents`; nothing when no file was chosen. A file that cannot be accepted
 * comes back on the form in the person's language, and the answer is not sent.
 */
async function attachPaper(c: Ctx, ctx: EngineContext, dossierId: string, paper: string, file?: File) {
  if (!file || (file.size === 0 && !file.name)) return undefined;
  const base = page(c);
  const version = await getDossierVersion(ctx, dossierId);
  const outcome = await uploadFile(ctx, c.get('deps').storage.forTenant(ctx.slug), {
    dossierId,
    version,
    documentId: paper,
    file,
    locale: base.locale,
    limits: c.get('deps').uploadLimits,
  });
  if (outcome.error || outcome.file?.status !== 'verified') {
    const message = outcome.error?.message ?? portalText(base.locale, 'errInvalid');
    throw new Refused(400, [{ field: 'paper-file', message }]);
  }
  return { [paper]: [outcome.file.id] };
}

function withdrawPage(
  base: PortalPageBase,
  dossier: PortalDossierDetail,
  shown: { errors?: FormError[]; reason?: string } = {},
) {
  const { id, code, revision } = dossier;
  const procedureName = dossier.procedureName?.[base.locale] ?? dossier.procedureCode;
  return <PortalWithdrawPage {...base} {...shown} dossier={{ id, code, procedureName, revision }} />;
}

const act = (ctx: EngineContext, id: string, action: DossierAction, input: object, revision?: string) =>
  actOnDossier(ctx, { dossierId: id, action, input, ...expected(revision) });

export function dossierPageRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/dossiers', async (c) => {
    const base = page(c);
    const gate = await citizenGate(c, base);
    if (gate.response) return gate.response;
    const [mine, catalog] = await Promise.all([listMyDossiers(gate.ctx), listProcedures(scopeOf(c))]);
    const names = new Map(catalog.map((p) => [p.document.code, p.document.name]));
    const rows = mine.map((d) => ({
      id: d.id,
      code: d.code,
      procedureCode: d.procedureCode,
      procedureName: names.get(d.procedureCode) ?? null,
      state: d.state,
      nationalStatus: d.nationalStatus,
      dueAt: d.dueAt,
    }));
    return c.html(<PortalMyDossiersPage {...base} dossiers={rows} />);
  });

  app.get('/dossiers/:id', async (c, next) => {
    const id = c.req.param('id');
    // Other paths under /dossiers/ (the form's /dossiers/new) belong to the routes mounted after us.
    if (!id.startsWith('dos_')) return next();
    const base = page(c);
    const gate = await citizenGate(c, base);
    if (gate.response) return gate.response;
    try {
      const dossier = await loadDetail(c, gate.ctx, gate.citizenId, id);
      const done = c.req.query('done');
      return c.html(<PortalDossierPage {...base} dossier={dossier} done={isDone(done) ? done : undefined} />);
    } catch (error) {
      if (error instanceof NotFoundError) return notFound(c, base);
      throw error;
    }
  });

  app.get('/dossiers/:id/withdraw', async (c) => {
    const base = page(c);
    const gate = await citizenGate(c, base);
    if (gate.response) return gate.response;
    const id = c.req.param('id');
    try {
      const dossier = await loadDetail(c, gate.ctx, gate.citizenId, id);
      if (!dossier.actions.withdraw) return redirectTo(c, base, `/dossiers/${id}`);
      return c.html(withdrawPage(base, dossier));
    } catch (error) {
      if (error instanceof NotFoundError) return notFound(c, base);
      throw error;
    }
  });

  app.post('/dossiers/:id/withdraw', (c) =>
    takeStep(c, 'withdraw', (ctx, id, f) => {
      const reason = f.reason?.trim();
      return act(ctx, id, 'withdraw', reason ? { reason } : {}, f.revision);
    }),
  );

  // One paper, the largest a procedure may accept, plus the answer's words.
  app.use(
    '/dossiers/:id/supplement',
    allowBody({ maxBytes: MAX_DOCUMENT_BYTES + (1 << 20), onTooLarge: tooLarge }),
  );
  app.post('/dossiers/:id/supplement', (c) =>
    takeStep(c, 'supplement', async (ctx, id, f, files) => {
      const note = f.answer?.trim() ?? '';
      const documents = await attachPaper(c, ctx, id, f.paper ?? '', files['paper-file']);
      // The engine counts an empty note as an answer; the form asks for words or a paper.
      if (!note && !documents) {
        throw new ValidationError('Enter your answer.', [{ path: 'answers', message: 'Required.' }]);
      }
      const input = { ...(note ? { answers: { note } } : {}), ...(documents ? { documents } : {}) };
      return act(ctx, id, 'supplement', input, f.revision);
    }),
  );

  app.post('/dossiers/:id/rate', (c) =>
    takeStep(c, 'rate', (ctx, id, f) => {
      const comment = f.comment?.trim();
      const score = /^[1-5]$/.test(f.score ?? '') ? Number(f.score) : undefined;
      return act(ctx, id, 'rate', { score, ...(comment ? { comment } : {}) }, f.revision);
    }),
  );

  app.post('/dossiers/:id/feedback', (c) =>
    takeStep(c, 'feedback', (ctx, id, f) =>
      fileFeedback(ctx, { dossierId: id, subject: f.subject ?? '', body: f.body ?? '' }),
    ),
  );
  return app;
}
