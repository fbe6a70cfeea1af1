// Text that the database cannot take never reaches a route: a NUL character (PostgreSQL's text
// and jsonb refuse it), a lone surrogate (it has no UTF-8 form, and jsonb refuses its escape), or
// percent-encoding that decodes to no text at all. Checked once for every request — the path,
// the query, a JSON body and a form's fields and file names — and refused with 400 naming the
// field, so that a route whose schema forgets a string cannot turn it into a 500.
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { matchedRoutes } from 'hono/route';
import type { AppEnv } from '../context.ts';
import { renderError } from '../errors.tsx';
import { isJson } from './body-limit.ts';

/** Why `text` cannot be stored or compared as text, or undefined when it can. */
export function textProblem(text: string): string | undefined {
  if (text.includes('\0')) return 'contains a NUL character';
  if (!text.isWellFormed()) return 'is not well-formed Unicode (a lone surrogate)';
  return undefined;
}

export interface TextIssue {
  path: string;
  message: string;
}

/** The first key or string in `value` (parsed JSON or a form) that has a problem, with its path. */
export function findBadText(value: unknown, path: readonly (string | number)[] = []): TextIssue | undefined {
  const at = (rest: readonly (string | number)[]) => rest.join('.');
  if (typeof value === 'string') {
    const problem = textProblem(value);
    return problem ? { path: at(path), message: problem } : undefined;
  }
  if (value instanceof File) {
    const problem = textProblem(value.name);
    return problem ? { path: at(path), message: `has a file name that ${problem}` } : undefined;
  }
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const issue = findBadText(item, [...path, index]);
      if (issue) return issue;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const problem = textProblem(key);
      if (problem) return { path: at([...path, key]), message: `has a name that ${problem}` };
      const issue = findBadText(item, [...path, key]);
      if (issue) return issue;
    }
  }
  return undefined;
}

function decoded(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

/** The route's name for path segment `index` (`code` in /api/procedures/:code), else "path". */
function segmentName(c: Context<AppEnv>, index: number): string {
  // The handler's own route, not a folder's middleware (`ALL /*`) matched after it.
  const handler = matchedRoutes(c).findLast((route) => route.method !== 'ALL');
  const pattern = handler?.path.split('/') ?? [];
  return /^:(\w+)/.exec(pattern[index] ?? '')?.[1] ?? 'path';
}

function urlIssue(c: Context<AppEnv>): TextIssue | undefined {
  const url = new URL(c.req.url);
  for (const [index, segment] of url.pathname.split('/').entries()) {
    const text = decoded(segment);
    const problem = text === undefined ? 'is not valid percent-encoded UTF-8' : textProblem(text);
    if (problem) return { path: segmentName(c, index), message: problem };
  }
  for (const pair of url.search.slice(1).split('&')) {
    if (!pair) continue;
    const [rawName = '', ...rest] = pair.replaceAll('+', ' ').split('=');
    const name = decoded(rawName);
    const value = decoded(rest.join('='));
    const field = name !== undefined && !textProblem(name) ? name : 'query';
    const problem =
      name === undefined || value === undefined
        ? 'is not valid percent-encoded UTF-8'
        : (textProblem(name) ?? textProblem(value));
    if (problem) return { path: field, message: problem };
  }
  return undefined;
}

function refuse(c: Context<AppEnv>, issue: TextIssue) {
  return renderError(c, 400, {
    error: {
      code: 'invalid_input',
      message: `The request is not valid: ${issue.path || 'the body'} ${issue.message}.`,
      details: [issue],
    },
  });
}

/** The path and the query, for every request, before any route sees them. */
export function refuseMalformedUrl() {
  return createMiddleware<AppEnv>(async (c, next) => {
    const issue = urlIssue(c);
    return issue ? refuse(c, issue) : next();
  });
}

const formTypes = new Set(['multipart/form-data', 'application/x-www-form-urlencoded']);

/**
 * A JSON body or a form, once `limitBodies` has read it. The parse is kept by the request
 * (Hono caches a request's body), so the route does not parse it again.
 */
export function refuseMalformedBody() {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (!c.req.raw.body) return next();
    const type = c.req.header('content-type');
    let issue: TextIssue | undefined;
    if (isJson(type)) {
      // Not JSON at all: the route's own validation says so.
      const parsed = await c.req.json().catch(() => undefined);
      issue = findBadText(parsed);
    } else if (formTypes.has(type?.split(';')[0]?.trim().toLowerCase() ?? '')) {
      const form = await c.req.parseBody({ all: true }).catch(() => undefined);
      if (!form) return refuse(c, { path: '', message: 'is not a form that can be read' });
      issue = findBadText(form);
    }
    return issue ? refuse(c, issue) : next();
  });
}
