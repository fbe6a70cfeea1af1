/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// Pieces the portal's dossier pages share: the status tag, the dates, the list of steps, and a
// labelled text area with its hint and message tied to it.
import type { Locale } from '../shared/i18n.ts';
import { NationalStatusTag } from '../shared/national-status.tsx';
import { formatDateTime } from './format.ts';
import { portalStepPhrase, portalText } from './strings.ts';

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
export interface PortalStepDetails {
  reason?: string;
  note?: string;
  missing?: { document: string; reason: string }[];
  newDueDate?: string;
  score?: number;
  comment?: string;
  method?: string;
  amount?: number;
}

export interface PortalStepView {
  action: string;
  at: string;
  details?: PortalStepDetails;
}

export function StepList(props: {
  locale: Locale;
  steps: PortalStepView[];
  describe?: (step: PortalStepView) => unknown;
}) {
  if (!props.steps.length) return <p>{portalText(props.locale, 'noSteps')}</p>;
  return (
    <ol class="timeline">
      {props.steps.map((step) => (
        <li>
          <p class="timeline-when">
            <time datetime={step.at}>{formatDateTime(step.at)}</time>
          </p>
          <p class="timeline-what">{portalStepPhrase(props.locale, step.action)}</p>
          {props.describe?.(step) ?? null}
        </li>
      ))}
    </ol>
  );
}

/** A labelled text area with its hint and message: the design system's. */
