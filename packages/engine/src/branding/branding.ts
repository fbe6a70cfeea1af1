// An agency's colours for its pages, from its `branding` setting. Only values that are plain
// #rrggbb colours and keep the text readable (WCAG 2.2 contrast ≥ 4.5:1 between the brand
// colour and the text on it) are used; anything else falls back to the platform's theme, so a
// setting can neither inject CSS nor make the agency's own pages fail accessibility.
import { type Database, type TenantSlug, withTenant } from '@motcua/db';
import { settings } from '@motcua/db/tenant';
import { eq } from 'drizzle-orm';

export interface Theme {
  brand: string;
  brandContrast: string;
}

export const defaultTheme: Theme = { brand: '#a4161a', brandContrast: '#ffffff' };

const hex = /^#[0-9a-f]{6}$/i;

function luminance(color: string): number {
  const channel = (i: number) => {
    const c = Number.parseInt(color.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG contrast ratio of two #rrggbb colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The theme a branding setting asks for, if it is safe and readable; the default otherwise. */
export function themeOf(setting: unknown): Theme {
  const value = (setting ?? {}) as { primaryColor?: unknown; textOnPrimary?: unknown };
  const brand = typeof value.primaryColor === 'string' ? value.primaryColor : '';
  const brandContrast = typeof value.textOnPrimary === 'string' ? value.textOnPrimary : '';
  if (!hex.test(brand) || !hex.test(brandContrast) || contrastRatio(brand, brandContrast) < 4.5) {
    return defaultTheme;
  }
  return { brand: brand.toLowerCase(), brandContrast: brandContrast.toLowerCase() };
}

export async function getTheme(scope: { database: Database; slug: TenantSlug }): Promise<Theme> {
  const [row] = await withTenant(scope.database, scope.slug, (db) =>
    db.select({ value: settings.value }).from(settings).where(eq(settings.key, 'branding')),
  );
  return themeOf(row?.value);
}

/** The custom properties that theme the one stylesheet. */
export const themeCss = (theme: Theme) =>
  `:root {\n  --brand: ${theme.brand};\n  --brand-contrast: ${theme.brandContrast};\n}\n`;
