/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// Form building blocks every page uses: the page frame with its error summary, labelled
// fields with hints and messages tied to them, and a plain POST form. Works without JavaScript.
import type { Child } from 'hono/jsx';
import { authText } from './auth-strings.ts';
import type { Locale } from './i18n.ts';
import { Layout } from './layout.tsx';

export interface FormError {
  /** The field's name (and id); absent for a problem of the whole form. */
  field?: string;
  message: string;
}

export interface FramedPage {
  locale: Locale;
  siteName: string;
  basePath: string;
  errors?: FormError[];
}

/** The page with its h1 first and the error summary right after, as the title says "Error:". */
export function Frame(
  props: FramedPage & {
    title: string;
    path: string;
    /** Where the summary's link for a field goes, when it is not the field's own id. */
    anchors?: Record<string, string>;
    /** The way back up (the list a page belongs to), shown first. */
    back?: { href: string; label: string } | undefined;
    /** Shown above the heading, after the way back. */
    before?: Child;
    children?: Child;
  },
) {
  const { locale, errors = [] } = props;
  const title = errors.length ? `${authText(locale, 'errorPrefix')} ${props.title}` : props.title;
  return (
    <Layout
      locale={locale}
      title={title}
      siteName={props.siteName}
      path={props.path}
      basePath={props.basePath}
    >
      {props.back ? (
        <p class="back">
          <a href={props.back.href}>{props.back.label}</a>
        </p>
      ) : null}
      {props.before}
      <h1>{props.title}</h1>
      <ErrorSummary locale={locale} errors={errors} anchors={props.anchors ?? {}} />
      {props.children}
    </Layout>
  );
}

export function ErrorSummary(props: {
  locale: Locale;
  errors: FormError[];
  anchors?: Record<string, string>;
}) {
  if (!props.errors.length) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
      <h2 id="error-summary-title">{authText(props.locale, 'errorSummaryTitle')}</h2>
      <ul>
        {props.errors.map((error) => (
          <li>
            {error.field ? (
              <a href={`#${props.anchors?.[error.field] ?? error.field}`}>{error.message}</a>
            ) : (
              error.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ErrorMessage(props: { locale: Locale; id: string; error: FormError | undefined }) {
  if (!props.error) return null;
  return (
    <p id={props.id} class="error-message">
      <span class="visually-hidden">{authText(props.locale, 'errorPrefix')} </span>
      {props.error.message}
    </p>
  );
}

export function described(...ids: (string | false | undefined)[]): string | undefined {
  return ids.filter(Boolean).join(' ') || undefined;
}

export interface FieldProps {
  locale: Locale;
  name: string;
  label: string;
  type?: string;
  value?: string;
  hint?: string;
  autocomplete?: string;
  inputmode?: 'numeric';
  errors?: FormError[] | undefined;
}

export function Field(props: FieldProps) {
  const { name, hint } = props;
  const error = props.errors?.find((e) => e.field === name);
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={name}>{props.label}</label>
      {hint ? (
        <p id={`${name}-hint`} class="hint">
          {hint}
        </p>
      ) : null}
      <ErrorMessage locale={props.locale} id={`${name}-error`} error={error} />
      <input
        id={name}
        name={name}
        type={props.type ?? 'text'}
        value={props.value}
        autocomplete={props.autocomplete}
        inputmode={props.inputmode}
        aria-describedby={described(hint && `${name}-hint`, error && `${name}-error`)}
        aria-invalid={error ? 'true' : undefined}
      />
    </div>
  );
}

export function Form(props: { action: string; button: string; class?: string; children?: Child }) {
  return (
    <form method="post" action={props.action} class={props.class} novalidate>
      {props.children}
      <button type="submit" class="button">
        {props.button}
      </button>
    </form>
  );
}
