/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The page frame every server-rendered page uses: language, skip link, header, main, footer.
import type { Child } from 'hono/jsx';
import { type Locale, t } from './i18n.ts';

export interface LayoutProps {
  locale: Locale;
  title: string;
  /** Shown in the header; the platform's name on the platform host. */
  siteName: string;
  /** Prefix for links: '' on a tenant host, '/t/<slug>' on the path fallback. */
  basePath?: string;
  /** The current path (with its query, if any), used to build the language switch link. */
  path: string;
  children?: Child;
}

const sameSite = 'http://same-site.invalid';

/** Whether a browser resolves `href` on this site (`//evil.example/x`, a backslash or a tab after the slash would leave it). */
export const isSameSitePath = (href: string) =>
  href.startsWith('/') && URL.parse(href, sameSite)?.origin === sameSite;

/**
 * The same page in the other language: its query (filters, page number) kept, `lang` replaced.
 * The path comes from the request, so one that would lead off the site (a request for
 * `//evil.example/x`) links to the site's front page instead.
 */
export function languageSwitchHref(basePath: string, path: string, lang: Locale): string {
  const [pathname = '/', query = ''] = path.split('?');
  const params = new URLSearchParams(query);
  params.set('lang', lang);
  const href = `${basePath}${pathname}?${params}`;
  return isSameSitePath(href) ? href : `${basePath}/?${params}`;
}

export function Layout({ locale, title, siteName, basePath = '', path, children }: LayoutProps) {
  const other: Locale = locale === 'vi' ? 'en' : 'vi';
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${siteName}`}</title>
        <link rel="stylesheet" href={`${basePath}/assets/motcua.css`} />
        <link rel="stylesheet" href={`${basePath}/assets/theme.css`} />
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t(locale, 'skipToContent')}
        </a>
        <header class="site-header">
          <div class="inner">
            <a class="brand" href={`${basePath}/`}>
              {/* Decorative: the name beside it says whose site this is. */}
              <img class="brand-logo" src={`${basePath}/assets/logo`} alt="" width="40" height="40" />
              <span>{siteName}</span>
            </a>
            <a href={languageSwitchHref(basePath, path, other)} lang={other} hreflang={other}>
              {t(locale, 'switchLanguage')}
            </a>
          </div>
        </header>
        <main id="main" class="inner" tabindex={-1}>
          {children}
        </main>
        <footer class="site-footer inner">Motcua</footer>
      </body>
    </html>
  );
}
