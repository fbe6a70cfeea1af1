/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The agency console's procedure editor pages: the list with a new procedure's form, one
// procedure's overview with publishing and withdrawal, one page per part of the draft, and the
// form's preview. Plain forms (POST, then 303 back with a banner; or the page again with the
// error summary). Admins only (settings.manage); the engine's verbs decide and check everything.
import { ValidationError } from '@motcua/domain';
import {
  listProcedureDrafts,
  publishProcedure,
  startProcedureDraft,
  withdrawProcedure,
} from '@motcua/engine';
import {
  type AuthPageBase,
  type FormError,
  ProcedureListPage,
  type ProcedureNotice,
  ProcedureOverviewPage,
  ProcedurePreviewPage,
  ProcedureWithdrawPage,
  procedureText,
} from '@motcua/ui';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../../context.ts';
import { allowBody } from '../../middleware/body-limit.ts';
import { type Ctx, readForm, redirectTo } from '../console-dossiers/gate.tsx';
import { mountDocumentRoutes, mountFieldRoutes } from './item-routes.tsx';
import { mountPartRoutes } from './part-routes.tsx';
import { listRowOf, localizedName, overviewOf, previewOf } from './present.ts';
import { noticeOf, type Opened, openEditor, openProcedure, procedurePath, refusedErrors } from './support.ts';

/** The longest form the editor posts (fifty fee or step rows) with room to spare. */
const maxFormBytes = 256 * 1024;

async function listPage(
  c: Ctx,
  opened: Opened,
  shown: { values?: Record<string, string>; errors?: FormError[]; status?: ContentfulStatusCode } = {},
) {
  const { base, ctx } = opened;
  const rows = (await listProcedureDrafts(ctx)).map((state) => listRowOf(state, base.locale));
  return c.html(
    <ProcedureListPage
      {...base}
      rows={rows}
      values={shown.values ?? {}}
      errors={shown.errors ?? []}
      notice={shown.errors ? undefined : noticeOf(c)}
    />,
    shown.status ?? 200,
  );
}

function overviewPage(
  c: Ctx,
  base: AuthPageBase,
  state: Parameters<typeof overviewOf>[0],
  shown: { errors?: FormError[]; notice?: ProcedureNotice; status?: ContentfulStatusCode } = {},
) {
  const published = /^\d{1,6}$/.test(c.req.query('published') ?? '')
    ? Number(c.req.query('published'))
    : undefined;
  return c.html(
    <ProcedureOverviewPage
      {...base}
      errors={shown.errors ?? []}
      procedure={overviewOf(state, base.locale)}
      notice={shown.errors ? undefined : noticeOf(c)}
      published={shown.errors ? undefined : published}
    />,
    shown.status ?? 200,
  );
}

export function consoleProceduresRoutes() {
  const app = new Hono<AppEnv>();
  // Admin pages with one-time banners: never cached.
  app.use('/console/procedures/*', async (c, next) => {
    await next();
    if (c.res.headers.get('content-type')?.startsWith('text/html')) c.header('Cache-Control', 'no-store');
  });
  app.on('POST', ['/console/procedures', '/console/procedures/*'], allowBody({ maxBytes: maxFormBytes }));

  app.get('/console/procedures', async (c) => {
    const opened = await openEditor(c);
    return opened instanceof Response ? opened : listPage(c, opened);
  });

  app.post('/console/procedures', async (c) => {
    const opened = await openEditor(c);
    if (opened instanceof Response) return opened;
    const { fields } = await readForm(c);
    try {
      const { code } = await startProcedureDraft(opened.ctx, fields);
      return redirectTo(c, opened.base, `${procedurePath(code)}?done=created`);
    } catch (error) {
      const errors = refusedErrors(opened.base.locale, error);
      return listPage(c, opened, { values: fields, errors, status: 400 });
    }
  });

  app.get('/console/procedures/:code', async (c) => {
    const opened = await openProcedure(c);
    return opened instanceof Response ? opened : overviewPage(c, opened.base, opened.state);
  });

  app.get('/console/procedures/:code/preview', async (c) => {
    const opened = await openProcedure(c);
    if (opened instanceof Response) return opened;
    const { base, state } = opened;
    const preview = previewOf(state.draft, base.locale);
    return c.html(
      <ProcedurePreviewPage
        {...base}
        code={state.code}
        name={localizedName(state.draft, base.locale)}
        {...preview}
      />,
    );
  });

  // Publishing a draft with problems changes nothing and shows them (422); dossiers already
  // filed keep the version they were filed under (the engine stores each version immutably).
  app.post('/console/procedures/:code/publish', async (c) => {
    const opened = await openProcedure(c);
    if (opened instanceof Response) return opened;
    const { base, ctx, state } = opened;
    const blocked = [{ message: procedureText(base.locale, 'publishBlocked') }];
    if (state.draftProblems.length) return overviewPage(c, base, state, { errors: blocked, status: 422 });
    try {
      const { version } = await publishProcedure(ctx, state.code);
      return redirectTo(c, base, `${procedurePath(state.code)}?published=${version}`);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return overviewPage(c, base, state, { errors: blocked, status: 422 });
    }
  });

  app.get('/console/procedures/:code/withdraw', async (c) => {
    const opened = await openProcedure(c);
    if (opened instanceof Response) return opened;
    const { base, state } = opened;
    return c.html(
      <ProcedureWithdrawPage {...base} code={state.code} name={localizedName(state.draft, base.locale)} />,
    );
  });

  app.post('/console/procedures/:code/withdraw', async (c) => {
    const opened = await openProcedure(c);
    if (opened instanceof Response) return opened;
    const { base, ctx, state } = opened;
    if (state.status !== 'published') {
      const errors = [{ message: procedureText(base.locale, 'errNotPublished') }];
      return overviewPage(c, base, state, { errors, status: 409 });
    }
    await withdrawProcedure(ctx, state.code);
    return redirectTo(c, base, `${procedurePath(state.code)}?done=withdrawn`);
  });

  mountPartRoutes(app);
  mountFieldRoutes(app);
  mountDocumentRoutes(app);
  return app;
}
