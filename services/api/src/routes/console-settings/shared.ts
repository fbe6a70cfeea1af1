// What the settings pages share: who may open them, the verbs' field errors in the page's
// language, and dates as people type them.
import { can, type StaffPrincipal } from '@motcua/auth';
import { NotFoundError, PreconditionFailedError, ValidationError } from '@motcua/domain';
import { type FormError, type Locale, type SettingsStringKey, settingsText } from '@motcua/ui';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../../context.ts';

export type Ctx = Context<AppEnv>;

/** Every settings page needs `settings.manage`: the agency admin. */
export const managesSettings = (role: StaffPrincipal['role']) => can(role, 'settings.manage');

/** A verb's field problem: its path, and the stable code the engine gives it. */
export interface Problem {
  path: string;
  code?: string;
  ratio?: number;
}

export const problemsOf = (error: ValidationError): Problem[] =>
  Array.isArray(error.details)
    ? (error.details as { path?: unknown; code?: unknown; ratio?: unknown }[]).map((d) => ({
        path: String(d.path ?? ''),
        ...(typeof d.code === 'string' ? { code: d.code } : {}),
        ...(typeof d.ratio === 'number' ? { ratio: d.ratio } : {}),
      }))
    : [];

export interface Shown {
  status: ContentfulStatusCode;
  errors: FormError[];
}

/**
 * A verb's error as the form shows it: `message` picks the words for each problem (undefined:
 * the generic message). Errors other than the verbs' refusals go on to onError.
 */
export function shownError(
  locale: Locale,
  error: unknown,
  message: (problem: Problem) => FormError | undefined,
  precondition?: (error: PreconditionFailedError) => FormError,
): Shown {
  const say = (key: SettingsStringKey) => settingsText(locale, key);
  if (error instanceof NotFoundError) return { status: 404, errors: [{ message: say('errUnitMissing') }] };
  if (error instanceof PreconditionFailedError && precondition) {
    return { status: 409, errors: [precondition(error)] };
  }
  if (!(error instanceof ValidationError)) throw error;
  const errors: FormError[] = [];
  for (const problem of problemsOf(error)) {
    const shown = message(problem);
    if (shown && !errors.some((e) => e.field === shown.field)) errors.push(shown);
  }
  if (!errors.length) errors.push({ message: error.message });
  return { status: 400, errors };
}

/** yyyy-mm-dd as a date input sends it, or dd/mm/yyyy as people type it where there is no date picker. */
export function typedDate(value: string | undefined): string {
  const text = (value ?? '').trim();
  const vietnamese = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (!vietnamese) return text;
  const [, d = '', m = '', y = ''] = vietnamese;
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

/** A query value that is a civil date, for the banner; anything else shows none. */
export const dateQuery = (value: string | undefined) =>
  value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
