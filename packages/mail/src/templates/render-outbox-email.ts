// From an outbox payload to the message to send: check it, then pick its template and language.
import { renderDossierApology } from './dossier-apology.ts';
import { renderDossierDueSoon } from './dossier-due-soon.ts';
import { renderDossierReceived } from './dossier-received.ts';
import { renderDossierRefused } from './dossier-refused.ts';
import { renderDossierResultReady } from './dossier-result-ready.ts';
import { renderDossierSupplementRequested } from './dossier-supplement-requested.ts';
import { type OutboxEmail, parseOutboxEmail } from './parse-payload.ts';
import type { RenderedEmail } from './types.ts';

function renderParsed(message: OutboxEmail): RenderedEmail {
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
  }
}

/** Throws {@link InvalidEmailPayloadError} naming the first wrong field. */
export function renderOutboxEmail(payload: unknown): RenderedEmail & { to: string } {
  const message = parseOutboxEmail(payload);
  return { to: message.to, ...renderParsed(message) };
}
