/**
 * A PostgreSQL start-up failure whose message already says what went wrong and how to fix it:
 * the launcher prints it alone, without a stack.
 */
export class PostgresSetupError extends Error {
  override name = 'PostgresSetupError';
}
