/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// Filled in by the issue-5 work for this area.
import { Hono } from 'hono';
import type { AppEnv } from '../../context.ts';

export function consoleDossiersRoutes() {
  return new Hono<AppEnv>();
}
