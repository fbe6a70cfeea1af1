// Test-only helpers: write and read instants as Vietnamese wall-clock time, 'YYYY-MM-DD HH:mm'.
import { fromLocal, toLocal } from '../src/calendar/civil-date.ts';

export function at(local: string): Date {
  const match = /^(\d{4}-\d{2}-\d{2}) (\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!match) throw new Error(`Write local times as 'YYYY-MM-DD HH:mm[:ss]', not ${local}`);
  const [, date, h, m, s] = match;
  return fromLocal(date as string, Number(h) * 60 + Number(m) + Number(s ?? 0) / 60);
}

export function wallClock(instant: Date): string {
  const { date, minutes } = toLocal(instant);
  const whole = Math.floor(minutes);
  const seconds = Math.round((minutes - whole) * 60);
  const hhmm = `${String(Math.floor(whole / 60)).padStart(2, '0')}:${String(whole % 60).padStart(2, '0')}`;
  return seconds === 0 ? `${date} ${hhmm}` : `${date} ${hhmm}:${String(seconds).padStart(2, '0')}`;
}
