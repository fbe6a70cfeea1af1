// From an outbox payload to the message to send: check it, then pick its template and language.
import { renderAccountEmail } from './account-links.ts';
import { renderDossierApology } from './dossier-apology.ts';
import { renderDossierDueSoon } from './dossier-due-soon.ts';
import { renderDossierReceived } from './dossier-received.ts';
import { renderDossierRefused } from './dossier-refused.ts';
import { renderDossierResultReady } from './dossier-result-ready.ts';
import { renderDossierSupplementRequested } from './dossier-supplement-requested.ts';
import { type OutboxEmail, parseOutboxEmail } from './parse-payload.ts';
import type { RenderedEmail } from './types.ts';

/**
 * The one-time token the email's link needs (its id, and how long the link is said to work), or
 * null for an email without one.
 */
export function outboxTokenOf(message: OutboxEmail): { tokenId: string; validForMinutes: number } | null {
  if (message.template !== 'staff.invitation' && message.template !== 'auth.password_reset') return null;
  return { tokenId: message.email.tokenId, validForMinutes: message.email.validForMinutes };
}

function renderParsed(message: OutboxEmail, token: string | undefined): RenderedEmail {
  switch (message.template) {
    case 'dossier.received':
      return renderDossierReceived(message.email, message.locale);
    case 'dossier.result_ready':
      return renderDossierResultReady(message.email, message.locale);
    case 'dossier.supplement_requested':
      return renderDossierSupplementRequested(message.email, message.locale);
    case 'dossier.refused':
      return renderDossierRefused(message.email, message.locale);
    case 'dossier.apology':
      return renderDossierApology(message.email, message.locale);
    case 'dossier.due_soon':
      return renderDossierDueSoon(message.email, message.locale);
    case 'staff.invitation':
    case 'auth.password_reset':
      if (token === undefined) throw new MissingTokenError();
      return renderAccountEmail(message.template, message.to, message.email, token);
  }
}

/** An email whose link needs its token (`id.secret`) was rendered without one. */
export class MissingTokenError extends Error {
  override name = 'MissingTokenError';
  constructor() {
    super('This email carries a one-time link: render it with the token issued for it.');
  }
}

/**
 * Throws {@link InvalidEmailPayloadError} naming the first wrong field. `token` is the one-time
 * token (`id.secret`) the email's link carries, for the templates that have one.
 */
export function renderOutboxEmail(
  payload: unknown,
  { token }: { token?: string } = {},
): RenderedEmail & { to: string } {
  const message = parseOutboxEmail(payload);
  return { to: message.to, ...renderParsed(message, token) };
}

/** Renders a message already checked with {@link parseOutboxEmail}. */
export function renderParsedOutboxEmail(
  message: OutboxEmail,
  { token }: { token?: string } = {},
): RenderedEmail & { to: string } {
  return { to: message.to, ...renderParsed(message, token) };
}
