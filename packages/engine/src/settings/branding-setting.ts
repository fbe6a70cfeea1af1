// The agency's `branding` setting as the console edits it: its colours (a readable pair only)
// and, through logo.ts, its logo. The row is locked for every change so that saving colours
// and replacing the logo at the same moment cannot lose either.
import { assertCan, recordAudit } from '@motcua/auth';
import { type TenantDb, withTenant } from '@motcua/db';
import { settings } from '@motcua/db/tenant';
import { ValidationError } from '@motcua/domain';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { contrastRatio, defaultTheme, themeOf } from '../branding/branding.ts';
import type { EngineContext } from '../context.ts';

/** WCAG 2.2 AA, success criterion 1.4.3: text at least 4.5:1 against its background. */
export const minimumContrast = 4.5;
const defaultAccent = '#f5b301';
const hex = /^#[0-9a-f]{6}$/i;

export interface BrandingSetting {
  primaryColor: string;
  accentColor: string;
  textOnPrimary: string;
  logoKey: string | null;
}

export interface BrandingView extends BrandingSetting {
  /** The pair's WCAG contrast ratio, rounded down to two decimals (never shown better than it is). */
  contrast: number;
}

/** A ratio as people read it, rounded down so that 4.499 never shows as 4.50. */
export const roundContrast = (ratio: number) => Math.floor(ratio * 100) / 100;

/** The setting as stored, with the platform's values where a part is missing or unusable. */
export function readBranding(value: unknown): BrandingSetting {
  const stored = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const theme = themeOf(stored);
  const accent =
    typeof stored.accentColor === 'string' && hex.test(stored.accentColor) ? stored.accentColor : '';
  return {
    primaryColor: theme.brand,
    textOnPrimary: theme.brandContrast,
    accentColor: accent.toLowerCase() || defaultAccent,
    logoKey: typeof stored.logoKey === 'string' && stored.logoKey ? stored.logoKey : null,
  };
}

const viewOf = (setting: BrandingSetting): BrandingView => ({
  ...setting,
  contrast: roundContrast(contrastRatio(setting.primaryColor, setting.textOnPrimary)),
});

/**
 * The stored setting, its row locked until the transaction ends (created with the platform's
 * values first when the agency has none, so that there is always a row to lock).
 */
export async function lockBranding(
  db: TenantDb,
): Promise<{ raw: Record<string, unknown>; current: BrandingSetting }> {
  const initial: BrandingSetting = {
    primaryColor: defaultTheme.brand,
    accentColor: defaultAccent,
    textOnPrimary: defaultTheme.brandContrast,
    logoKey: null,
  };
  await db.insert(settings).values({ key: 'branding', value: initial }).onConflictDoNothing();
  const [row] = await db
    .select({ value: settings.value })
    .from(settings)
    .where(eq(settings.key, 'branding'))
    .for('update');
  const raw = (row?.value && typeof row.value === 'object' ? row.value : {}) as Record<string, unknown>;
  return { raw, current: readBranding(raw) };
}

export async function writeBranding(db: TenantDb, value: Record<string, unknown>) {
  await db.update(settings).set({ value, updatedAt: new Date() }).where(eq(settings.key, 'branding'));
}

export async function getBranding(ctx: EngineContext): Promise<BrandingView> {
  assertCan(ctx.actor, 'settings.manage');
  const [row] = await withTenant(ctx.database, ctx.slug, (db) =>
    db.select({ value: settings.value }).from(settings).where(eq(settings.key, 'branding')),
  );
  return viewOf(readBranding(row?.value));
}

const colour = z
  .string()
  .trim()
  .regex(hex, 'A colour as #rrggbb, e.g. #0b5394.')
  .transform((value) => value.toLowerCase());

export const brandingColoursInput = z.object({ primaryColor: colour, textOnPrimary: colour });

/** The two colours, if they are plain #rrggbb and readable together; a field error otherwise. */
export function parseBrandingColours(input: unknown): { primaryColor: string; textOnPrimary: string } {
  const parsed = brandingColoursInput.safeParse(input);
  if (!parsed.success) {
    throw new ValidationError(
      'Some colours need correcting.',
      parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message, code: 'colour' })),
    );
  }
  const { primaryColor, textOnPrimary } = parsed.data;
  const exact = contrastRatio(primaryColor, textOnPrimary);
  if (exact < minimumContrast) {
    const ratio = roundContrast(exact);
    const shown = ratio.toFixed(2);
    throw new ValidationError(
      `The text would be hard to read: contrast ${shown}:1, at least 4.5:1 is needed.`,
      [{ path: 'textOnPrimary', message: `Contrast ${shown}:1 is below 4.5:1.`, code: 'contrast', ratio }],
    );
  }
  return parsed.data;
}

/** Sets the brand colour and the text colour on it; the accent colour and the logo stay as they are. */
export async function setBrandingColours(ctx: EngineContext, input: unknown): Promise<BrandingView> {
  assertCan(ctx.actor, 'settings.manage');
  const { primaryColor, textOnPrimary } = parseBrandingColours(input);
  return withTenant(ctx.database, ctx.slug, async (db) => {
    const { raw, current } = await lockBranding(db);
    // Everything else in the setting (accent colour, logo, keys a later version adds) stays as stored.
    const next = { ...raw, primaryColor, textOnPrimary };
    await writeBranding(db, next);
    await recordAudit(db, {
      actor: ctx.actor,
      action: 'branding.colours_set',
      subject: 'branding',
      details: {
        primaryColor,
        textOnPrimary,
        previous: { primaryColor: current.primaryColor, textOnPrimary: current.textOnPrimary },
      },
      requestId: ctx.requestId ?? null,
      ip: ctx.ip ?? null,
    });
    return viewOf({ ...current, primaryColor, textOnPrimary });
  });
}
