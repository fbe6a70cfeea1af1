/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The page shown for errors and notices, on the platform's host and on every agency's site.
import { Layout, type LayoutProps } from './layout.tsx';

/** What a page outside the agency's forms is given: its language, its path and the site's base path. */
export type PageBase = Pick<LayoutProps, 'locale' | 'path' | 'basePath'>;

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
