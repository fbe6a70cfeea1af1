// Money and dates as citizens read them: đồng with dot thousands (`50.000 đ`) and Vietnam time.

/**
 * An amount in đồng, e.g. `50.000 đ`. VND has no minor unit (amounts are whole đồng), and the
 * Vietnamese convention groups thousands with dots; done by hand so ICU versions cannot change it.
 */
export function portalMoney(amount: number): string {
  const sign = amount < 0 ? '-' : '';
  const digits = String(Math.trunc(Math.abs(amount)));
  return `${sign}${digits.replace(/\B(?=(\d{3})+$)/g, '.')} đ`;
}

const parts = (iso: string) => {
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const found: Record<string, string> = {};
  for (const part of format.formatToParts(new Date(iso))) found[part.type] = part.value;
  return found;
};

/** `24/02/2026` in Vietnam time: the day/month order is the same in both languages here. */
export function formatDate(iso: string | null): string {
  if (!iso) return '—';
  const p = parts(iso);
  return `${p.day}/${p.month}/${p.year}`;
}

/** `24/02/2026 17:00` in Vietnam time (agencies work on Vietnam time whatever the reader's zone). */
export function formatDateTime(iso: string | null): string {
  if (!iso) return '—';
  const p = parts(iso);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}
