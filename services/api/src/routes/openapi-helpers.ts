// Small builders for route definitions, shared by every sub-app.
import { z } from '@hono/zod-openapi';

/** A JSON response of `schema`. */
export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/** A required JSON request body of `schema`. */
export const body = <T extends z.ZodType>(schema: T) => ({
  body: { required: true, content: { 'application/json': { schema } } },
});

export const Ok = z.object({ ok: z.literal(true) }).openapi('Ok');
