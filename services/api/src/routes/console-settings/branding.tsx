/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// /console/branding: the agency's colours and logo; /console/branding/sample.css draws the
// sample in the saved colours; /assets/logo serves the logo to everyone (the platform's emblem
// while the agency has none).
import {
  type EngineContext,
  getBranding,
  logoVersion,
  maxLogoBytes,
  openLogo,
  removeLogo,
  setBrandingColours,
  uploadLogo,
} from '@motcua/engine';
import {
  type AuthPageBase,
  type FormError,
  SettingsBrandingPage,
  settingsShownRatio,
  settingsText,
} from '@motcua/ui';
import type { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../../context.ts';
import { allowBody } from '../../middleware/body-limit.ts';
import { gate, pageBase, readForm, redirectTo } from '../console-dossiers/gate.tsx';
import { emblem } from '../system/index.tsx';
import { notModified } from '../system/revalidate.ts';
import { type Ctx, managesSettings, type Problem, shownError } from './shared.ts';

type Props = Parameters<typeof SettingsBrandingPage>[0];
const notices = ['colours', 'logo', 'logoRemoved'] as const;

/** The random part of the logo's key: a new logo gets a new image address. */
const logoVersionOf = (key: string | null) => (key ? (/logo-([0-9a-f]+)\./.exec(key)?.[1] ?? 'x') : null);

async function render(
  c: Ctx,
  base: AuthPageBase,
  ctx: EngineContext,
  extra: Partial<Props> = {},
  status: ContentfulStatusCode = 200,
) {
  const branding = await getBranding(ctx);
  return c.html(
    <SettingsBrandingPage
      {...base}
      {...extra}
      branding={{ ...branding, logoVersion: logoVersionOf(branding.logoKey) }}
    />,
    status,
  );
}

const colourMessage =
  (base: AuthPageBase) =>
  (problem: Problem): FormError | undefined => {
    if (problem.path !== 'primaryColor' && problem.path !== 'textOnPrimary') return undefined;
    if (problem.code === 'contrast') {
      const ratio = settingsShownRatio(base.locale, problem.ratio ?? 0);
      return { field: problem.path, message: settingsText(base.locale, 'errContrast', { ratio }) };
    }
    return { field: problem.path, message: settingsText(base.locale, 'errColour') };
  };

const logoMessages = {
  logo_missing: 'errLogoMissing',
  logo_type: 'errLogoType',
  logo_too_large: 'errLogoTooLarge',
} as const;
const logoMessage =
  (base: AuthPageBase) =>
  (problem: Problem): FormError | undefined => {
    const key = logoMessages[problem.code as keyof typeof logoMessages];
    return problem.path === 'logo' && key
      ? { field: 'logo', message: settingsText(base.locale, key) }
      : undefined;
  };

/** Room for the multipart framing around a file of the largest size taken. */
const maxLogoBodyBytes = maxLogoBytes + 16 * 1024;

export function mountBranding(app: Hono<AppEnv>) {
  app.get('/console/branding', async (c) => {
    const base = pageBase(c);
    const g = await gate(c, base, managesSettings);
    if (g.response) return g.response;
    const notice = notices.find((n) => n === c.req.query('saved'));
    return render(c, base, g.ctx, { notice });
  });

  app.get('/console/branding/sample.css', async (c) => {
    const base = pageBase(c);
    const g = await gate(c, base, managesSettings);
    if (g.response) return g.response;
    // Both values are plain #rrggbb (getBranding falls back to the platform's pair otherwise).
    const { primaryColor, textOnPrimary } = await getBranding(g.ctx);
    c.header('Cache-Control', 'no-store');
    return c.body(
      `.settings-page .brand-sample {\n  background: ${primaryColor};\n  color: ${textOnPrimary};\n}\n`,
      200,
      { 'Content-Type': 'text/css; charset=utf-8' },
    );
  });

  app.post('/console/branding/colours', async (c) => {
    const base = pageBase(c);
    const g = await gate(c, base, managesSettings);
    if (g.response) return g.response;
    const { fields } = await readForm(c);
    const values = { primaryColor: fields.primaryColor ?? '', textOnPrimary: fields.textOnPrimary ?? '' };
    try {
      await setBrandingColours(g.ctx, values);
      return redirectTo(c, base, '/console/branding?saved=colours');
    } catch (error) {
      const { status, errors } = shownError(base.locale, error, colourMessage(base));
      return render(c, base, g.ctx, { errors, values }, status);
    }
  });

  app.use(
    '/console/branding/logo',
    allowBody({
      maxBytes: maxLogoBodyBytes,
      onTooLarge: async (c) => {
        const base = pageBase(c);
        const g = await gate(c, base, managesSettings);
        if (g.response) return g.response;
        const errors = [{ field: 'logo', message: settingsText(base.locale, 'errLogoTooLarge') }];
        return render(c, base, g.ctx, { errors }, 413);
      },
    }),
  );
  app.post('/console/branding/logo', async (c) => {
    const base = pageBase(c);
    const g = await gate(c, base, managesSettings);
    if (g.response) return g.response;
    const { files } = await readForm(c);
    const file = files.logo;
    const bytes = file ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
    try {
      await uploadLogo(g.ctx, c.get('deps').storage.forTenant(g.ctx.slug), bytes, file?.type ?? '');
      return redirectTo(c, base, '/console/branding?saved=logo');
    } catch (error) {
      const { status, errors } = shownError(base.locale, error, logoMessage(base));
      return render(c, base, g.ctx, { errors }, status);
    }
  });

  app.post('/console/branding/logo/remove', async (c) => {
    const base = pageBase(c);
    const g = await gate(c, base, managesSettings);
    if (g.response) return g.response;
    await removeLogo(g.ctx, c.get('deps').storage.forTenant(g.ctx.slug));
    return redirectTo(c, base, '/console/branding?saved=logoRemoved');
  });

  // Public: the portal shows the agency's logo to everyone. Only bytes that are still a PNG,
  // JPEG or WebP are served, with their type and nosniff, so nothing here runs as a page.
  app.get('/assets/logo', async (c) => {
    const slug = c.get('tenant').slug;
    const { database, storage } = c.get('deps');
    // Revalidated on each page: the browser's copy is checked against the logo's key (a new
    // key per upload) before any image is read from storage.
    const version = await logoVersion({ database, slug });
    if (!version) return emblem(c, true);
    const unchanged = notModified(c, version);
    if (unchanged) return unchanged;
    const logo = await openLogo({ database, slug }, storage.forTenant(slug));
    // Removed between the two reads: the emblem stands in.
    if (!logo) return emblem(c, true);
    c.header('X-Content-Type-Options', 'nosniff');
    return c.body(new Uint8Array(logo.bytes), 200, {
      'Content-Type': logo.contentType,
      'Content-Length': String(logo.bytes.byteLength),
    });
  });
}
