// The result is issued: the citizen collects it the way chosen at submission (online, by post or
// at the desk), which the outbox payload does not carry, so the email does not guess.
import { composeCitizenEmail, toOneLine } from './format.ts';
import type { DossierEmailFacts, EmailLocale, RenderedEmail } from './types.ts';

export function renderDossierResultReady(
  facts: DossierEmailFacts,
  locale: EmailLocale = 'vi',
): RenderedEmail {
  const code = toOneLine(facts.code);
  const vi = locale === 'vi';
  const body = vi
    ? 'Hồ sơ của Ông/Bà đã được giải quyết và đã có kết quả. Ông/Bà nhận kết quả theo hình thức đã chọn khi nộp hồ sơ.'
    : 'Your dossier has been processed and the result is ready. You will receive it the way you chose when you submitted the dossier.';
  return {
    subject: vi ? `Hồ sơ ${code} đã có kết quả` : `Dossier ${code}: the result is ready`,
    text: composeCitizenEmail(facts, locale, [body], { showDueAt: true }),
  };
}
