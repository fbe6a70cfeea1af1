// The tenant's public JSON API (served on the tenant host or under /t/<slug>).
import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../context.ts';
import { validationHook } from '../validation-hook.ts';
import { getTenantProfile, getTenantProfileRoute } from './get-tenant-profile.ts';

export function publicRoutes() {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
    getTenantProfileRoute,
    getTenantProfile,
  );
}
