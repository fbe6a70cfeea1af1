/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// Pages of the foundation: the platform landing page, a tenant portal's front page, and the
// page shown for errors and notices.
import { type Locale, t } from './i18n.ts';
import { Layout } from './layout.tsx';

interface PageBase {
  locale: Locale;
  path: string;
  basePath?: string;
}

export interface MessagePageProps extends PageBase {
  siteName: string;
  title: string;
  body: string;
  /** Shown after the body, e.g. a request id. */
  detail?: string;
  links?: { href: string; label: string }[];
}

export function MessagePage({
  locale,
  path,
  basePath,
  siteName,
  title,
  body,
  detail,
  links,
}: MessagePageProps) {
  return (
    <Layout locale={locale} title={title} siteName={siteName} path={path} basePath={basePath ?? ''}>
      <h1>{title}</h1>
      <p>
        {body}
        {detail ? (
          <>
            {' '}
            <code>{detail}</code>
          </>
        ) : null}
      </p>
      {links?.length ? (
        <ul class="links">
          {links.map((link) => (
            <li>
              <a href={link.href}>{link.label}</a>
            </li>
          ))}
        </ul>
      ) : null}
    </Layout>
  );
}

export interface PortalHomeProps extends PageBase {
  tenantName: string;
  suspended: boolean;
}

export function PortalHome({ locale, path, basePath = '', tenantName, suspended }: PortalHomeProps) {
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

export interface LandingProps extends PageBase {
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
