// `/assets/theme.css`: the agency's colours over the one stylesheet (the base stylesheet holds
// the platform's). Served before tenant resolution so that every page — an unknown agency's
// 404 included — gets a stylesheet: the default theme when there is no agency to theme.
import { defaultTheme, getTheme, themeCss } from '@motcua/engine';
import type { Context } from 'hono';
import type { AppEnv } from '../../context.ts';
import { notModified } from './revalidate.ts';

export async function themeStylesheet(c: Context<AppEnv>) {
  const { tenants, database } = c.get('deps');
  const tenant = c.env.tenantSlug
    ? await tenants.bySlug(c.env.tenantSlug)
    : c.env.tenantDomain
      ? await tenants.byDomain(c.env.tenantDomain)
      : undefined;
  const live = tenant && (tenant.status === 'active' || tenant.status === 'suspended');
  const theme = live ? await getTheme({ database, slug: tenant.slug }) : defaultTheme;
  const css = themeCss(theme);
  return notModified(c, css) ?? c.body(css, 200, { 'Content-Type': 'text/css; charset=utf-8' });
}
