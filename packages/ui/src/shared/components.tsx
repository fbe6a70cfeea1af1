/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The design system's pieces every area shares, written once: labelled controls with their hint
// and message tied to them, data tables with headers, banners, pagination and tags. Areas keep
// only what is theirs (which status a tag shows, which strings a page says).
import type { Child } from 'hono/jsx';
import { described, ErrorMessage, type FormError } from './forms.tsx';
import { type Locale, t } from './i18n.ts';

export interface ControlAria {
  describedBy: string | undefined;
  invalid: 'true' | undefined;
}

export interface ControlProps {
  locale: Locale;
  /** The control's id; its hint is `<id>-hint` and its message `<id>-error`. */
  id: string;
  label: string;
  hint?: string | undefined;
  /** The page's errors: the one whose field is `id` is shown here. */
  errors?: FormError[] | undefined;
  class?: string | undefined;
  /** The id of a hint shown once elsewhere (above a table of rows) that this control also uses. */
  sharedHint?: string | undefined;
}

/**
 * A label, a hint and an error message around one control, the three tied to it for screen
 * readers (WCAG 1.3.1, 3.3.1); the control itself is drawn by `children` with the aria it needs.
 */
export function Control(props: ControlProps & { children: (aria: ControlAria) => Child }) {
  const { id, hint } = props;
  const error = props.errors?.find((e) => e.field === id);
  const classes = ['field', error ? 'field-error' : '', props.class ?? ''].filter(Boolean).join(' ');
  return (
    <div class={classes}>
      <label for={id}>{props.label}</label>
      {hint ? (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      ) : null}
      <ErrorMessage locale={props.locale} id={`${id}-error`} error={error} />
      {props.children({
        describedBy: described(hint ? `${id}-hint` : props.sharedHint, error && `${id}-error`),
        invalid: error ? 'true' : undefined,
      })}
    </div>
  );
}

export function SelectControl(
  props: ControlProps & {
    name?: string;
    options: readonly (readonly [string, string])[];
    value?: string | undefined;
  },
) {
  return (
    <Control {...props}>
      {(aria) => (
        <select
          id={props.id}
          name={props.name ?? props.id}
          aria-describedby={aria.describedBy}
          aria-invalid={aria.invalid}
        >
          {props.options.map(([value, label]) => (
            <option value={value} selected={value === props.value}>
              {label}
            </option>
          ))}
        </select>
      )}
    </Control>
  );
}

export function TextAreaControl(
  props: ControlProps & { name?: string; value?: string | undefined; rows?: number },
) {
  return (
    <Control {...props}>
      {(aria) => (
        <textarea
          id={props.id}
          name={props.name ?? props.id}
          rows={props.rows ?? 4}
          aria-describedby={aria.describedBy}
          aria-invalid={aria.invalid}
        >
          {props.value ?? ''}
        </textarea>
      )}
    </Control>
  );
}

export function TextControl(
  props: ControlProps & {
    name?: string;
    value?: string | undefined;
    type?: string;
    autocomplete?: string;
    inputmode?: 'numeric' | 'decimal' | 'tel' | 'email';
  },
) {
  return (
    <Control {...props}>
      {(aria) => (
        <input
          id={props.id}
          name={props.name ?? props.id}
          type={props.type ?? 'text'}
          value={props.value ?? ''}
          autocomplete={props.autocomplete}
          inputmode={props.inputmode}
          aria-describedby={aria.describedBy}
          aria-invalid={aria.invalid}
        />
      )}
    </Control>
  );
}

/** A data table: a caption for screen readers, column headers with scope, rows from the caller. */
export function DataTable(props: {
  caption: string;
  headers: readonly string[];
  id?: string;
  children?: Child;
}) {
  return (
    <div class="table-wrap">
      <table class="console-table" id={props.id}>
        <caption class="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            {props.headers.map((header) => (
              <th scope="col">{header}</th>
            ))}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </div>
  );
}

/** A notice after something was done (`info`), or one that needs attention (`warning`). */
export function Banner(props: { kind?: 'info' | 'warning'; id?: string; children?: Child }) {
  return (
    <div class={`banner ${props.kind ?? 'info'}`} role="status" id={props.id}>
      {props.children}
    </div>
  );
}

/** Previous / next links and where we are; nothing when everything fits on one page. */
export function Pagination(props: {
  locale: Locale;
  page: number;
  pageCount: number;
  hrefOf: (page: number) => string;
}) {
  const { locale, page, pageCount } = props;
  if (pageCount <= 1) return null;
  return (
    <nav class="pagination" aria-label={t(locale, 'pagination')}>
      {page > 1 ? (
        <a href={props.hrefOf(page - 1)} rel="prev" id="page-previous">
          {t(locale, 'previousPage')}
        </a>
      ) : null}
      <span>{t(locale, 'pageOf').replace('{page}', String(page)).replace('{count}', String(pageCount))}</span>
      {page < pageCount ? (
        <a href={props.hrefOf(page + 1)} rel="next" id="page-next">
          {t(locale, 'nextPage')}
        </a>
      ) : null}
    </nav>
  );
}

/** A short coloured label; `tone` picks the colour from the stylesheet's `.tag.<tone>` rules. */
export function Tag(props: { tone: string; children?: Child }) {
  return <span class={`tag ${props.tone}`}>{props.children}</span>;
}
