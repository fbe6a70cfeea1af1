/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The editor's building blocks: the frame with its back link, and inputs that each carry their
// label, a hint and their error message tied to them by aria-describedby (ids are the names).
import type { Child } from 'hono/jsx';
import { Banner, Control, SelectControl, TextAreaControl } from '../../shared/components.tsx';
import { described, ErrorMessage, type FormError, Frame } from '../../shared/forms.tsx';
import type { Locale } from '../../shared/i18n.ts';
import { authHref } from '../../shared/page-base.ts';
import { type ProcedureStringKey, procedureText } from './strings.ts';
import type { ProcedurePageBase, ProcedureStatus } from './types.ts';

export const say = (page: { locale: Locale }, key: ProcedureStringKey) => procedureText(page.locale, key);

/** The console's procedures, under the agency's base path and with the chosen language. */
export const procedureHref = (page: ProcedurePageBase, code?: string, rest = '') =>
  authHref(
    page,
    code === undefined ? '/console/procedures' : `/console/procedures/${encodeURIComponent(code)}${rest}`,
  );

/** A hint shown on the first row; later rows point to it rather than repeat it (the page budget). */
export const hintFor = (row: number, name: string, hint: string) =>
  row === 0 ? { hint } : { sharedHint: `${name}-0-hint` };

export function EditorFrame(
  props: ProcedurePageBase & {
    title: string;
    path: string;
    back: [href: string, key: ProcedureStringKey];
    caption?: string;
    children?: Child;
  },
) {
  const [href, key] = props.back;
  const before = props.caption ? <p class="pe-caption">{props.caption}</p> : undefined;
  return (
    <Frame
      locale={props.locale}
      siteName={props.siteName}
      basePath={props.basePath}
      errors={props.errors ?? []}
      title={props.title}
      path={props.path}
      back={{ href, label: say(props, key) }}
      before={before}
    >
      {props.children}
    </Frame>
  );
}

export function Notice(props: { children?: Child }) {
  return (
    <Banner>
      <p>{props.children}</p>
    </Banner>
  );
}

const statusKeys: Record<ProcedureStatus, ProcedureStringKey> = {
  draft: 'statusDraft',
  published: 'statusPublished',
  withdrawn: 'statusWithdrawn',
};

export function StatusTag(props: { locale: Locale; status: ProcedureStatus }) {
  return (
    <span class={`tag pe-status-${props.status}`}>
      {procedureText(props.locale, statusKeys[props.status])}
    </span>
  );
}

interface InputProps {
  locale: Locale;
  name: string;
  label: string;
  hint?: string | undefined;
  /** The id of the same hint shown once above (a table's first row), when this input repeats it. */
  sharedHint?: string | undefined;
  values: Record<string, string>;
  errors?: FormError[] | undefined;
  class?: string;
}

/** The shared control's props from the editor's: ids are the names, values come from the form. */
const controlOf = (props: InputProps) => ({
  locale: props.locale,
  id: props.name,
  label: props.label,
  hint: props.hint,
  sharedHint: props.sharedHint,
  errors: props.errors,
  class: props.class,
});

export function TextInput(props: InputProps & { inputmode?: 'numeric' | 'decimal'; spellcheck?: boolean }) {
  return (
    <Control {...controlOf(props)}>
      {(aria) => (
        <input
          id={props.name}
          name={props.name}
          type="text"
          value={props.values[props.name] ?? ''}
          inputmode={props.inputmode}
          spellcheck={props.spellcheck}
          aria-describedby={aria.describedBy}
          aria-invalid={aria.invalid}
        />
      )}
    </Control>
  );
}

export function TextArea(props: InputProps & { rows?: number }) {
  return <TextAreaControl {...controlOf(props)} value={props.values[props.name]} rows={props.rows ?? 3} />;
}

export function SelectInput(props: InputProps & { options: [value: string, label: string][] }) {
  return (
    <SelectControl {...controlOf(props)} options={props.options} value={props.values[props.name] ?? ''} />
  );
}

/** A tick box posting "true"; its hint and error sit above it, its label beside it. */
export function CheckboxInput(props: InputProps) {
  const error = props.errors?.find((e) => e.field === props.name);
  const hintId = props.hint ? `${props.name}-hint` : undefined;
  return (
    <div class={error ? 'field field-error' : 'field'}>
      {props.hint ? (
        <p id={hintId} class="hint">
          {props.hint}
        </p>
      ) : null}
      <ErrorMessage locale={props.locale} id={`${props.name}-error`} error={error} />
      <div class="checkbox">
        <input
          id={props.name}
          name={props.name}
          type="checkbox"
          value="true"
          checked={props.values[props.name] === 'true'}
          aria-describedby={described(hintId, error && `${props.name}-error`)}
          aria-invalid={error ? 'true' : undefined}
        />
        <label for={props.name}>{props.label}</label>
      </div>
    </div>
  );
}

/** One button posting a small form (move, remove, publish), with what it acts on for screen readers. */
export function PostButton(props: {
  action: string;
  label: string;
  id: string;
  about?: string;
  hidden?: Record<string, string>;
  secondary?: boolean;
  warning?: boolean;
}) {
  const classes = ['button', props.secondary ? 'pe-secondary' : '', props.warning ? 'pe-warning' : ''];
  return (
    <form method="post" action={props.action} class="pe-inline">
      {Object.entries(props.hidden ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <button type="submit" id={props.id} class={classes.filter(Boolean).join(' ')}>
        {props.label}
        {props.about ? <span class="visually-hidden"> {props.about}</span> : null}
      </button>
    </form>
  );
}

/** The save form every edit page ends with. */
export function EditForm(props: { action: string; id: string; button: string; children?: Child }) {
  return (
    <form method="post" action={props.action} id={props.id} class="pe-form" novalidate>
      {props.children}
      <button type="submit" class="button" id={`${props.id}-save`}>
        {props.button}
      </button>
    </form>
  );
}

/** Whole đồng with the thousands separator officials expect: 50.000 đ. */
export const formatDong = (locale: Locale, amount: number) =>
  `${amount.toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB')} đ`;
