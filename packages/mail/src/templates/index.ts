// Notification emails about dossiers, in Vietnamese and English, and the emails that carry a
// one-time link (invitations, password resets), rendered from outbox payloads.
export {
  type AccountEmailTemplate,
  type AccountLinkEmail,
  accountEmailTemplates,
  accountLink,
  renderAccountEmail,
} from './account-links.ts';
export { renderDossierApology } from './dossier-apology.ts';
export { renderDossierDueSoon } from './dossier-due-soon.ts';
export { renderDossierReceived } from './dossier-received.ts';
export { renderDossierRefused } from './dossier-refused.ts';
export { renderDossierResultReady } from './dossier-result-ready.ts';
export { renderDossierSupplementRequested } from './dossier-supplement-requested.ts';
export { formatCalendarDate, formatVietnamDate } from './format.ts';
export {
  dossierEmailTemplates,
  InvalidEmailPayloadError,
  type OutboxEmail,
  type OutboxEmailTemplate,
  outboxEmailTemplates,
  parseOutboxEmail,
} from './parse-payload.ts';
export {
  MissingTokenError,
  outboxTokenOf,
  renderOutboxEmail,
  renderParsedOutboxEmail,
} from './render-outbox-email.ts';
export type {
  ApologyEmail,
  DossierEmailFacts,
  DueSoonEmail,
  EmailLocale,
  LocalizedText,
  MissingDocument,
  RefusedEmail,
  RenderedEmail,
  SupplementRequestedEmail,
} from './types.ts';
export { emailLocales } from './types.ts';
