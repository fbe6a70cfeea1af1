// To the staff member holding a dossier: its appointment date is near, so that it is finished
// on time or the citizen gets an apology with a new date before that date (Decree 118/2025/NĐ-CP).
import { closingOf, describeDossier, joinParagraphs, toOneLine } from './format.ts';
import type { DueSoonEmail, EmailLocale, RenderedEmail } from './types.ts';

export function renderDossierDueSoon(email: DueSoonEmail, locale: EmailLocale = 'vi'): RenderedEmail {
  const code = toOneLine(email.code);
  const vi = locale === 'vi';
  const url = email.trackingUrl ?? email.siteUrl;
  const open = vi
    ? url
      ? `Xem hồ sơ tại: ${url}`
      : 'Xem hồ sơ trong trang quản trị của cơ quan.'
    : url
      ? `Open the dossier at: ${url}`
      : "Open the dossier in the agency's console.";
  const text = joinParagraphs([
    vi
      ? 'Hồ sơ sau sắp đến hạn trả kết quả. Vui lòng hoàn thành đúng hạn, hoặc gửi văn bản xin lỗi và hẹn lại ngày trả cho người nộp trước ngày hẹn.'
      : 'The dossier below is nearly due. Please finish it on time, or send the applicant an apology with a new appointment date before the current one.',
    describeDossier(email, locale, { showDueAt: true }),
    open,
    closingOf(locale),
  ]);
  return { subject: vi ? `Hồ sơ ${code} sắp đến hạn trả kết quả` : `Dossier ${code} is due soon`, text };
}
