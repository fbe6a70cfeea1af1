import { readFileSync } from 'node:fs';

export { type Locale, locales, pickLocale, type StringKey, t } from './i18n.ts';
export { Layout, type LayoutProps } from './layout.tsx';
export { MessagePage, type MessagePageProps, PlatformLanding, PortalHome } from './pages.tsx';

/** The one stylesheet, served at `/assets/motcua.css`. */
export const stylesheet = readFileSync(new URL('./styles.css', import.meta.url), 'utf8');
