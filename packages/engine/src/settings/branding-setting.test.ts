import { type TenantSlug, withTenant } from '@motcua/db';
import { auditLog, settings } from '@motcua/db/tenant';
import { createTestTenant, useTestDatabase } from '@motcua/db/testing';
import { ForbiddenError, ValidationError } from '@motcua/domain';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { contrastRatio } from '../branding/branding.ts';
import type { EngineContext } from '../context.ts';
import {
  getBranding,
  minimumContrast,
  parseBrandingColours,
  readBranding,
  roundContrast,
  setBrandingColours,
} from './branding-setting.ts';

const database = useTestDatabase(4);
let slug: TenantSlug;
const as = (role: 'admin' | 'specialist'): EngineContext => ({
  database,
  slug,
  actor: { kind: 'staff', id: `usr_${role}`, role },
});
const stored = async () =>
  (
    await withTenant(database, slug, (db) =>
      db.select({ value: settings.value }).from(settings).where(eq(settings.key, 'branding')),
    )
  )[0]?.value;
const audits = () =>
  withTenant(database, slug, (db) =>
    db.select({ action: auditLog.action, details: auditLog.details }).from(auditLog),
  );

function fieldErrorOf(work: () => unknown) {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).details as { path: string; code: string; message: string }[];
  }
  throw new Error('expected a validation error');
}

beforeAll(async () => {
  slug = await createTestTenant(database);
});

describe('readBranding', () => {
  it.each([
    [null, '#a4161a', '#ffffff', '#f5b301', null],
    [
      {
        primaryColor: '#0B5394',
        textOnPrimary: '#FFFFFF',
        accentColor: '#123456',
        logoKey: 'branding/x.png',
      },
      '#0b5394',
      '#ffffff',
      '#123456',
      'branding/x.png',
    ],
    // White on gold is 1.85:1: the platform's pair is what is in effect, so that is what is shown.
    [
      { primaryColor: '#f5b301', textOnPrimary: '#ffffff', accentColor: 'red', logoKey: '' },
      '#a4161a',
      '#ffffff',
      '#f5b301',
      null,
    ],
  ] as const)('reads %j', (value, primary, text, accent, logoKey) => {
    expect(readBranding(value)).toEqual({
      primaryColor: primary,
      textOnPrimary: text,
      accentColor: accent,
      logoKey,
    });
  });
});

describe('parseBrandingColours', () => {
  it.each([
    [
      { primaryColor: ' #0B5394 ', textOnPrimary: '#FFFFFF' },
      { primaryColor: '#0b5394', textOnPrimary: '#ffffff' },
    ],
    [
      { primaryColor: '#000000', textOnPrimary: '#ffffff' },
      { primaryColor: '#000000', textOnPrimary: '#ffffff' },
    ],
    // #767676 on white is the lightest grey that passes: 4.54:1.
    [
      { primaryColor: '#767676', textOnPrimary: '#ffffff' },
      { primaryColor: '#767676', textOnPrimary: '#ffffff' },
    ],
  ])('accepts %j', (input, expected) => {
    expect(parseBrandingColours(input)).toEqual(expected);
  });

  it.each([
    [{ primaryColor: 'red', textOnPrimary: '#ffffff' }, 'primaryColor', 'colour'],
    [{ primaryColor: '#0b5394;}body{', textOnPrimary: '#ffffff' }, 'primaryColor', 'colour'],
    [{ primaryColor: '#0b5394' }, 'textOnPrimary', 'colour'],
    [{ primaryColor: '#fff', textOnPrimary: '#000000' }, 'primaryColor', 'colour'],
  ])('refuses %j on %s', (input, path, code) => {
    expect(fieldErrorOf(() => parseBrandingColours(input))).toEqual([
      expect.objectContaining({ path, code }),
    ]);
  });

  it('names the ratio of an unreadable pair, rounded down', () => {
    // White on gold ≈ 1.853:1; #777777 on white ≈ 4.478:1, just below the line.
    const [gold] = fieldErrorOf(() =>
      parseBrandingColours({ primaryColor: '#f5b301', textOnPrimary: '#ffffff' }),
    );
    expect(gold).toMatchObject({ path: 'textOnPrimary', code: 'contrast', ratio: 1.85 });
    expect(gold?.message).toBe('Contrast 1.85:1 is below 4.5:1.');
    const [grey] = fieldErrorOf(() =>
      parseBrandingColours({ primaryColor: '#777777', textOnPrimary: '#ffffff' }),
    );
    expect(grey).toMatchObject({ ratio: 4.47 });
  });

  it('accepts a pair exactly when its contrast reaches 4.5:1, over a grid of colours', () => {
    const steps = ['00', '33', '66', '77', '99', 'cc', 'ff'];
    const colours = steps.flatMap((r) =>
      steps.map((g) => `#${r}${g}${steps[(r.length + g.charCodeAt(0)) % 7]}`),
    );
    for (const a of colours) {
      for (const b of colours) {
        const readable = contrastRatio(a, b) >= minimumContrast;
        const accepted = (() => {
          try {
            parseBrandingColours({ primaryColor: a, textOnPrimary: b });
            return true;
          } catch {
            return false;
          }
        })();
        expect(accepted, `${a} / ${b}`).toBe(readable);
      }
    }
  });

  it('rounds a ratio down by less than a hundredth', () => {
    for (let x = 1; x <= 21; x += 0.0137) {
      expect(roundContrast(x)).toBeLessThanOrEqual(x);
      expect(x - roundContrast(x)).toBeLessThan(0.01);
    }
  });
});

describe('setBrandingColours', () => {
  it('saves a readable pair and keeps the accent colour and the logo as they were', async () => {
    await withTenant(database, slug, (db) =>
      db.insert(settings).values({
        key: 'branding',
        value: {
          primaryColor: '#b91c1c',
          accentColor: '#f5b301',
          textOnPrimary: '#ffffff',
          logoKey: 'branding/logo-0123456789abcdef.png',
        },
      }),
    );
    const view = await setBrandingColours(as('admin'), { primaryColor: '#0B5394', textOnPrimary: '#ffffff' });
    expect(view).toMatchObject({ primaryColor: '#0b5394', textOnPrimary: '#ffffff', contrast: 7.83 });
    expect(await stored()).toEqual({
      primaryColor: '#0b5394',
      accentColor: '#f5b301',
      textOnPrimary: '#ffffff',
      logoKey: 'branding/logo-0123456789abcdef.png',
    });
    expect(await getBranding(as('admin'))).toEqual(view);
    expect((await audits()).at(-1)).toEqual({
      action: 'branding.colours_set',
      details: {
        primaryColor: '#0b5394',
        textOnPrimary: '#ffffff',
        previous: { primaryColor: '#b91c1c', textOnPrimary: '#ffffff' },
      },
    });
  });

  it('changes nothing for an unreadable pair or a role without settings.manage', async () => {
    const before = await stored();
    const auditCount = (await audits()).length;
    await expect(
      setBrandingColours(as('admin'), { primaryColor: '#ffff00', textOnPrimary: '#ffffff' }),
    ).rejects.toThrow('contrast 1.07:1');
    await expect(
      setBrandingColours(as('specialist'), { primaryColor: '#000000', textOnPrimary: '#ffffff' }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getBranding(as('specialist'))).rejects.toBeInstanceOf(ForbiddenError);
    expect(await stored()).toEqual(before);
    expect(await audits()).toHaveLength(auditCount);
  });

  it('creates the setting for an agency that has none yet', async () => {
    const other = await createTestTenant(database);
    const ctx: EngineContext = {
      database,
      slug: other,
      actor: { kind: 'staff', id: 'usr_a', role: 'admin' },
    };
    expect(await getBranding(ctx)).toMatchObject({ primaryColor: '#a4161a', logoKey: null });
    await setBrandingColours(ctx, { primaryColor: '#14532d', textOnPrimary: '#ffffff' });
    expect(await getBranding(ctx)).toMatchObject({
      primaryColor: '#14532d',
      accentColor: '#f5b301',
      logoKey: null,
    });
    // The first agency's setting is untouched.
    expect(await getBranding(as('admin'))).toMatchObject({ primaryColor: '#0b5394' });
  });
});
