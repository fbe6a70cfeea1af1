/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The agency console's settings pages: calendar overrides, branding, units.
import { Hono } from 'hono';
import type { AppEnv } from '../../context.ts';

export function consoleSettingsRoutes() {
  const app = new Hono<AppEnv>();
  return app;
}
