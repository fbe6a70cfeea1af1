// Checks an outbox row's payload before anything is rendered from it. The payload is JSON the
// engine wrote; a wrong one is reported by the field's path only, never its value, which may be
// an address or a citizen's words.
import { type AccountEmailTemplate, type AccountLinkEmail, accountEmailTemplates } from './account-links.ts';
import {
  type ApologyEmail,
  type DossierEmailFacts,
  type DueSoonEmail,
  type EmailLocale,
  emailLocales,
  type MissingDocument,
  type RefusedEmail,
  type SupplementRequestedEmail,
} from './types.ts';

export const dossierEmailTemplates = [
  'dossier.received',
  'dossier.supplement_requested',
  'dossier.refused',
  'dossier.result_ready',
  'dossier.apology',
  'dossier.due_soon',
] as const;
export const outboxEmailTemplates = [...dossierEmailTemplates, ...accountEmailTemplates] as const;
export type OutboxEmailTemplate = (typeof outboxEmailTemplates)[number];

export class InvalidEmailPayloadError extends Error {
  override name = 'InvalidEmailPayloadError';
  readonly code = 'invalid_email_payload';
  constructor(readonly path: string) {
    super(`The email payload's ${path} is missing or invalid.`);
  }
}

interface Envelope {
  to: string;
  locale: EmailLocale;
}

export type OutboxEmail = Envelope &
  (
    | { template: 'dossier.received' | 'dossier.result_ready'; email: DossierEmailFacts }
    | { template: 'dossier.supplement_requested'; email: SupplementRequestedEmail }
    | { template: 'dossier.refused'; email: RefusedEmail }
    | { template: 'dossier.apology'; email: ApologyEmail }
    | { template: 'dossier.due_soon'; email: DueSoonEmail }
    | { template: AccountEmailTemplate; email: AccountLinkEmail }
  );

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readObject(value: unknown, path: string): Json {
  if (!isObject(value)) throw new InvalidEmailPayloadError(path);
  return value;
}

function readText(value: unknown, path: string, max = 5000): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > max) {
    throw new InvalidEmailPayloadError(path);
  }
  return value;
}

function readOptionalText(value: unknown, path: string): string | undefined {
  return value === undefined || value === null ? undefined : readText(value, path);
}

// One bare address: a list ("a@x, b@y") or a display name would let one row mail several people.
const singleAddress = /^[^\s@,;:<>()"[\]\\]+@[^\s@,;:<>()"[\]\\]+$/;

function readAddress(value: unknown, path: string): string {
  const address = readText(value, path, 254).trim();
  if (!singleAddress.test(address)) throw new InvalidEmailPayloadError(path);
  return address;
}

function readInstant(value: unknown, path: string): string {
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) throw new InvalidEmailPayloadError(path);
  return value;
}

function readCalendarDate(value: unknown, path: string): string {
  const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (!match) throw new InvalidEmailPayloadError(path);
  const [, year, month, day] = match.map(Number);
  const date = new Date(Date.UTC(year ?? 0, (month ?? 0) - 1, day ?? 0));
  // Rejects 2026-02-30 and the like, which Date would roll over into March.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() + 1 !== month || date.getUTCDate() !== day) {
    throw new InvalidEmailPayloadError(path);
  }
  return value as string;
}

function readUrl(value: unknown, path: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  const text = readText(value, path, 2000);
  // Only web links, whole and on one line: a mail client makes them clickable.
  if (!/^https?:\/\/\S+$/.test(text) || !URL.canParse(text)) throw new InvalidEmailPayloadError(path);
  return text;
}

function readLocale(value: unknown): EmailLocale {
  if (value === undefined || value === null) return 'vi';
  if (!emailLocales.includes(value as EmailLocale)) throw new InvalidEmailPayloadError('locale');
  return value as EmailLocale;
}

function readFacts(payload: Json, { dueAtRequired }: { dueAtRequired: boolean }): DossierEmailFacts {
  const name = readObject(payload.procedureName, 'procedureName');
  const dueAt =
    payload.dueAt === null || (payload.dueAt === undefined && !dueAtRequired)
      ? null
      : readInstant(payload.dueAt, 'dueAt');
  if (dueAtRequired && dueAt === null) throw new InvalidEmailPayloadError('dueAt');
  const trackingUrl = readUrl(payload.trackingUrl, 'trackingUrl');
  const siteUrl = readUrl(payload.siteUrl, 'siteUrl');
  return {
    code: readText(payload.code, 'code', 100),
    procedureName: {
      vi: readText(name.vi, 'procedureName.vi', 2000),
      en: readText(name.en, 'procedureName.en', 2000),
    },
    dueAt,
    ...(trackingUrl === undefined ? {} : { trackingUrl }),
    ...(siteUrl === undefined ? {} : { siteUrl }),
  };
}

function readMissing(value: unknown): MissingDocument[] {
  if (!Array.isArray(value) || value.length === 0) throw new InvalidEmailPayloadError('data.missing');
  return value.map((item: unknown, index) => {
    const entry = readObject(item, `data.missing.${index}`);
    return {
      document: readText(entry.document, `data.missing.${index}.document`),
      reason: readText(entry.reason, `data.missing.${index}.reason`),
    };
  });
}

// A token id of @motcua/auth's one-time tokens (base32, lower case).
const tokenIdPattern = /^[a-z2-7]{10,64}$/;

function readAccountLink(data: Json): AccountLinkEmail {
  const siteUrl = readUrl(data.siteUrl, 'data.siteUrl');
  if (siteUrl === undefined) throw new InvalidEmailPayloadError('data.siteUrl');
  const tokenId = data.tokenId;
  if (typeof tokenId !== 'string' || !tokenIdPattern.test(tokenId)) {
    throw new InvalidEmailPayloadError('data.tokenId');
  }
  const minutes = data.validForMinutes;
  if (typeof minutes !== 'number' || !Number.isInteger(minutes) || minutes < 1 || minutes > 60 * 24 * 90) {
    throw new InvalidEmailPayloadError('data.validForMinutes');
  }
  return {
    fullName: readText(data.fullName, 'data.fullName', 200),
    siteName: readText(data.siteName, 'data.siteName', 500),
    siteUrl: siteUrl.replace(/\/+$/, ''),
    tokenId,
    validForMinutes: minutes,
  };
}

/** The payload the engine (or the worker's own due-date sweep) wrote, checked field by field. */
export function parseOutboxEmail(payload: unknown): OutboxEmail {
  const p = readObject(payload, 'payload');
  const template = p.template as OutboxEmailTemplate;
  if (!outboxEmailTemplates.includes(template)) throw new InvalidEmailPayloadError('template');
  const envelope = { to: readAddress(p.to, 'to'), locale: readLocale(p.locale) };
  const data = p.data === undefined ? {} : readObject(p.data, 'data');
  switch (template) {
    case 'dossier.received':
    case 'dossier.result_ready':
      return { ...envelope, template, email: readFacts(p, { dueAtRequired: false }) };
    case 'dossier.supplement_requested': {
      const note = readOptionalText(data.note, 'data.note');
      const email = { ...readFacts(p, { dueAtRequired: false }), missing: readMissing(data.missing) };
      return { ...envelope, template, email: note === undefined ? email : { ...email, note } };
    }
    case 'dossier.refused':
      return {
        ...envelope,
        template,
        email: { ...readFacts(p, { dueAtRequired: false }), reason: readText(data.reason, 'data.reason') },
      };
    case 'dossier.apology':
      return {
        ...envelope,
        template,
        email: {
          ...readFacts(p, { dueAtRequired: false }),
          reason: readText(data.reason, 'data.reason'),
          newDueDate: readCalendarDate(data.newDueDate, 'data.newDueDate'),
        },
      };
    case 'dossier.due_soon': {
      const facts = readFacts(p, { dueAtRequired: true });
      return { ...envelope, template, email: { ...facts, dueAt: facts.dueAt as string } };
    }
    case 'staff.invitation':
    case 'auth.password_reset':
      return { ...envelope, template, email: readAccountLink(data) };
  }
}
