// What each printed form says, from a dossier's record: pure builders, one per form, that refuse
// a form the dossier's history does not call for (no refusal for a dossier never refused, no
// receipt before receipt).
import type { DossierEvent } from '@motcua/db/tenant';
import type {
  ApologyData,
  ControlSlipData,
  FormBase,
  Locale,
  ReceiptData,
  RefusalData,
  StopNoticeData,
  SupplementRequestData,
} from '@motcua/documents';
import { DEFAULT_OFFICE_HOURS, fromLocal, PreconditionFailedError, requiredDocuments } from '@motcua/domain';
import { z } from 'zod';
import type { PrintableForm } from './forms.ts';
import { listHandOffs } from './hand-offs.ts';
import { nameActor } from './labels.ts';
import type { PrintFacts } from './print-facts.ts';

export function formNotAvailable(message: string): PreconditionFailedError {
  return new PreconditionFailedError(message, undefined, 'form_not_available');
}

function latest(facts: PrintFacts, action: string): DossierEvent | undefined {
  return facts.events.findLast((e) => e.action === action);
}

/** An event's data as the state machine stored it; anything else is a bug, not the caller's error. */
function readData<T>(schema: z.ZodType<T>, event: DossierEvent): T {
  const parsed = schema.safeParse(event.data);
  if (parsed.success) return parsed.data;
  throw new Error(`The ${event.action} event ${event.id} does not hold what its form needs.`);
}

function formBase(facts: PrintFacts, locale: Locale, issuedAt: Date, form: PrintableForm): FormBase {
  const { dossier, applicant } = facts;
  if (!dossier.code) throw formNotAvailable(`A draft has no ${form} to print.`);
  return {
    agency: { ...facts.agency },
    dossier: {
      code: dossier.code,
      procedureName: facts.version.name[locale],
      applicantName: applicant.fullName,
      ...(applicant.phone ? { applicantPhone: applicant.phone } : {}),
      ...(applicant.email ? { applicantEmail: applicant.email } : {}),
    },
    issuedAt,
  };
}

/** The public tracking page with the dossier's code and key filled in. */
export function buildTrackingUrl(siteOrigin: string, code: string, key: string): string {
  return `${siteOrigin.replace(/\/+$/, '')}/track?${new URLSearchParams({ code, key })}`;
}

export function buildReceiptData(facts: PrintFacts, locale: Locale): ReceiptData {
  const { dossier, version } = facts;
  const receive = latest(facts, 'receive');
  if (!receive || !dossier.dueAt || !dossier.code || !dossier.trackingKey) {
    throw formNotAvailable('The dossier has not been received: there is no receipt yet.');
  }
  // Required documents were checked at the desk; optional ones count when a file was given.
  const documents = requiredDocuments(version, dossier.answers)
    .filter((d) => d.required || facts.inputSlots.has(d.id))
    .map((d) => ({ name: d.name[locale], originals: d.copies.originals, copies: d.copies.copies }));
  return {
    ...formBase(facts, locale, receive.at, 'receipt'),
    receivedAt: receive.at,
    dueAt: dossier.dueAt,
    documents,
    receivedBy: nameActor(receive.actor, facts.staffNames, locale),
    trackingKey: dossier.trackingKey,
    trackingUrl: buildTrackingUrl(facts.siteOrigin, dossier.code, dossier.trackingKey),
  };
}

const supplementData = z.object({
  missing: z.array(z.object({ document: z.string(), reason: z.string() })).min(1),
  note: z.string().optional(),
});

export function buildSupplementRequestData(facts: PrintFacts, locale: Locale): SupplementRequestData {
  const event = latest(facts, 'request_supplement');
  if (!event) throw formNotAvailable('No supplement was requested for this dossier.');
  const { missing, note } = readData(supplementData, event);
  return {
    ...formBase(facts, locale, event.at, 'supplement-request'),
    missing,
    ...(note?.trim() ? { note } : {}),
    requestedBy: nameActor(event.actor, facts.staffNames, locale),
  };
}

const reasonData = z.object({ reason: z.string() });

export function buildRefusalData(facts: PrintFacts, locale: Locale): RefusalData {
  const event = latest(facts, 'refuse');
  if (!event) throw formNotAvailable('This dossier was not refused.');
  return {
    ...formBase(facts, locale, event.at, 'refusal'),
    reason: readData(reasonData, event).reason,
    refusedBy: nameActor(event.actor, facts.staffNames, locale),
  };
}

export function buildStopNoticeData(facts: PrintFacts, locale: Locale): StopNoticeData {
  const event = latest(facts, 'stop');
  if (!event) throw formNotAvailable('The processing of this dossier was not stopped.');
  return {
    ...formBase(facts, locale, event.at, 'stop-notice'),
    reason: readData(reasonData, event).reason,
    signedBy: nameActor(event.actor, facts.staffNames, locale),
  };
}

const apologyData = z.object({ newDueDate: z.iso.date(), reason: z.string() });

/**
 * The apology names a new day; the result is then due by the close of that office day, as every
 * appointment is. The old appointment is the dossier's due date (an apology moves no clock).
 */
export function buildApologyData(facts: PrintFacts, locale: Locale): ApologyData {
  const event = latest(facts, 'apologise');
  if (!event) throw formNotAvailable('The agency has not apologised for this dossier.');
  const { newDueDate, reason } = readData(apologyData, event);
  const oldDueAt = facts.dossier.dueAt;
  const newDueAt = fromLocal(newDueDate, DEFAULT_OFFICE_HOURS.afternoon[1]);
  if (!oldDueAt || newDueAt.getTime() <= oldDueAt.getTime()) {
    throw formNotAvailable('The apology’s new date is not after the dossier’s current appointment.');
  }
  return {
    ...formBase(facts, locale, event.at, 'apology'),
    reason,
    oldDueAt,
    newDueAt,
    signedBy: nameActor(event.actor, facts.staffNames, locale),
  };
}

/** The slip as of now: it follows the dossier while it is being handled. */
export function buildControlSlipData(facts: PrintFacts, locale: Locale): ControlSlipData {
  const { receivedAt, dueAt } = facts.dossier;
  if (!receivedAt || !dueAt)
    throw formNotAvailable('The dossier has not been received: nothing to control yet.');
  return {
    ...formBase(facts, locale, facts.now, 'control-slip'),
    entries: listHandOffs(facts, locale),
    receivedAt,
    dueAt,
  };
}
