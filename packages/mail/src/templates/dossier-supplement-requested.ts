// The desk asks for what is missing. The one-stop rules (Decree 61/2018/NĐ-CP as amended by
// Decree 107/2021/NĐ-CP, now Decree 118/2025/NĐ-CP; form 02, Circular 03/2025/TT-VPCP) want
// the request in writing, once, listing exactly what is missing and why; the clock is paused
// meanwhile, so the old appointment date is not shown: it will move.
import { composeCitizenEmail, toOneLine } from './format.ts';
import type { EmailLocale, RenderedEmail, SupplementRequestedEmail } from './types.ts';

export function renderDossierSupplementRequested(
  email: SupplementRequestedEmail,
  locale: EmailLocale = 'vi',
): RenderedEmail {
  const code = toOneLine(email.code);
  const vi = locale === 'vi';
  const list = email.missing.map(
    (item, index) =>
      `${index + 1}. ${toOneLine(item.document)} (${vi ? 'lý do' : 'why'}: ${item.reason.trim()})`,
  );
  const body: (string | string[])[] = [
    [
      vi
        ? 'Hồ sơ của Ông/Bà chưa đầy đủ. Vui lòng bổ sung các giấy tờ sau:'
        : 'Your dossier is incomplete. Please provide the following:',
      ...list,
    ],
  ];
  const note = email.note?.trim();
  if (note) body.push(`${vi ? 'Ghi chú' : 'Note'}: ${note}`);
  body.push(
    vi
      ? 'Thời hạn giải quyết tạm dừng cho đến khi Ông/Bà bổ sung đủ hồ sơ.'
      : 'The time allowed for processing is paused until you have provided them.',
  );
  return {
    subject: vi ? `Hồ sơ ${code} cần bổ sung giấy tờ` : `Dossier ${code}: documents needed`,
    text: composeCitizenEmail(email, locale, body, { showDueAt: false }),
  };
}
