// Helpers for the operator console's page tests (imported from tests only): a browser without
// JavaScript on the platform host, operators with a known TOTP secret, and the page checks.
import { createTotpSecret, upsertOperator } from '@motcua/auth';
import { testSlug } from '@motcua/db/testing';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateTOTP } from '@oslojs/otp';
import { expect } from 'vitest';
import { type TestApp, testDomain } from '../../testing.ts';

export const password = 'Operator-Passphrase-42';
export const codeFor = (secret: string) => generateTOTP(decodeBase32IgnorePadding(secret), 30, 6);

/** A cookie jar, form posts with the same-origin Origin header, no redirects followed. */
export function opsBrowser(t: TestApp, host = testDomain) {
  const jar = new Map<string, string>();
  const go = async (target: string, fields?: Record<string, string>) => {
    const headers = new Headers({ origin: `http://${host}`, accept: 'text/html' });
    if (jar.size) headers.set('cookie', [...jar].map(([name, value]) => `${name}=${value}`).join('; '));
    let body: string | undefined;
    if (fields) {
      headers.set('content-type', 'application/x-www-form-urlencoded');
      body = new URLSearchParams(fields).toString();
    }
    const res = await t.request(target, {
      host,
      method: fields ? 'POST' : 'GET',
      headers,
      ...(body === undefined ? {} : { body }),
    });
    for (const header of res.headers.getSetCookie()) {
      const [pair = '', ...attributes] = header.split(';').map((part) => part.trim());
      const [name = '', value = ''] = pair.split(/=(.*)/s);
      if (attributes.some((a) => /^max-age=0$/i.test(a))) jar.delete(name);
      else jar.set(name, value);
    }
    return res;
  };
  return { jar, go, post: (target: string, fields: Record<string, string>) => go(target, fields) };
}
export type OpsBrowser = ReturnType<typeof opsBrowser>;

/**
 * An operator of `role`, new for each call: a TOTP code is accepted once, so two sign-ins in
 * the same 30 seconds need two accounts.
 */
export async function addOperator(
  t: TestApp,
  role: 'owner' | 'operator' | 'billing' | 'support',
  { enrolled = true } = {},
) {
  const email = `${role}-${testSlug('op')}@vendor.vn`;
  const secret = createTotpSecret();
  await upsertOperator(t.deps.database, {
    email,
    fullName: `Vận hành ${role}`,
    role,
    password,
    ...(enrolled ? { totpSecret: secret } : {}),
  });
  return { email, secret };
}

/** An operator of `role` signed in through the pages, both steps. */
export async function signedInOperator(t: TestApp, role: Parameters<typeof addOperator>[1] = 'owner') {
  const { email, secret } = await addOperator(t, role);
  const b = opsBrowser(t);
  const first = await b.post('/ops/sign-in', { email, password });
  expect(first.headers.get('location')).toBe('/ops/sign-in/totp');
  const second = await b.post('/ops/sign-in/totp', { code: codeFor(secret) });
  expect(second.headers.get('location')).toBe('/ops');
  return b;
}

/**
 * What every page must be: its language, no inline script or style (scripts only from a file),
 * a label for each control, headings in order, header cells with a scope, under 60 KB.
 */
export function expectAccessiblePage(html: string, lang: 'vi' | 'en') {
  expect(html).toContain(`<html lang="${lang}">`);
  expect(html).not.toMatch(/\sstyle=|\son[a-z]+=/i);
  for (const script of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) {
    expect(script[0]).toMatch(/\ssrc="\/ops\/progress\.js"/);
    expect(script[1]).toBe('');
  }
  expect(new TextEncoder().encode(html).length).toBeLessThan(60_000);
  const controls = [...html.matchAll(/<(?:input|select|textarea)\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((control) => !/type="hidden"/.test(control));
  for (const control of controls) {
    const id = /\sid="([^"]+)"/.exec(control)?.[1];
    expect(id, control).toBeTruthy();
    expect(html).toMatch(new RegExp(`<label for="${id}"[ >]`));
  }
  const headings = [...html.matchAll(/<h([1-6])/g)].map((m) => Number(m[1]));
  expect(headings[0]).toBe(1);
  for (const [i, level] of headings.entries()) {
    if (i > 0) expect(level - (headings[i - 1] ?? 1)).toBeLessThanOrEqual(1);
  }
  for (const th of html.matchAll(/<th\b[^>]*>/g)) expect(th[0]).toMatch(/scope="(col|row)"/);
}

/** Each link of the error summary points at a control on the page, which names the message. */
export function expectErrorSummaryLinks(html: string, fields: string[]) {
  expect(html).toContain('class="error-summary"');
  for (const field of fields) {
    expect(html, field).toMatch(new RegExp(`<a href="#${field}(-[a-z]+)?">`));
    if (html.includes(`id="${field}-error"`)) {
      expect(html).toMatch(new RegExp(`aria-describedby="[^"]*${field}-error`));
    }
  }
}

type StreamEvent = { event: string; data: Record<string, string> };

function parseEvent(block: string): StreamEvent {
  const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
  const data = [...block.matchAll(/^data: (.*)$/gm)].map((m) => m[1]).join('\n');
  return { event, data: JSON.parse(data) as Record<string, string> };
}

/** A server-sent event stream read to its end, each event passed to `seen` as it arrives. */
export async function readEvents(res: Response, seen: (event: StreamEvent) => void = () => {}) {
  const events: StreamEvent[] = [];
  const reader = (res.body ?? new ReadableStream()).pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffered += value;
    const blocks = buffered.split('\n\n');
    buffered = blocks.pop() ?? '';
    for (const block of blocks.filter(Boolean)) {
      const event = parseEvent(block);
      events.push(event);
      seen(event);
    }
  }
  if (buffered.trim()) events.push(parseEvent(buffered));
  return events;
}
