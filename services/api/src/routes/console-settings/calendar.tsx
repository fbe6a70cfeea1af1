/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// /console/calendar: the agency's own days off and working days, added and removed with forms.
import { isCivilDate, ValidationError } from '@motcua/domain';
import {
  calendarOverrideInput,
  listCalendarOverrides,
  removeCalendarOverride,
  setCalendarOverride,
} from '@motcua/engine';
import { type AuthPageBase, type FormError, SettingsCalendarPage, settingsText } from '@motcua/ui';
import type { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../../context.ts';
import { gate, pageBase, readForm, redirectTo } from '../console-dossiers/gate.tsx';
import { type Ctx, dateQuery, managesSettings, type Problem, shownError, typedDate } from './shared.ts';

type Props = Parameters<typeof SettingsCalendarPage>[0];

async function render(
  c: Ctx,
  base: AuthPageBase,
  ctx: Parameters<typeof listCalendarOverrides>[0],
  extra: Partial<Props> = {},
  status: ContentfulStatusCode = 200,
) {
  const overrides = await listCalendarOverrides(ctx);
  return c.html(<SettingsCalendarPage {...base} {...extra} overrides={overrides} />, status);
}

const fieldMessage =
  (base: AuthPageBase) =>
  (problem: Problem): FormError | undefined => {
    const key = ({ date: 'errDate', kind: 'errKind', name: 'errDayName' } as const)[problem.path as 'date'];
    return key ? { field: problem.path, message: settingsText(base.locale, key) } : undefined;
  };

/** Every problem of the form at once (the verb stops at a bad date before it reads the rest). */
function checkDay(date: string, input: { kind: string; name: string }) {
  const details: { path: string; message: string }[] = isCivilDate(date)
    ? []
    : [{ path: 'date', message: 'Not a date.' }];
  const parsed = calendarOverrideInput.safeParse(input);
  if (!parsed.success) {
    details.push(...parsed.error.issues.map((i) => ({ path: String(i.path[0] ?? ''), message: i.message })));
  }
  if (details.length) throw new ValidationError('Some details need correcting.', details);
}

export function mountCalendar(app: Hono<AppEnv>) {
  app.get('/console/calendar', async (c) => {
    const base = pageBase(c);
    const g = await gate(c, base, managesSettings);
    if (g.response) return g.response;
    const added = dateQuery(c.req.query('added'));
    const removed = dateQuery(c.req.query('removed'));
    const notice = added
      ? { action: 'added' as const, date: added }
      : removed
        ? { action: 'removed' as const, date: removed }
        : undefined;
    return render(c, base, g.ctx, { notice });
  });

  app.post('/console/calendar', async (c) => {
    const base = pageBase(c);
    const g = await gate(c, base, managesSettings);
    if (g.response) return g.response;
    const { fields } = await readForm(c);
    const values = { date: fields.date ?? '', kind: fields.kind ?? '', name: fields.name ?? '' };
    const date = typedDate(values.date);
    try {
      checkDay(date, values);
      await setCalendarOverride(g.ctx, date, { kind: values.kind, name: values.name });
      return redirectTo(c, base, `/console/calendar?added=${date}`);
    } catch (error) {
      const { status, errors } = shownError(base.locale, error, fieldMessage(base));
      return render(c, base, g.ctx, { errors, values }, status);
    }
  });

  app.post('/console/calendar/:date/remove', async (c) => {
    const base = pageBase(c);
    const g = await gate(c, base, managesSettings);
    if (g.response) return g.response;
    const date = c.req.param('date');
    try {
      await removeCalendarOverride(g.ctx, date);
      return redirectTo(c, base, `/console/calendar?removed=${date}`);
    } catch (error) {
      // A date in the address that is no date: the summary says so, without a field to link to.
      const { status, errors } = shownError(base.locale, error, () => ({
        message: settingsText(base.locale, 'errDate'),
      }));
      return render(c, base, g.ctx, { errors }, status);
    }
  });
}
