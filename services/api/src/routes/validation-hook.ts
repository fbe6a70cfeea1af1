// zod failures on any route become the one error shape, as a 400 listing each problem.
import type { Hook } from '@hono/zod-openapi';
import type { AppEnv } from '../context.ts';
import { zodDetails } from '../errors.tsx';

export const validationHook: Hook<unknown, AppEnv, string, unknown> = (result, c) => {
  if (!result.success) {
    return c.json(
      {
        error: {
          code: 'invalid_input',
          message: 'The request is not valid.',
          details: zodDetails(result.error),
        },
      },
      400,
    );
  }
};
