// The dossier was not accepted; the citizen is owed the reason in writing (form 03, Circular
// 03/2025/TT-VPCP). A refused dossier has no appointment date to show.
import { composeCitizenEmail, toOneLine } from './format.ts';
import type { EmailLocale, RefusedEmail, RenderedEmail } from './types.ts';

export function renderDossierRefused(email: RefusedEmail, locale: EmailLocale = 'vi'): RenderedEmail {
  const code = toOneLine(email.code);
  const vi = locale === 'vi';
  const body = [
    vi
      ? 'Cơ quan tiếp nhận không thể tiếp nhận hồ sơ của Ông/Bà.'
      : 'The receiving agency could not accept your dossier.',
    `${vi ? 'Lý do' : 'Reason'}: ${email.reason.trim()}`,
  ];
  return {
    subject: vi ? `Hồ sơ ${code} không được tiếp nhận` : `Dossier ${code} was not accepted`,
    text: composeCitizenEmail(email, locale, body, { showDueAt: false }),
  };
}
