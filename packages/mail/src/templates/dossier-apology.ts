// A dossier that will be late: the agency apologises and sets a new appointment date, at the
// latest before the old one (apology and extension slip, form 04, Circular 03/2025/TT-VPCP;
// Decree 118/2025/NĐ-CP). The payload's dueAt is still the old date: the apology moves no clock.
import { composeCitizenEmail, formatCalendarDate, formatVietnamDate, toOneLine } from './format.ts';
import type { ApologyEmail, EmailLocale, RenderedEmail } from './types.ts';

export function renderDossierApology(email: ApologyEmail, locale: EmailLocale = 'vi'): RenderedEmail {
  const code = toOneLine(email.code);
  const vi = locale === 'vi';
  const dates: string[] = [];
  if (email.dueAt !== null) {
    dates.push(
      `${vi ? 'Ngày hẹn trả kết quả trước đây' : 'Previous appointment date'}: ${formatVietnamDate(email.dueAt)}`,
    );
  }
  dates.push(
    `${vi ? 'Ngày hẹn trả kết quả mới' : 'New appointment date'}: ${formatCalendarDate(email.newDueDate)}`,
  );
  const body = [
    vi
      ? 'Cơ quan giải quyết thành thật xin lỗi Ông/Bà vì hồ sơ không thể giải quyết đúng hạn đã hẹn.'
      : 'The agency sincerely apologises: your dossier cannot be completed by the date it promised.',
    `${vi ? 'Lý do' : 'Reason'}: ${email.reason.trim()}`,
    dates,
  ];
  return {
    subject: vi
      ? `Xin lỗi và hẹn lại ngày trả kết quả hồ sơ ${code}`
      : `Dossier ${code}: apology and new appointment date`,
    text: composeCitizenEmail(email, locale, body, { showDueAt: false }),
  };
}
