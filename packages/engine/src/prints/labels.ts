// Words the printed forms need that no record holds: who "the citizen" or "the desk" is when no
// person's name applies, and the names of the steps outside the procedure's own workflow.
import type { Locale } from '@motcua/documents';

export const PRINT_LABELS = {
  vi: {
    citizen: 'Công dân',
    system: 'Hệ thống',
    officer: 'Cán bộ',
    desk: 'Bộ phận tiếp nhận và trả kết quả',
    unit: 'Cơ quan giải quyết',
    leader: 'Lãnh đạo',
    clerk: 'Văn thư',
    phases: {
      submit: 'Nộp hồ sơ',
      receive: 'Tiếp nhận hồ sơ',
      assign: 'Phân công xử lý',
      approve: 'Phê duyệt',
      issue_result: 'Ban hành kết quả',
      return_result: 'Trả kết quả',
    },
  },
  en: {
    citizen: 'Citizen',
    system: 'System',
    officer: 'Officer',
    desk: 'Reception and result desk',
    unit: 'Resolving unit',
    leader: 'Leader',
    clerk: 'Records clerk',
    phases: {
      submit: 'Submission',
      receive: 'Receipt',
      assign: 'Assignment',
      approve: 'Approval',
      issue_result: 'Result issued',
      return_result: 'Result returned',
    },
  },
} as const satisfies Record<Locale, unknown>;

export type PrintLabels = (typeof PRINT_LABELS)[Locale];

/**
 * A name for an event's actor (`staff:usr_…`, `citizen:usr_…`, `api_key:key_…`, `system`):
 * staff by their full name; a citizen as "the citizen", since the form names the applicant
 * elsewhere; integrations and the platform as "the system".
 */
export function nameActor(ref: string, staffNames: ReadonlyMap<string, string>, locale: Locale): string {
  const labels = PRINT_LABELS[locale];
  const colon = ref.indexOf(':');
  const kind = colon < 0 ? ref : ref.slice(0, colon);
  if (kind === 'citizen') return labels.citizen;
  if (kind === 'staff') return nameStaff(ref.slice(colon + 1), staffNames, locale);
  return labels.system;
}

export function nameStaff(id: string, staffNames: ReadonlyMap<string, string>, locale: Locale): string {
  const name = staffNames.get(id)?.trim();
  return name || PRINT_LABELS[locale].officer;
}
