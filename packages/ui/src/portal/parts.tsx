/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// Pieces the portal's dossier pages share: the status tag, the dates, the list of steps, and a
// labelled text area with its hint and message tied to it.
import { described, ErrorMessage, type FormError } from '../forms.tsx';
import type { Locale } from '../i18n.ts';
import { NationalStatusTag } from '../national-status.tsx';
import { formatDateTime } from './format.ts';
import { portalText, stepPhrase } from './strings.ts';

/** The dossier's national status, as citizens see it everywhere. */
export function StatusTag(props: { locale: Locale; nationalStatus: number | null }) {
  return <NationalStatusTag locale={props.locale} nationalStatus={props.nationalStatus} />;
}

export interface DossierDates {
  submittedAt: string | null;
  receivedAt: string | null;
  dueAt: string | null;
  finishedAt: string | null;
}

/** The dates a dossier has so far, as `dt`/`dd` pairs to sit inside a summary list. */
export function DateFacts(props: { locale: Locale; dates: DossierDates }) {
  const { locale, dates } = props;
  const rows = [
    ['submittedAt', dates.submittedAt],
    ['receivedAt', dates.receivedAt],
    ['dueAt', dates.dueAt],
    ['finishedAt', dates.finishedAt],
  ] as const;
  return (
    <>
      {rows
        .filter(([, value]) => value !== null)
        .map(([key, value]) => (
          <>
            <dt>{portalText(locale, key)}</dt>
            <dd>{formatDateTime(value)}</dd>
          </>
        ))}
    </>
  );
}

/** What the citizen may read of one step: never staff names or internal notes. */
export interface StepDetails {
  reason?: string;
  note?: string;
  missing?: { document: string; reason: string }[];
  newDueDate?: string;
  score?: number;
  comment?: string;
  method?: string;
  amount?: number;
}

export interface StepView {
  action: string;
  at: string;
  details?: StepDetails;
}

export function StepList(props: {
  locale: Locale;
  steps: StepView[];
  describe?: (step: StepView) => unknown;
}) {
  if (!props.steps.length) return <p>{portalText(props.locale, 'noSteps')}</p>;
  return (
    <ol class="timeline">
      {props.steps.map((step) => (
        <li>
          <p class="timeline-when">
            <time datetime={step.at}>{formatDateTime(step.at)}</time>
          </p>
          <p class="timeline-what">{stepPhrase(props.locale, step.action)}</p>
          {props.describe?.(step) ?? null}
        </li>
      ))}
    </ol>
  );
}

export function TextArea(props: {
  locale: Locale;
  id: string;
  name?: string;
  label: string;
  hint?: string;
  value?: string | undefined;
  rows?: number;
  errors?: FormError[] | undefined;
}) {
  const { id, hint } = props;
  const error = props.errors?.find((e) => e.field === id);
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={id}>{props.label}</label>
      {hint ? (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      ) : null}
      <ErrorMessage locale={props.locale} id={`${id}-error`} error={error} />
      <textarea
        id={id}
        name={props.name ?? id}
        rows={props.rows ?? 4}
        aria-describedby={described(hint && `${id}-hint`, error && `${id}-error`)}
        aria-invalid={error ? 'true' : undefined}
      >
        {props.value ?? ''}
      </textarea>
    </div>
  );
}
