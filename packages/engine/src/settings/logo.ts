// The agency's logo: uploaded by its admin, shown to everyone on the portal. Only raster images
// are taken (PNG, JPEG, WebP), recognised from their first bytes whatever the browser claims:
// an SVG or HTML file can carry script, and the logo is served from the agency's own origin.
// The object is written first under a new key, the setting then points to it in one
// transaction with its audit row, and only after that commits is the previous object deleted,
// so a failure at any step leaves a logo that works (at worst an unused object behind). The
// setting also records the logo's size and SHA-256: an object changed in storage is not served.
import { createHash, randomBytes } from 'node:crypto';
import { assertCan, recordAudit } from '@motcua/auth';
import { type Database, type TenantSlug, withTenant } from '@motcua/db';
import { settings } from '@motcua/db/tenant';
import { ValidationError } from '@motcua/domain';
import { ObjectIntegrityError, type TenantStorage } from '@motcua/storage';
import { eq } from 'drizzle-orm';
import { auditAlteredFile } from '../altered-file.ts';
import type { EngineContext } from '../context.ts';
import { lockBranding, readBranding, writeBranding } from './branding-setting.ts';

export const maxLogoBytes = 200 * 1024;

export const logoTypes = { png: 'image/png', jpg: 'image/jpeg', webp: 'image/webp' } as const;
export type LogoType = keyof typeof logoTypes;

/** Every key this module writes; anything else in the setting is never read or deleted through it. */
const logoKeyPattern = /^branding\/logo-[0-9a-f]{16}\.(png|jpg|webp)$/;

/** The image type the bytes open with, or undefined for anything else (SVG and HTML included). */
export function sniffLogoType(bytes: Uint8Array): LogoType | undefined {
  const starts = (signature: number[], at = 0) => signature.every((b, i) => bytes[at + i] === b);
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (starts([0xff, 0xd8, 0xff])) return 'jpg';
  // RIFF <size> WEBP
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'webp';
  return undefined;
}

const typeOfKey = (key: string) => key.slice(key.lastIndexOf('.') + 1) as LogoType;

function checkLogo(bytes: Uint8Array): LogoType {
  const refuse = (code: string, message: string): never => {
    throw new ValidationError('This logo cannot be used.', [{ path: 'logo', message, code }]);
  };
  if (bytes.byteLength === 0) refuse('logo_missing', 'Choose an image file.');
  if (bytes.byteLength > maxLogoBytes) refuse('logo_too_large', `At most ${maxLogoBytes} bytes.`);
  return sniffLogoType(bytes) ?? refuse('logo_type', 'Use a PNG, JPEG or WebP image.');
}

function assertOwnStorage(ctx: EngineContext, storage: TenantStorage) {
  if (storage.slug !== ctx.slug) throw new Error('The storage handle belongs to another agency.');
}

/** Deletes a replaced logo; a failure leaves an unused object, never a broken setting. */
async function deleteReplaced(storage: TenantStorage, key: string | null) {
  if (!key || !logoKeyPattern.test(key)) return;
  await storage.delete(key).catch(() => undefined);
}

/**
 * Stores a new logo and points the setting to it. `claimedType` is what the browser said; it is
 * recorded in the audit row and otherwise ignored: the bytes decide.
 */
export async function uploadLogo(
  ctx: EngineContext,
  storage: TenantStorage,
  bytes: Uint8Array,
  claimedType: string,
): Promise<{ logoKey: string; contentType: string; sizeBytes: number }> {
  assertCan(ctx.actor, 'settings.manage');
  assertOwnStorage(ctx, storage);
  const type = checkLogo(bytes);
  const logoKey = `branding/logo-${randomBytes(8).toString('hex')}.${type}`;
  await storage.put(logoKey, bytes, logoTypes[type]);
  let previous: string | null;
  try {
    previous = await withTenant(ctx.database, ctx.slug, async (db) => {
      const { raw, current } = await lockBranding(db);
      await writeBranding(db, {
        ...raw,
        logoKey,
        logoSha256: createHash('sha256').update(bytes).digest('hex'),
        logoSizeBytes: bytes.byteLength,
      });
      await recordAudit(db, {
        actor: ctx.actor,
        action: 'branding.logo_uploaded',
        subject: 'branding',
        details: {
          logoKey,
          contentType: logoTypes[type],
          claimedType: claimedType.slice(0, 100),
          sizeBytes: bytes.byteLength,
        },
        requestId: ctx.requestId ?? null,
        ip: ctx.ip ?? null,
      });
      return current.logoKey;
    });
  } catch (error) {
    await storage.delete(logoKey).catch(() => undefined);
    throw error;
  }
  await deleteReplaced(storage, previous);
  return { logoKey, contentType: logoTypes[type], sizeBytes: bytes.byteLength };
}

export async function removeLogo(ctx: EngineContext, storage: TenantStorage): Promise<{ removed: boolean }> {
  assertCan(ctx.actor, 'settings.manage');
  assertOwnStorage(ctx, storage);
  const previous = await withTenant(ctx.database, ctx.slug, async (db) => {
    const { raw, current } = await lockBranding(db);
    if (!current.logoKey) return null;
    await writeBranding(db, { ...raw, logoKey: null, logoSha256: null, logoSizeBytes: null });
    await recordAudit(db, {
      actor: ctx.actor,
      action: 'branding.logo_removed',
      subject: 'branding',
      details: { logoKey: current.logoKey },
      requestId: ctx.requestId ?? null,
      ip: ctx.ip ?? null,
    });
    return current.logoKey;
  });
  await deleteReplaced(storage, previous);
  return { removed: previous !== null };
}

/** Size and SHA-256 as the upload recorded them, or undefined for a logo stored without them. */
function recordedOf(value: unknown) {
  const { logoSha256, logoSizeBytes } = (value ?? {}) as Record<string, unknown>;
  return typeof logoSha256 === 'string' && typeof logoSizeBytes === 'number'
    ? { sha256: logoSha256, sizeBytes: logoSizeBytes }
    : undefined;
}

/**
 * The logo for anyone (the portal shows it on every page), or null when the agency has none.
 * Only the bytes the upload recorded are served, and only while they are still the image the key
 * names; anything else is recorded in the audit log and the platform's emblem stands in.
 */
export async function openLogo(
  scope: { database: Database; slug: TenantSlug },
  storage: TenantStorage,
): Promise<{ bytes: Buffer; contentType: string } | null> {
  if (storage.slug !== scope.slug) throw new Error('The storage handle belongs to another agency.');
  const [row] = await withTenant(scope.database, scope.slug, (db) =>
    db.select({ value: settings.value }).from(settings).where(eq(settings.key, 'branding')),
  );
  const key = readBranding(row?.value).logoKey;
  if (!key || !logoKeyPattern.test(key)) return null;
  // A logo stored before sizes and hashes were recorded cannot be vouched for: upload it again.
  const recorded = recordedOf(row?.value);
  if (!recorded) return null;
  try {
    const bytes = await storage.readChecked(key, recorded);
    if (!bytes) return null;
    if (sniffLogoType(bytes) !== typeOfKey(key)) throw new ObjectIntegrityError('type');
    return { bytes, contentType: logoTypes[typeOfKey(key)] };
  } catch (error) {
    if (!(error instanceof ObjectIntegrityError)) throw error;
    await auditAlteredFile(scope, { subject: 'branding', details: { logoKey: key } }, error);
    return null;
  }
}

/** Whether the agency has a logo to show (for the header), without reading the object. */
/**
 * Which logo the agency shows now (its storage key, new with every upload), or null: what the
 * logo's address is revalidated against, without reading the image itself.
 */
export async function logoVersion(scope: { database: Database; slug: TenantSlug }): Promise<string | null> {
  const [row] = await withTenant(scope.database, scope.slug, (db) =>
    db.select({ value: settings.value }).from(settings).where(eq(settings.key, 'branding')),
  );
  const key = readBranding(row?.value).logoKey;
  return key !== null && logoKeyPattern.test(key) ? key : null;
}

export async function hasLogo(scope: { database: Database; slug: TenantSlug }): Promise<boolean> {
  return (await logoVersion(scope)) !== null;
}
