// What every page of an agency's site is given (the operator console's pages extend it too), and
// how such a page links inside the site, keeping the language the person chose. The names date
// from the sign-in pages, the first to need them.
import type { FormError } from './forms.tsx';
import type { Locale } from './i18n.ts';

export interface AuthPageBase {
  locale: Locale;
  siteName: string;
  /** '' on a tenant host, '/t/<slug>' on the path fallback. */
  basePath: string;
  /** Carried on links and form actions when the person chose a language with `?lang=`. */
  lang?: Locale | undefined;
  errors?: FormError[];
}

/** A link inside the tenant's site, keeping the chosen language. */
export function authHref(page: Pick<AuthPageBase, 'basePath' | 'lang'>, path: string): string {
  const [pathname = '', query = ''] = path.split('?');
  const params = new URLSearchParams(query);
  if (page.lang) params.set('lang', page.lang);
  const search = params.toString();
  return `${page.basePath}${pathname}${search ? `?${search}` : ''}`;
}
