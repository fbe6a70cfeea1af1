// A deadline for the units of work started inside a scope (the API's request timeout): past
// it, a unit still waiting for a pooled connection gives up and leaves the connection to the
// pool when it comes, and the server ends a unit's statement (statement_timeout) or its idle
// transaction (idle_in_transaction_session_timeout) shortly after, so that a request answered
// 503 does not keep a connection or locks for as long as its database work would have taken.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { ReservedSql } from 'postgres';
import type { Database } from './client.ts';

export interface Deadline {
  /** When, in ms since the epoch. */
  at: number;
  /** Aborted when the deadline passes, with a {@link DeadlineExceededError}. */
  signal: AbortSignal;
  /** False once the scope's work ended in time: what it left running in the background is not bound. */
  open: boolean;
}

/** The scope's deadline passed before its work ended. */
export class DeadlineExceededError extends Error {
  override name = 'DeadlineExceededError';
}

const scope = new AsyncLocalStorage<Deadline>();

/**
 * Runs `work` with a deadline `ms` from now, which its units of work respect; rejects with a
 * {@link DeadlineExceededError} when it passes first (the work goes on, bounded as above).
 */
export async function withDeadline<T>(ms: number, work: () => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const deadline: Deadline = { at: Date.now() + ms, signal: controller.signal, open: true };
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new DeadlineExceededError(`The work did not end within ${ms} ms.`);
      controller.abort(error);
      reject(error);
    }, ms);
  });
  const running = scope.run(deadline, work);
  try {
    return await Promise.race([running, expired]);
  } finally {
    clearTimeout(timer);
    if (!controller.signal.aborted) deadline.open = false;
    // Past the deadline nobody awaits it: its failure is expected and already answered.
    running.catch(() => {});
  }
}

export function currentDeadline(): Deadline | undefined {
  const deadline = scope.getStore();
  return deadline?.open ? deadline : undefined;
}

/** Past the deadline the server still gets this long, so that the error, not a kill, ends the work. */
const graceMs = 1000;

/** Transaction-local timeouts for a unit of work that starts now, or '' without a deadline. */
export function deadlineSettingsSql(deadline: Deadline | undefined, now = Date.now()): string {
  if (!deadline) return '';
  const ms = Math.max(1, Math.ceil(deadline.at - now)) + graceMs;
  return `, set_config('statement_timeout', '${ms}', true), set_config('idle_in_transaction_session_timeout', '${ms}', true)`;
}

const reasonOf = (deadline: Deadline) =>
  deadline.signal.reason instanceof Error
    ? deadline.signal.reason
    : new DeadlineExceededError('The deadline passed.');

/** A pooled connection, unless the deadline passes first; one that comes later goes back to the pool. */
export function reserveBefore(database: Database, deadline: Deadline | undefined): Promise<ReservedSql> {
  if (!deadline) return database.sql.reserve();
  if (deadline.signal.aborted) return Promise.reject(reasonOf(deadline));
  return new Promise((resolve, reject) => {
    let settled = false;
    const onAbort = () => {
      if (settled) return;
      settled = true;
      reject(reasonOf(deadline));
    };
    deadline.signal.addEventListener('abort', onAbort, { once: true });
    database.sql.reserve().then(
      (connection) => {
        deadline.signal.removeEventListener('abort', onAbort);
        if (settled) return connection.release();
        settled = true;
        resolve(connection);
      },
      (error: unknown) => {
        deadline.signal.removeEventListener('abort', onAbort);
        if (settled) return;
        settled = true;
        reject(error);
      },
    );
  });
}
