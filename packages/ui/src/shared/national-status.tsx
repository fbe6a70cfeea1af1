/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The dossier status people see everywhere — portal, receipt, console, tracking — is the
// National Public Service Portal's (Cổng DVC quốc gia, codes 1–10, see docs/domain.md), so a
// dossier reads the same here and there. One table, one tag.
import type { Child } from 'hono/jsx';
import type { Locale } from './i18n.ts';

/** Vietnamese as the national portal words them; English for citizens, and for staff where it differs. */
const names: Record<number, { vi: string; en: string; enStaff?: string }> = {
  1: { vi: 'Mới đăng ký', en: 'Submitted' },
  2: { vi: 'Được tiếp nhận', en: 'Received' },
  3: { vi: 'Không được tiếp nhận', en: 'Not accepted' },
  4: { vi: 'Đang xử lý', en: 'In progress' },
  5: { vi: 'Yêu cầu bổ sung', en: 'Supplement requested' },
  6: { vi: 'Yêu cầu thực hiện nghĩa vụ tài chính', en: 'Fees or taxes requested' },
  7: {
    vi: 'Rút hồ sơ theo yêu cầu',
    en: 'Withdrawn at your request',
    enStaff: 'Withdrawn at the citizen’s request',
  },
  8: { vi: 'Dừng xử lý', en: 'Stopped' },
  9: { vi: 'Đã xử lý xong', en: 'Done' },
  10: { vi: 'Đã trả kết quả', en: 'Result returned' },
};

const draftName = { vi: 'Bản nháp', en: 'Draft' };

export type StatusAudience = 'citizen' | 'staff';

/** The status name, or "draft" for a dossier not sent yet (it has no national status). */
export function nationalStatusName(
  locale: Locale,
  code: number | null,
  audience: StatusAudience = 'citizen',
) {
  if (code === null) return draftName[locale];
  const name = names[code];
  if (!name) return String(code);
  return locale === 'en' && audience === 'staff' ? (name.enStaff ?? name.en) : name[locale];
}

/** What a status asks of the citizen, for the tag's colour: waiting, their action, done, or over. */
export function statusTone(code: number | null): 'draft' | 'active' | 'action' | 'done' | 'closed' {
  if (code === null) return 'draft';
  if (code === 5 || code === 6) return 'action';
  if (code === 9 || code === 10) return 'done';
  if (code === 3 || code === 7 || code === 8) return 'closed';
  return 'active';
}

/** The status as a tag; `detail` adds where inside a status the dossier is, for staff. */
export function NationalStatusTag(props: {
  locale: Locale;
  nationalStatus: number | null;
  audience?: StatusAudience;
  detail?: string | undefined;
  children?: Child;
}) {
  const name = nationalStatusName(props.locale, props.nationalStatus, props.audience);
  return (
    <strong class={`tag status-tag status-${statusTone(props.nationalStatus)}`}>
      {name}
      {props.detail ? ` (${props.detail})` : ''}
    </strong>
  );
}
