// Which steps of a dossier's life the citizen is told about by email (issue 4, §8), written to
// the outbox in the step's own unit of work. The worker renders the Vietnamese or English
// template and delivers it; the dedupe key makes one event one message.
import type { TenantDb } from '@motcua/db';
import { type Dossier, outbox } from '@motcua/db/tenant';
import type { DossierAction } from '@motcua/domain';

export const citizenEmailTemplates: Partial<Record<DossierAction, string>> = {
  receive: 'dossier.received',
  request_supplement: 'dossier.supplement_requested',
  refuse: 'dossier.refused',
  issue_result: 'dossier.result_ready',
  apologise: 'dossier.apology',
};

export async function queueCitizenEmail(
  db: TenantDb,
  message: {
    action: DossierAction;
    eventId: number;
    to: string | null;
    dossier: Dossier;
    procedureName: { vi: string; en: string };
    data: Record<string, unknown>;
    /** The agency's site, when the step came from a request: the email links the dossier's page. */
    siteUrl?: string;
  },
): Promise<void> {
  const template = citizenEmailTemplates[message.action];
  // A citizen who registered with a phone number only has no email; SMS is not built yet.
  if (!template || !message.to) return;
  await db
    .insert(outbox)
    .values({
      kind: 'email',
      dedupeKey: `${message.dossier.id}:${message.eventId}:${template}`,
      payload: {
        template,
        to: message.to,
        dossierId: message.dossier.id,
        code: message.dossier.code,
        procedureName: message.procedureName,
        dueAt: message.dossier.dueAt?.toISOString() ?? null,
        data: message.data,
        // The citizen's own page of the dossier (sign-in needed): what to answer, the result.
        ...(message.siteUrl ? { trackingUrl: `${message.siteUrl}/dossiers/${message.dossier.id}` } : {}),
      },
    })
    .onConflictDoNothing();
}
