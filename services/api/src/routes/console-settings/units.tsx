/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// /console/units: the agency's units, with forms to add one and to rename or close an open one.
import type { PreconditionFailedError } from '@motcua/domain';
import {
  closeUnit,
  createUnit,
  type EngineContext,
  listUnits,
  renameUnit,
  vietnamDate,
} from '@motcua/engine';
import { type AuthPageBase, type FormError, SettingsUnitsPage, settingsText } from '@motcua/ui';
import type { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../../context.ts';
import { gate, pageBase, readForm, redirectTo } from '../console-dossiers/gate.tsx';
import { type Ctx, managesSettings, type Problem, shownError, typedDate } from './shared.ts';

type Props = Parameters<typeof SettingsUnitsPage>[0];
const actions = ['created', 'renamed', 'closed'] as const;

async function render(
  c: Ctx,
  base: AuthPageBase,
  ctx: EngineContext,
  extra: Partial<Props> = {},
  status: ContentfulStatusCode = 200,
) {
  const units = await listUnits(ctx);
  const today = vietnamDate(c.get('deps').clock());
  // The banner names the unit the change was made to (its id is in the address after the redirect).
  const action = actions.find((a) => c.req.method === 'GET' && c.req.query(a));
  const changed = action ? units.find((u) => u.id === c.req.query(action)) : undefined;
  const notice = action && changed ? { action, name: changed.name } : undefined;
  return c.html(
    <SettingsUnitsPage {...base} notice={notice} {...extra} units={units} today={today} />,
    status,
  );
}

const createMessages: Record<string, Parameters<typeof settingsText>[1]> = {
  code: 'errCode',
  name: 'errUnitName',
  kind: 'errUnitKind',
  parentId: 'errParent',
};
const createMessage =
  (base: AuthPageBase) =>
  (problem: Problem): FormError | undefined => {
    const key = problem.code === 'code_taken' ? 'errCodeTaken' : createMessages[problem.path];
    return key ? { field: problem.path, message: settingsText(base.locale, key) } : undefined;
  };

/** A row's problem, tied to that row's control (`rename-<id>` or `close-<id>`). */
function rowMessage(base: AuthPageBase, field: string) {
  return (problem: Problem): FormError => {
    const key =
      problem.code === 'date_before_start'
        ? 'errCloseBeforeStart'
        : problem.path === 'onDate'
          ? 'errCloseDate'
          : 'errUnitName';
    return { field, message: settingsText(base.locale, key) };
  };
}
function rowPrecondition(base: AuthPageBase, field: string) {
  return (error: PreconditionFailedError): FormError => {
    const count = (error.facts as { staffCount?: number } | undefined)?.staffCount ?? 0;
    const key =
      error.code === 'unit_has_staff'
        ? 'errUnitHasStaff'
        : error.code === 'unit_has_children'
          ? 'errUnitHasChildren'
          : 'errUnitClosed';
    return { field, message: settingsText(base.locale, key, { count }) };
  };
}

export function mountUnits(app: Hono<AppEnv>) {
  app.get('/console/units', async (c) => {
    const base = pageBase(c);
    const g = await gate(c, base, managesSettings);
    if (g.response) return g.response;
    return render(c, base, g.ctx);
  });

  app.post('/console/units', async (c) => {
    const base = pageBase(c);
    const g = await gate(c, base, managesSettings);
    if (g.response) return g.response;
    const { fields } = await readForm(c);
    const values = {
      code: fields.code ?? '',
      name: fields.name ?? '',
      kind: fields.kind ?? '',
      parentId: fields.parentId ?? '',
    };
    try {
      const unit = await createUnit(g.ctx, values);
      return redirectTo(c, base, `/console/units?created=${encodeURIComponent(unit.id)}`);
    } catch (error) {
      const { status, errors } = shownError(base.locale, error, createMessage(base));
      return render(c, base, g.ctx, { errors, values }, status);
    }
  });

  app.post('/console/units/:id/rename', async (c) => {
    const base = pageBase(c);
    const g = await gate(c, base, managesSettings);
    if (g.response) return g.response;
    const id = c.req.param('id');
    const { fields } = await readForm(c);
    try {
      await renameUnit(g.ctx, id, { name: fields.name ?? '' });
      return redirectTo(c, base, `/console/units?renamed=${encodeURIComponent(id)}`);
    } catch (error) {
      const field = `rename-${id}`;
      const { status, errors } = shownError(
        base.locale,
        error,
        rowMessage(base, field),
        rowPrecondition(base, field),
      );
      return render(c, base, g.ctx, { errors }, status);
    }
  });

  app.post('/console/units/:id/close', async (c) => {
    const base = pageBase(c);
    const g = await gate(c, base, managesSettings);
    if (g.response) return g.response;
    const id = c.req.param('id');
    const { fields } = await readForm(c);
    try {
      await closeUnit(g.ctx, id, typedDate(fields.onDate));
      return redirectTo(c, base, `/console/units?closed=${encodeURIComponent(id)}`);
    } catch (error) {
      const field = `close-${id}`;
      const { status, errors } = shownError(
        base.locale,
        error,
        rowMessage(base, field),
        rowPrecondition(base, field),
      );
      return render(c, base, g.ctx, { errors }, status);
    }
  });
}
