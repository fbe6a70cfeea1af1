/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The platform's landing page: where citizens, agency staff and operators go from here.
import { t } from '../shared/i18n.ts';
import { Layout } from '../shared/layout.tsx';
import type { PageBase } from '../shared/message-page.tsx';

interface LandingProps extends PageBase {
  tenants: { name: string; url: string }[];
}

export function PlatformLanding({ locale, path, tenants }: LandingProps) {
  const siteName = t(locale, 'platformName');
  return (
    <Layout locale={locale} title={t(locale, 'landingTitle')} siteName={siteName} path={path}>
      <h1>{t(locale, 'landingTitle')}</h1>
      <p>{t(locale, 'landingIntro')}</p>
      <h2>{t(locale, 'landingCitizens')}</h2>
      <p>{t(locale, 'landingCitizensBody')}</p>
      {tenants.length ? (
        <ul class="links">
          {tenants.map((tenant) => (
            <li>
              <a href={tenant.url}>{tenant.name}</a>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t(locale, 'noTenants')}</p>
      )}
      <h2>{t(locale, 'landingStaff')}</h2>
      <p>{t(locale, 'landingStaffBody')}</p>
      <h2>{t(locale, 'landingOperators')}</h2>
      <p>
        {t(locale, 'landingOperatorsBody')} <a href="/docs">/docs</a>.
      </p>
      <p>
        <a class="button" href={locale === 'en' ? '/ops/sign-in?lang=en' : '/ops/sign-in'}>
          {t(locale, 'landingOperatorsSignIn')}
        </a>
      </p>
    </Layout>
  );
}
