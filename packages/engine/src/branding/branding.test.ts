import { describe, expect, it } from 'vitest';
import { contrastRatio, defaultTheme, themeCss, themeOf } from './branding.ts';

describe('themeOf', () => {
  it('uses a readable pair of plain colours', () => {
    expect(themeOf({ primaryColor: '#0B5394', textOnPrimary: '#FFFFFF' })).toEqual({
      brand: '#0b5394',
      brandContrast: '#ffffff',
    });
  });

  it.each([
    [{ primaryColor: 'red;}body{display:none', textOnPrimary: '#ffffff' }, 'CSS injection'],
    [{ primaryColor: '#f5b301', textOnPrimary: '#ffffff' }, 'white on gold is unreadable (2.0:1)'],
    [{ primaryColor: '#0b5394' }, 'no text colour'],
    [null, 'no setting'],
    ['#0b5394', 'not an object'],
  ] as [unknown, string][])('falls back to the default for %j (%s)', (setting) => {
    expect(themeOf(setting)).toEqual(defaultTheme);
  });

  it('measures contrast as WCAG does', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    expect(contrastRatio(defaultTheme.brand, defaultTheme.brandContrast)).toBeGreaterThanOrEqual(4.5);
  });

  it('writes only the two custom properties', () => {
    expect(themeCss(defaultTheme)).toBe(':root {\n  --brand: #a4161a;\n  --brand-contrast: #ffffff;\n}\n');
  });
});
