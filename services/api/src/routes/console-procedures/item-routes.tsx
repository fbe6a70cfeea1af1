/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The form's fields and the required papers: a list page each, an editor for one item (add or
// change), and the small POST forms that move or remove one. A refusal shows the page again
// (400) with its errors; the stored draft is not touched.
import { NotFoundError, ValidationError } from '@motcua/domain';
import {
  addDocument,
  addField,
  editProcedureDraft,
  isSimpleCondition,
  moveField,
  type ProcedureDraft,
  type ProcedureDraftState,
  procedureDocumentTypes,
  procedureFieldTypes,
  removeDocument,
  removeField,
  updateDocument,
  updateField,
} from '@motcua/engine';
import {
  type AuthPageBase,
  type FormError,
  ProcedureDocumentEditorPage,
  ProcedureDocumentListPage,
  ProcedureFieldEditorPage,
  ProcedureFieldListPage,
} from '@motcua/ui';
import type { Hono } from 'hono';
import type { AppEnv } from '../../context.ts';
import { type Ctx, readForm, redirectTo } from '../console-dossiers/gate.tsx';
import { documentsOf, documentValues, fieldsOf, fieldValues, localizedName, overviewOf } from './present.ts';
import { noticeOf, openProcedure, procedurePath, refusedErrors } from './support.ts';

const localizedLabel = (item: Record<string, unknown>, key: string, locale: 'vi' | 'en') => {
  const label = (item[key] ?? {}) as Record<string, unknown>;
  return typeof label[locale] === 'string' ? label[locale] : String(item.id ?? '');
};

function fieldEditor(
  c: Ctx,
  base: AuthPageBase,
  state: ProcedureDraftState,
  at: { key?: string; values: Record<string, string>; errors?: FormError[] },
  status: 200 | 400 = 200,
) {
  const fields = fieldsOf(state.draft);
  const index = at.key === undefined ? fields.length : fields.findIndex((f) => f.id === at.key);
  const existing = fields[index];
  return c.html(
    <ProcedureFieldEditorPage
      {...base}
      errors={at.errors ?? []}
      code={state.code}
      name={localizedName(state.draft, base.locale)}
      fieldKey={at.key}
      values={at.values}
      fieldTypes={procedureFieldTypes}
      earlierFields={fields
        .slice(0, index)
        .map((f) => [String(f.id), localizedLabel(f, 'label', base.locale)])}
      documents={documentsOf(state.draft).map((d) => [String(d.id), localizedLabel(d, 'name', base.locale)])}
      combinedCondition={existing?.showWhen !== undefined && !isSimpleCondition(existing.showWhen)}
    />,
    status,
  );
}

function fieldList(c: Ctx, base: AuthPageBase, state: ProcedureDraftState, errors: FormError[] = []) {
  const overview = overviewOf(state, base.locale);
  return c.html(
    <ProcedureFieldListPage
      {...base}
      errors={errors}
      code={state.code}
      name={overview.name || state.code}
      fields={overview.fields}
      notice={errors.length ? undefined : noticeOf(c)}
    />,
    errors.length ? 400 : 200,
  );
}

function documentList(c: Ctx, base: AuthPageBase, state: ProcedureDraftState, errors: FormError[] = []) {
  const overview = overviewOf(state, base.locale);
  return c.html(
    <ProcedureDocumentListPage
      {...base}
      errors={errors}
      code={state.code}
      name={overview.name || state.code}
      documents={overview.documents}
      notice={errors.length ? undefined : noticeOf(c)}
    />,
    errors.length ? 400 : 200,
  );
}

function documentEditor(
  c: Ctx,
  base: AuthPageBase,
  state: ProcedureDraftState,
  at: { id?: string; values: Record<string, string>; errors?: FormError[] },
  status: 200 | 400 = 200,
) {
  return c.html(
    <ProcedureDocumentEditorPage
      {...base}
      errors={at.errors ?? []}
      code={state.code}
      name={localizedName(state.draft, base.locale)}
      documentId={at.id}
      values={at.values}
      fileTypes={procedureDocumentTypes}
    />,
    status,
  );
}

const itemOf = (items: Record<string, unknown>[], id: string) => {
  const item = items.find((i) => i.id === id);
  if (!item) throw new NotFoundError('The draft has no such item.');
  return item;
};

/** Saves one edit and redirects, or renders `refused` with the edit's errors. */
async function saveOr(
  c: Ctx,
  opened: { base: AuthPageBase; ctx: Parameters<typeof editProcedureDraft>[0]; state: ProcedureDraftState },
  edit: (draft: ProcedureDraft) => ProcedureDraft,
  done: string,
  refused: (errors: FormError[]) => Response | Promise<Response>,
) {
  try {
    await editProcedureDraft(opened.ctx, opened.state.code, edit);
    return redirectTo(c, opened.base, done);
  } catch (error) {
    return refused(refusedErrors(opened.base.locale, error));
  }
}

export function mountFieldRoutes(app: Hono<AppEnv>) {
  app.get('/console/procedures/:code/fields', async (c) => {
    const o = await openProcedure(c);
    return o instanceof Response ? o : fieldList(c, o.base, o.state);
  });
  app.get('/console/procedures/:code/add-field', async (c) => {
    const o = await openProcedure(c);
    return o instanceof Response ? o : fieldEditor(c, o.base, o.state, { values: fieldValues(undefined) });
  });
  app.post('/console/procedures/:code/add-field', async (c) => {
    const o = await openProcedure(c);
    if (o instanceof Response) return o;
    const { fields } = await readForm(c);
    const done = `${procedurePath(o.state.code, '/fields')}?done=saved`;
    return saveOr(
      c,
      o,
      (d) => addField(d, fields),
      done,
      (errors) => fieldEditor(c, o.base, o.state, { values: fields, errors }, 400),
    );
  });
  app.get('/console/procedures/:code/fields/:key', async (c) => {
    const o = await openProcedure(c);
    if (o instanceof Response) return o;
    const key = c.req.param('key');
    const values = fieldValues(itemOf(fieldsOf(o.state.draft), key));
    return fieldEditor(c, o.base, o.state, { key, values });
  });
  app.post('/console/procedures/:code/fields/:key', async (c) => {
    const o = await openProcedure(c);
    if (o instanceof Response) return o;
    const key = c.req.param('key');
    const { fields } = await readForm(c);
    const done = `${procedurePath(o.state.code, '/fields')}?done=saved`;
    return saveOr(
      c,
      o,
      (d) => updateField(d, key, fields),
      done,
      (errors) => fieldEditor(c, o.base, o.state, { key, values: fields, errors }, 400),
    );
  });
  app.post('/console/procedures/:code/fields/:key/move', async (c) => {
    const o = await openProcedure(c);
    if (o instanceof Response) return o;
    const { fields } = await readForm(c);
    const direction = fields.direction === 'up' ? 'up' : fields.direction === 'down' ? 'down' : undefined;
    // Only a tampered form posts anything else: the generic error page answers it.
    if (!direction)
      throw new ValidationError('Move a field up or down.', [{ path: 'direction', message: 'up or down' }]);
    const done = `${procedurePath(o.state.code, '/fields')}?done=moved`;
    return saveOr(
      c,
      o,
      (d) => moveField(d, c.req.param('key'), direction),
      done,
      (errors) => fieldList(c, o.base, o.state, errors),
    );
  });
  app.post('/console/procedures/:code/fields/:key/remove', async (c) => {
    const o = await openProcedure(c);
    if (o instanceof Response) return o;
    const done = `${procedurePath(o.state.code, '/fields')}?done=removed`;
    return saveOr(
      c,
      o,
      (d) => removeField(d, c.req.param('key')),
      done,
      (errors) => fieldList(c, o.base, o.state, errors),
    );
  });
}

export function mountDocumentRoutes(app: Hono<AppEnv>) {
  app.get('/console/procedures/:code/documents', async (c) => {
    const o = await openProcedure(c);
    return o instanceof Response ? o : documentList(c, o.base, o.state);
  });
  app.get('/console/procedures/:code/add-document', async (c) => {
    const o = await openProcedure(c);
    return o instanceof Response
      ? o
      : documentEditor(c, o.base, o.state, { values: documentValues(undefined) });
  });
  app.post('/console/procedures/:code/add-document', async (c) => {
    const o = await openProcedure(c);
    if (o instanceof Response) return o;
    const { fields } = await readForm(c);
    const done = `${procedurePath(o.state.code, '/documents')}?done=saved`;
    return saveOr(
      c,
      o,
      (d) => addDocument(d, fields),
      done,
      (errors) => documentEditor(c, o.base, o.state, { values: fields, errors }, 400),
    );
  });
  app.get('/console/procedures/:code/documents/:id', async (c) => {
    const o = await openProcedure(c);
    if (o instanceof Response) return o;
    const id = c.req.param('id');
    const values = documentValues(itemOf(documentsOf(o.state.draft), id));
    return documentEditor(c, o.base, o.state, { id, values });
  });
  app.post('/console/procedures/:code/documents/:id', async (c) => {
    const o = await openProcedure(c);
    if (o instanceof Response) return o;
    const id = c.req.param('id');
    const { fields } = await readForm(c);
    const done = `${procedurePath(o.state.code, '/documents')}?done=saved`;
    return saveOr(
      c,
      o,
      (d) => updateDocument(d, id, fields),
      done,
      (errors) => documentEditor(c, o.base, o.state, { id, values: fields, errors }, 400),
    );
  });
  app.post('/console/procedures/:code/documents/:id/remove', async (c) => {
    const o = await openProcedure(c);
    if (o instanceof Response) return o;
    const done = `${procedurePath(o.state.code, '/documents')}?done=removed`;
    return saveOr(
      c,
      o,
      (d) => removeDocument(d, c.req.param('id')),
      done,
      (errors) => documentList(c, o.base, o.state, errors),
    );
  });
}
