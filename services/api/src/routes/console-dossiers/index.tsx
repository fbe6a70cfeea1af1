/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The agency console's dossier pages: the queue, one dossier, and its actions as plain forms
// (POST, then 303 back with a banner; or the page again with the error summary). The engine's
// verbs decide and check everything; these routes only translate forms and errors.
import {
  ConflictError,
  dossierStates,
  ForbiddenError,
  NotFoundError,
  nationalStatus,
  PreconditionFailedError,
  ValidationError,
} from '@motcua/domain';
import { actOnDossier } from '@motcua/engine';
import {
  type ConsoleAction,
  ConsoleDossierPage,
  ConsoleQueuePage,
  consoleActionSlug,
  consoleDossierText,
  type FormError,
  isConsoleAction,
  type Locale,
} from '@motcua/ui';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../../context.ts';
import { allowBody } from '../../middleware/body-limit.ts';
import { formErrors, readActionForm } from './action-input.ts';
import { actsOnDossiers, gate, pageBase, readForm, readsDossiers, redirectTo } from './gate.tsx';
import { maxResultBodyBytes, uploadResult } from './issue-result.ts';
import { loadDossierPage, loadQueue, procedureNames, queueLimit, queueRow } from './load.ts';
import { paginate, readQueueQuery } from './present.ts';

export { consoleHomeHandler } from './home.tsx';

const filterStates = dossierStates
  .filter((state) => state !== 'draft')
  .map((state) => ({ state, nationalStatus: nationalStatus(state) }));

interface Shown {
  status: ContentfulStatusCode;
  errors: FormError[];
}

/** A verb's refusal as the form shows it; anything else (not found, a fault) goes to onError. */
function shownError(locale: Locale, action: ConsoleAction, error: unknown, rows: number[]): Shown {
  const say = (key: Parameters<typeof consoleDossierText>[1]) => [
    { message: consoleDossierText(locale, key) },
  ];
  if (error instanceof ValidationError)
    return { status: 400, errors: formErrors(locale, action, error.details, rows) };
  if (error instanceof ConflictError) return { status: 409, errors: say('errStale') };
  if (error instanceof PreconditionFailedError) return { status: 409, errors: say('errNotNow') };
  if (error instanceof ForbiddenError) return { status: 403, errors: say('errForbidden') };
  throw error;
}

/** Rows the supplement form shows again: at least three, and every row that was posted. */
function postedRows(fields: Record<string, string>): number {
  const indexes = Object.keys(fields)
    .map((key) => /^supplement-(?:document|reason)-(\d{1,2})$/.exec(key)?.[1])
    .filter((i): i is string => i !== undefined)
    .map(Number);
  return Math.max(3, ...indexes.map((i) => i + 1));
}

export function consoleDossiersRoutes() {
  const app = new Hono<AppEnv>();
  // Personal data and one-time state: never cached.
  app.use('/console/dossiers/*', async (c, next) => {
    await next();
    if (c.res.headers.get('content-type')?.startsWith('text/html')) c.header('Cache-Control', 'no-store');
  });

  app.get('/console/dossiers', async (c) => {
    const base = pageBase(c);
    const g = await gate(c, base, readsDossiers);
    if (g.response) return g.response;
    const { filters, page } = readQueueQuery(c.req.query());
    const [items, names] = await Promise.all([loadQueue(g.ctx, filters), procedureNames(c, base.locale)]);
    const paged = paginate(items, page);
    return c.html(
      <ConsoleQueuePage
        {...base}
        rows={paged.rows.map((item) => queueRow(item, names))}
        filters={filters}
        states={filterStates}
        procedures={[...names].map(([code, name]) => ({ code, name }))}
        page={paged.page}
        pageCount={paged.pageCount}
        total={items.length}
        capped={items.length >= queueLimit}
      />,
    );
  });

  app.get('/console/dossiers/:id', async (c) => {
    const base = pageBase(c);
    const g = await gate(c, base, readsDossiers);
    if (g.response) return g.response;
    const done = (c.req.query('done') ?? '').replaceAll('-', '_');
    const props = await loadDossierPage(base, g, c.req.param('id'));
    return c.html(<ConsoleDossierPage {...props} done={isConsoleAction(done) ? done : undefined} />);
  });

  app.use('/console/dossiers/:id/actions/:action', allowBody({ maxBytes: maxResultBodyBytes }));
  app.post('/console/dossiers/:id/actions/:action', async (c) => {
    const base = pageBase(c);
    const g = await gate(c, base, actsOnDossiers);
    if (g.response) return g.response;
    const action = c.req.param('action').replaceAll('-', '_');
    if (!isConsoleAction(action)) throw new NotFoundError('No such action.');
    const id = c.req.param('id');
    const { fields, files } = await readForm(c);
    const form = readActionForm(action, fields);
    try {
      const revision = fields.expectedRevision ?? '';
      if (!/^\d{1,9}$/.test(revision)) throw new ValidationError('The page is out of date.', []);
      if (action === 'issue_result') {
        const storage = c.get('deps').storage.forTenant(g.ctx.slug);
        const limits = c.get('deps').uploadLimits;
        form.input = {
          resultDocuments: [await uploadResult(g.ctx, storage, id, files['result-file'], limits)],
        };
      }
      await actOnDossier(g.ctx, {
        dossierId: id,
        action,
        input: form.input,
        expectedRevision: Number(revision),
      });
      return redirectTo(
        c,
        base,
        `/console/dossiers/${encodeURIComponent(id)}?done=${consoleActionSlug(action)}`,
      );
    } catch (error) {
      const shown = shownError(base.locale, action, error, form.rows);
      const props = await loadDossierPage(base, g, id);
      return c.html(
        <ConsoleDossierPage
          {...props}
          errors={shown.errors}
          failed={action}
          values={fields}
          supplementRows={postedRows(fields)}
        />,
        shown.status,
      );
    }
  });
  return app;
}
