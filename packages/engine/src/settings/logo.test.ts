import { type TenantSlug, withTenant } from '@motcua/db';
import { auditLog, settings } from '@motcua/db/tenant';
import { createTestTenant, useTestDatabase } from '@motcua/db/testing';
import { ForbiddenError, ValidationError } from '@motcua/domain';
import type { TenantStorage } from '@motcua/storage';
import { useTestStorage } from '@motcua/storage/testing';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EngineContext } from '../context.ts';
import { hasLogo, maxLogoBytes, openLogo, removeLogo, sniffLogoType, uploadLogo } from './logo.ts';

const database = useTestDatabase(4);
const storage = useTestStorage();

const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('IHDR rest'),
]);
const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF rest')]);
const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x10, 0, 0, 0]), Buffer.from('WEBPVP8 rest')]);
const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
const html = Buffer.from('<!doctype html><script>alert(1)</script>');

interface Agency {
  slug: TenantSlug;
  files: TenantStorage;
  admin: EngineContext;
}
async function agency(): Promise<Agency> {
  const slug = await createTestTenant(database);
  return {
    slug,
    files: storage.forTenant(slug),
    admin: { database, slug, actor: { kind: 'staff', id: 'usr_admin', role: 'admin' } },
  };
}
const keysOf = async (a: Agency) => {
  const keys: string[] = [];
  for await (const o of a.files.list()) keys.push(o.key);
  return keys;
};
const settingOf = async (a: Agency) =>
  (
    await withTenant(database, a.slug, (db) =>
      db.select({ value: settings.value }).from(settings).where(eq(settings.key, 'branding')),
    )
  )[0]?.value as Record<string, unknown> | undefined;
const actionsOf = async (a: Agency) =>
  (await withTenant(database, a.slug, (db) => db.select({ action: auditLog.action }).from(auditLog))).map(
    (r) => r.action,
  );

let a: Agency;
let b: Agency;
beforeAll(async () => {
  a = await agency();
  b = await agency();
});

describe('sniffLogoType', () => {
  it.each([
    ['PNG', png, 'png'],
    ['JPEG', jpeg, 'jpg'],
    ['WebP', webp, 'webp'],
    ['SVG', svg, undefined],
    ['HTML', html, undefined],
    ['GIF', Buffer.from('GIF89a....'), undefined],
    ['a RIFF WAVE sound', Buffer.from('RIFF\x10\x00\x00\x00WAVEfmt '), undefined],
    ['PDF', Buffer.from('%PDF-1.7'), undefined],
    ['nothing', Buffer.alloc(0), undefined],
    ['half a PNG signature', png.subarray(0, 4), undefined],
  ])('%s → %s', (_name, bytes, type) => {
    expect(sniffLogoType(bytes)).toBe(type);
  });

  it('never takes text: no file that opens with "<" or whitespace is an image', () => {
    for (let i = 0; i < 500; i++) {
      const tail = Buffer.from(Array.from({ length: 24 }, (_, j) => (i * 31 + j * 17) % 256));
      for (const lead of ['<', ' <', '\n<', '\ufeff<']) {
        expect(sniffLogoType(Buffer.concat([Buffer.from(lead), tail]))).toBeUndefined();
      }
    }
  });
});

describe('uploading, opening and removing the logo', () => {
  it('stores the image under the agency’s prefix, points the setting to it and serves it to anyone', async () => {
    expect(await openLogo({ database, slug: a.slug }, a.files)).toBeNull();
    expect(await hasLogo({ database, slug: a.slug })).toBe(false);
    const saved = await uploadLogo(a.admin, a.files, png, 'image/png');
    expect(saved).toMatchObject({ contentType: 'image/png', sizeBytes: png.byteLength });
    expect(saved.logoKey).toMatch(/^branding\/logo-[0-9a-f]{16}\.png$/);
    expect(await keysOf(a)).toEqual([saved.logoKey]);
    expect((await settingOf(a))?.logoKey).toBe(saved.logoKey);
    const opened = await openLogo({ database, slug: a.slug }, a.files);
    expect(opened?.contentType).toBe('image/png');
    expect(opened?.bytes.equals(png)).toBe(true);
    expect(await hasLogo({ database, slug: a.slug })).toBe(true);
    expect(await actionsOf(a)).toContain('branding.logo_uploaded');
  });

  it('trusts the bytes, not the claimed type, and deletes the replaced image once the setting points elsewhere', async () => {
    const [first] = await keysOf(a);
    const saved = await uploadLogo(a.admin, a.files, webp, 'image/png');
    expect(saved.logoKey).toMatch(/\.webp$/);
    expect(await keysOf(a)).toEqual([saved.logoKey]);
    expect(first).not.toBe(saved.logoKey);
    expect((await openLogo({ database, slug: a.slug }, a.files))?.contentType).toBe('image/webp');
  });

  it.each([
    ['an SVG', svg, 'logo_type'],
    ['an HTML page named logo.png', html, 'logo_type'],
    ['an empty file', Buffer.alloc(0), 'logo_missing'],
    [
      'a PNG one byte over 200 KB',
      Buffer.concat([png, Buffer.alloc(maxLogoBytes - png.byteLength + 1)]),
      'logo_too_large',
    ],
  ])('refuses %s and changes nothing', async (_name, bytes, code) => {
    const keys = await keysOf(a);
    const setting = await settingOf(a);
    const actions = await actionsOf(a);
    const error = await uploadLogo(a.admin, a.files, bytes, 'image/png').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).details).toEqual([expect.objectContaining({ path: 'logo', code })]);
    expect(await keysOf(a)).toEqual(keys);
    expect(await settingOf(a)).toEqual(setting);
    expect(await actionsOf(a)).toEqual(actions);
  });

  it('takes a PNG of exactly 200 KB', async () => {
    const exact = Buffer.concat([png, Buffer.alloc(maxLogoBytes - png.byteLength)]);
    const saved = await uploadLogo(a.admin, a.files, exact, 'image/png');
    expect(saved.sizeBytes).toBe(maxLogoBytes);
    expect(await keysOf(a)).toEqual([saved.logoKey]);
  });

  it('keeps agencies apart: another agency’s storage is refused, and each serves only its own logo', async () => {
    await expect(uploadLogo(a.admin, b.files, jpeg, 'image/jpeg')).rejects.toThrow('another agency');
    await expect(openLogo({ database, slug: b.slug }, a.files)).rejects.toThrow('another agency');
    expect(await openLogo({ database, slug: b.slug }, b.files)).toBeNull();
    await uploadLogo(b.admin, b.files, jpeg, 'image/jpeg');
    expect((await openLogo({ database, slug: b.slug }, b.files))?.bytes.equals(jpeg)).toBe(true);
    expect((await openLogo({ database, slug: a.slug }, a.files))?.contentType).toBe('image/png');
  });

  it('is refused to a role without settings.manage', async () => {
    const clerk: EngineContext = { ...a.admin, actor: { kind: 'staff', id: 'usr_c', role: 'clerk' } };
    await expect(uploadLogo(clerk, a.files, png, 'image/png')).rejects.toBeInstanceOf(ForbiddenError);
    await expect(removeLogo(clerk, a.files)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('does not serve an object whose bytes are no longer the image the key names', async () => {
    const key = String((await settingOf(a))?.logoKey);
    await a.files.put(key, html, 'image/png');
    expect(await openLogo({ database, slug: a.slug }, a.files)).toBeNull();
  });

  it('does not serve another image put in its place in storage, and records the refusal', async () => {
    const c = await agency();
    const saved = await uploadLogo(c.admin, c.files, png, 'image/png');
    const otherPng = Buffer.concat([png.subarray(0, 8), Buffer.from('IHDR else')]);
    await c.files.put(saved.logoKey, otherPng, 'image/png');
    expect(await openLogo({ database, slug: c.slug }, c.files)).toBeNull();
    const rows = await withTenant(database, c.slug, (db) =>
      db
        .select({ actor: auditLog.actor, details: auditLog.details })
        .from(auditLog)
        .where(eq(auditLog.action, 'storage.file_altered')),
    );
    expect(rows).toEqual([{ actor: 'public', details: { logoKey: saved.logoKey, mismatch: 'sha256' } }]);

    // Put back as uploaded, it is served again; a setting without the recorded hash is not.
    await c.files.put(saved.logoKey, png, 'image/png');
    expect((await openLogo({ database, slug: c.slug }, c.files))?.bytes.equals(png)).toBe(true);
    const { logoSha256: _, ...withoutHash } = (await settingOf(c)) ?? {};
    await withTenant(database, c.slug, (db) =>
      db.update(settings).set({ value: withoutHash }).where(eq(settings.key, 'branding')),
    );
    expect(await openLogo({ database, slug: c.slug }, c.files)).toBeNull();
  });

  it('removes the logo: the setting first, then the object', async () => {
    expect(await removeLogo(a.admin, a.files)).toEqual({ removed: true });
    expect((await settingOf(a))?.logoKey).toBeNull();
    expect(await keysOf(a)).toEqual([]);
    expect(await openLogo({ database, slug: a.slug }, a.files)).toBeNull();
    expect(await removeLogo(a.admin, a.files)).toEqual({ removed: false });
    expect((await actionsOf(a)).filter((x) => x === 'branding.logo_removed')).toHaveLength(1);
  });

  it('never deletes an object the setting names outside the logo keys', async () => {
    await a.files.put('dossiers/dos_1/doc_1', 'a citizen’s paper');
    await withTenant(database, a.slug, (db) =>
      db
        .update(settings)
        .set({ value: { logoKey: 'dossiers/dos_1/doc_1' } })
        .where(eq(settings.key, 'branding')),
    );
    expect(await openLogo({ database, slug: a.slug }, a.files)).toBeNull();
    await uploadLogo(a.admin, a.files, png, 'image/png');
    expect(await a.files.get('dossiers/dos_1/doc_1')).toBeDefined();
  });
});
