// The shapes the email templates render: what the engine writes to the outbox, already checked.

export const emailLocales = ['vi', 'en'] as const;
export type EmailLocale = (typeof emailLocales)[number];

export interface LocalizedText {
  vi: string;
  en: string;
}

export interface RenderedEmail {
  subject: string;
  text: string;
}

/** What every dossier email says: which dossier, under which procedure, and where to follow it. */
export interface DossierEmailFacts {
  code: string;
  procedureName: LocalizedText;
  /** The appointment date for the result, as an ISO instant, or null before the clock starts. */
  dueAt: string | null;
  /** A page that shows this dossier; preferred over {@link siteUrl}. */
  trackingUrl?: string;
  /** The agency's portal, where the dossier can be looked up by its code. */
  siteUrl?: string;
}

export interface MissingDocument {
  document: string;
  reason: string;
}

export interface SupplementRequestedEmail extends DossierEmailFacts {
  missing: MissingDocument[];
  note?: string;
}

export interface RefusedEmail extends DossierEmailFacts {
  reason: string;
}

export interface ApologyEmail extends DossierEmailFacts {
  reason: string;
  /** The new appointment date, a calendar date `YYYY-MM-DD` in Vietnam. */
  newDueDate: string;
}

/** To a staff member: a dossier in their hands nears its appointment date. */
export interface DueSoonEmail extends DossierEmailFacts {
  dueAt: string;
}
