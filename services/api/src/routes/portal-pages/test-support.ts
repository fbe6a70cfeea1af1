// Helpers for this folder's page tests (imported from tests only): people with sessions, a
// request as a browser without JavaScript sends it, and the checks every page must pass.
import { expect } from 'vitest';
import { type TestApp, testDomain } from '../../testing.ts';

export interface Who {
  cookie: string;
  id: string;
}

export const hostOf = (slug: string) => `${slug}.${testDomain}`;

/** A page request: HTML accepted, the session if any, a form posted the way a browser posts it. */
export function visit(
  t: TestApp,
  slug: string,
  who: Who | undefined,
  path: string,
  form?: Record<string, string>,
) {
  const host = hostOf(slug);
  return t.request(path, {
    host,
    method: form ? 'POST' : 'GET',
    headers: {
      accept: 'text/html',
      origin: `http://${host}`,
      ...(who ? { cookie: who.cookie } : {}),
      ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
    },
    ...(form ? { body: new URLSearchParams(form).toString() } : {}),
  });
}

/** The JSON API as the same person: how the tests check what a page changed. */
export function callApi(t: TestApp, slug: string, who: Who | undefined, path: string, body?: unknown) {
  const host = hostOf(slug);
  return t.request(path, {
    host,
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      origin: `http://${host}`,
      ...(who ? { cookie: who.cookie } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/**
 * The checks of WCAG 2.2 AA a server can make on its HTML: the language, labels for every
 * input and text area, headings in order, error-summary links to fields that exist and say
 * what is wrong, no inline script or style (the CSP forbids them), and the page budget.
 */
export function expectAccessiblePage(html: string, lang: 'vi' | 'en') {
  expect(html).toContain(`<html lang="${lang}">`);
  expect(html).not.toMatch(/<script|\sstyle=|\son[a-z]+=/i);
  expect(new TextEncoder().encode(html).length).toBeLessThan(60_000);
  const controls = [...html.matchAll(/<(input|textarea|select)\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => !/type="hidden"/.test(tag));
  for (const control of controls) {
    const id = /\sid="([^"]+)"/.exec(control)?.[1];
    expect(id, control).toBeTruthy();
    expect(html, control).toContain(`<label for="${id}">`);
  }
  const headings = [...html.matchAll(/<h([1-6])/g)].map((m) => Number(m[1]));
  expect(headings[0]).toBe(1);
  for (const [i, level] of headings.entries()) {
    if (i > 0) expect(level - (headings[i - 1] ?? 1)).toBeLessThanOrEqual(1);
  }
  const summary = /<div class="error-summary"[\s\S]*?<\/div>/.exec(html)?.[0] ?? '';
  for (const [, anchor] of summary.matchAll(/href="#([^"]+)"/g)) {
    expect(html, `summary link #${anchor}`).toContain(`id="${anchor}"`);
  }
  // Every field message is tied to its field, and every field link has its message.
  const messages = [...html.matchAll(/<p id="([^"]+)" class="error-message">/g)].map((m) => m[1]);
  expect(messages.length).toBe([...summary.matchAll(/href="#/g)].length);
  for (const id of messages) expect(html).toMatch(new RegExp(`aria-describedby="[^"]*\\b${id}\\b`));
}

/** The text of a page without its tags, for reading what a person sees. */
export const textOf = (html: string) =>
  html
    .replaceAll(/<[^>]+>/g, ' ')
    .replaceAll('&amp;', '&')
    .replaceAll(/\s+/g, ' ');
