// The dossier was received as complete: the receipt's appointment date is the promise the citizen
// holds the agency to (receipt and appointment slip, form 01, Circular 03/2025/TT-VPCP).
import { composeCitizenEmail, toOneLine } from './format.ts';
import type { DossierEmailFacts, EmailLocale, RenderedEmail } from './types.ts';

export function renderDossierReceived(facts: DossierEmailFacts, locale: EmailLocale = 'vi'): RenderedEmail {
  const code = toOneLine(facts.code);
  // The resolution clock starts at receipt, not at submission (Decree 118/2025/NĐ-CP).
  const body =
    locale === 'vi'
      ? 'Hồ sơ của Ông/Bà đã được tiếp nhận. Thời hạn giải quyết được tính từ ngày tiếp nhận hồ sơ.'
      : 'Your dossier has been received. The time allowed for processing it counts from the date of receipt.';
  return {
    subject: locale === 'vi' ? `Hồ sơ ${code} đã được tiếp nhận` : `Dossier ${code} has been received`,
    text: composeCitizenEmail(facts, locale, [body], { showDueAt: true }),
  };
}
