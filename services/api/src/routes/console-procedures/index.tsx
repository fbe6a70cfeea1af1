/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The agency console's procedure editor pages.
import { Hono } from 'hono';
import type { AppEnv } from '../../context.ts';

export function consoleProceduresRoutes() {
  const app = new Hono<AppEnv>();
  return app;
}
