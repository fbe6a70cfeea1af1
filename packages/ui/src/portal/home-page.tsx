/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The foundation's front page of an agency's portal. PortalHomePage (catalog-pages.tsx), with
// the procedures and tracking, replaced it; no route renders it any more.
import { t } from '../shared/i18n.ts';
import { Layout } from '../shared/layout.tsx';
import type { PageBase } from '../shared/message-page.tsx';

interface FrontPageProps extends PageBase {
  tenantName: string;
  suspended: boolean;
}

export function PortalHome({ locale, path, basePath = '', tenantName, suspended }: FrontPageProps) {
  return (
    <Layout
      locale={locale}
      title={t(locale, 'portalWelcome')}
      siteName={tenantName}
      path={path}
      basePath={basePath}
    >
      {suspended ? (
        <div class="banner" role="status">
          <strong>{t(locale, 'suspendedTitle')}.</strong> {t(locale, 'suspendedCitizen')}
        </div>
      ) : null}
      <h1>{`${t(locale, 'portalWelcome')} — ${tenantName}`}</h1>
      <p>{t(locale, 'portalIntro')}</p>
      <ul class="links">
        <li>
          <a href={`${basePath}/sign-in${locale === 'en' ? '?lang=en' : ''}`}>{t(locale, 'signIn')}</a>
        </li>
        <li>
          <a href={`${basePath}/register${locale === 'en' ? '?lang=en' : ''}`}>{t(locale, 'register')}</a>
        </li>
      </ul>
    </Layout>
  );
}
