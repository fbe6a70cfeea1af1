import { describe, expect, it } from 'vitest';
import { settingsShownDate, settingsShownRatio, settingsText, weekdayOf } from './strings.ts';

describe('settings strings', () => {
  it.each([
    ['2026-09-03', '03/09/2026', 'Thứ Năm', 'Thursday'],
    ['2026-01-01', '01/01/2026', 'Thứ Năm', 'Thursday'],
    ['2026-03-07', '07/03/2026', 'Thứ Bảy', 'Saturday'],
    ['2028-02-29', '29/02/2028', 'Thứ Ba', 'Tuesday'],
    ['2025-02-02', '02/02/2025', 'Chủ nhật', 'Sunday'],
  ])('%s is %s, a %s', (date, shown, vi, en) => {
    expect(settingsShownDate(date)).toBe(shown);
    expect(weekdayOf('en', date)).toBe(en);
    expect(weekdayOf('vi', date)).toBe(vi);
  });

  it('writes ratios with the decimal comma in Vietnamese', () => {
    expect(settingsShownRatio('vi', 1.85)).toBe('1,85');
    expect(settingsShownRatio('en', 1.85)).toBe('1.85');
    expect(settingsShownRatio('vi', 21)).toBe('21,00');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(settingsText('vi', 'errUnitHasStaff', { count: 3 })).toMatch(/^Đơn vị còn 3 cán bộ\./);
    expect(settingsText('en', 'errContrast', { ratio: '2.10' })).toContain('only 2.10:1');
    expect(settingsText('en', 'errContrast')).toContain('{ratio}');
  });
});
