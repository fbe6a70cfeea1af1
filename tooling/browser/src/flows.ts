// Steps several scenarios share: signing in (with the mouse, or with the keyboard alone; an
// admin with their authenticator's code too), filing the starter catalog's judicial record
// request through the portal form, taking an action on the console's dossier page, choosing in a
// list with the arrow keys, and reading what a page got: a download, an image, a colour.

import { crc32, deflateSync } from 'node:zlib';
import type { authenticator } from '@motcua/testing/totp';
import type { Download, Page } from 'playwright-core';
import { expect } from 'vitest';
import { type BrowserSuite, leadsToNewPage, shown } from './harness.ts';
import { tabTo, typeInto } from './keyboard.ts';
import type { Agency, Citizen, StaffMember } from './seed.ts';

/** The smallest file the engine takes for a PDF: it reads the type from the first bytes. */
export const signedResult = Buffer.from('%PDF-1.7\n% Phiếu lý lịch tư pháp số 2\ntrailer <<>>\n%%EOF\n');

/**
 * A real PNG of `width`×`height` opaque pixels in the agency's green, made here rather than kept
 * as a file: signature, IHDR, one IDAT (each row a filter byte then RGBA), IEND; each chunk
 * with its CRC-32 (PNG specification, section 5).
 */
export function tinyPng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.byteLength);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits per channel, RGBA, deflate, no filter, no interlace
  const rows = Array.from({ length: height }, () =>
    Buffer.concat([Buffer.from([0]), ...Array.from({ length: width }, () => Buffer.from([20, 83, 45, 255]))]),
  );
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A person with a password: a citizen or a member of staff. */
type Person = Pick<Citizen, 'email' | 'password'>;

/** Presses `key` and waits for the page it leads to. */
export const press = (page: Page, key: string) => leadsToNewPage(page, () => page.keyboard.press(key));

/** Signs in on the agency's sign-in page with the mouse; lands on the account page. */
export async function signIn(suite: BrowserSuite, page: Page, agency: Agency, person: Person) {
  await page.goto(suite.tenantUrl(agency.slug, '/sign-in'));
  await page.locator('#email').fill(person.email);
  await page.locator('#password').fill(person.password);
  await leadsToNewPage(page, () => page.getByRole('button', { name: 'Đăng nhập', exact: true }).click());
  expect(new URL(page.url()).pathname).toBe(`/t/${agency.slug}/account`);
}

/** A signed-in member of staff's own desktop window. */
export async function staffPage(suite: BrowserSuite, agency: Agency, member: StaffMember): Promise<Page> {
  const page = await suite.open('desktop');
  await signIn(suite, page, agency, member);
  return page;
}

/** The same sign-in, typed: Tab to each field, Enter to send. */
export async function signInByKeyboard(suite: BrowserSuite, page: Page, agency: Agency, person: Person) {
  await page.goto(suite.tenantUrl(agency.slug, '/sign-in'));
  await typeInto(page, '#email', person.email);
  await typeInto(page, '#password', person.password);
  await press(page, 'Enter');
  expect(new URL(page.url()).pathname).toBe(`/t/${agency.slug}/account`);
}

/**
 * An agency admin through both steps of the sign-in (password, then the code of their
 * authenticator); lands on the account page. `app` is the admin's one authenticator: the
 * server refuses a code it has already accepted.
 */
export async function signInAdmin(
  suite: BrowserSuite,
  page: Page,
  agency: Agency,
  admin: StaffMember,
  app: ReturnType<typeof authenticator>,
) {
  await page.goto(suite.tenantUrl(agency.slug, '/sign-in'));
  await page.locator('#email').fill(admin.email);
  await page.locator('#password').fill(admin.password);
  await leadsToNewPage(page, () => page.getByRole('button', { name: 'Đăng nhập', exact: true }).click());
  expect(page.url()).toBe(suite.tenantUrl(agency.slug, '/sign-in/totp'));
  await page.locator('#code').fill(app.next());
  await leadsToNewPage(page, () => page.locator('main form button[type="submit"]').click());
  expect(page.url()).toBe(suite.tenantUrl(agency.slug, '/account'));
}

/** The same two steps typed: Tab to each field, Enter to send. */
export async function signInAdminByKeyboard(
  suite: BrowserSuite,
  page: Page,
  agency: Agency,
  admin: StaffMember,
  app: ReturnType<typeof authenticator>,
) {
  await page.goto(suite.tenantUrl(agency.slug, '/sign-in'));
  await typeInto(page, '#email', admin.email);
  await typeInto(page, '#password', admin.password);
  await press(page, 'Enter');
  expect(page.url()).toBe(suite.tenantUrl(agency.slug, '/sign-in/totp'));
  await typeInto(page, '#code', app.next());
  await press(page, 'Enter');
  expect(page.url()).toBe(suite.tenantUrl(agency.slug, '/account'));
}

/**
 * An operator through both steps of the operator console's sign-in; lands on the agency list.
 * One authenticator per operator: the server refuses a code it has already accepted.
 */
export async function signInOperator(
  suite: BrowserSuite,
  page: Page,
  operator: StaffMember,
  app: ReturnType<typeof authenticator>,
) {
  await page.goto(suite.url('/ops/sign-in'));
  await page.locator('#email').fill(operator.email);
  await page.locator('#password').fill(operator.password);
  await leadsToNewPage(page, () => page.locator('#ops-sign-in-button').click());
  await page.locator('#code').fill(app.next());
  await leadsToNewPage(page, () => page.locator('main form button[type="submit"]').click());
  expect(new URL(page.url()).pathname).toBe('/ops');
}

export interface FiledDossier {
  /** The dossier's page on the portal: its path on the platform host (`/t/<slug>/dossiers/…`). */
  path: string;
  id: string;
  code: string;
  /** The tracking key printed on the receipt. */
  key: string;
}

/**
 * A signed-in citizen files the judicial record request (certificate no. 2, the standard fee,
 * so no paper to upload) and reads the receipt. The scenarios that use it are about what
 * happens next: filing itself is what dossier.test.ts and keyboard.test.ts are about.
 */
export async function fileDossier(suite: BrowserSuite, page: Page, agency: Agency, citizen: Citizen) {
  await page.goto(suite.tenantUrl(agency.slug, '/procedures/2.000488'));
  await leadsToNewPage(page, () => page.locator('#start-dossier').click());
  await page.locator('#f-certificate_type-1').check();
  await page.locator('#f-applicant_full_name').fill(citizen.fullName);
  await page.locator('#f-applicant_citizen_id').fill('048190007731');
  await page.locator('#f-applicant_birth_date').fill('1990-11-23');
  await page.locator('#f-applicant_phone').fill('0905 771 204');
  await page.locator('#f-residence_address-province').selectOption('48');
  await page.locator('#f-residence_address-commune').fill('Phường Hòa Cường');
  await page.locator('#f-residence_address-street').fill('14 Núi Thành');
  await page.locator('#f-purpose').fill('Bổ sung hồ sơ xin việc');
  await page.locator('#f-certificate_count').fill('1');
  await page.locator('#f-fee_group-0').check();
  await page.locator('#f-declaration_confirmed').check();
  await leadsToNewPage(page, () => page.locator('#continue').click());
  expect(new URL(page.url()).pathname, 'the form took the answers').toMatch(/\/review$/);
  await leadsToNewPage(page, () => page.locator('#submit-dossier').click());
  expect(new URL(page.url()).pathname).toMatch(/\/receipt$/);
  const path = new URL(page.url()).pathname.replace(/\/receipt$/, '');
  return {
    path,
    id: path.split('/').at(-1) ?? '',
    code: await shown(page.locator('#dossier-code')),
    key: await shown(page.locator('#tracking-key')),
  } satisfies FiledDossier;
}

/** The ids of the action forms the console's dossier page offers now, for messages. */
export function offeredActions(page: Page): Promise<string[]> {
  return page.locator('#actions form[id^="action-"]').evaluateAll((forms) => forms.map((form) => form.id));
}

/** Takes one of the actions the dossier page offers with the mouse; the page comes back without errors. */
export async function act(page: Page, action: string): Promise<void> {
  const button = page.locator(`#action-${action}-submit`);
  if (!(await button.count())) {
    const offered = await offeredActions(page);
    throw new Error(`"${action}" is not offered on ${page.url()}; offered: ${offered.join(', ') || 'none'}`);
  }
  await leadsToNewPage(page, () => button.click());
  expect(await page.locator('.error-summary').count(), `${action}: ${page.url()}`).toBe(0);
}

/** The same with the keyboard: Tab to the action's button, Enter. */
export async function actByKeyboard(page: Page, action: string): Promise<void> {
  const offered = await offeredActions(page);
  expect(offered, `"${action}" offered on ${page.url()}`).toContain(`action-${action}`);
  await tabTo(page, `#action-${action}-submit`, 120);
  await press(page, 'Enter');
  expect(await page.locator('.error-summary').count(), `${action}: ${page.url()}`).toBe(0);
}

export async function readDownload(download: Download): Promise<Buffer> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** What an image element shows: its address, whether it loaded, and its size in pixels. */
export function imageShown(page: Page, selector: string) {
  return page.locator(selector).evaluate((element) => {
    const image = element as unknown as {
      currentSrc: string;
      complete: boolean;
      naturalWidth: number;
      naturalHeight: number;
    };
    return { src: image.currentSrc, complete: image.complete, w: image.naturalWidth, h: image.naturalHeight };
  });
}

/**
 * Moves the focused closed list to `value` with the arrow keys, one choice per press, as a
 * person at a keyboard does; fails if the list does not follow. Returns the presses made.
 */
export async function chooseByArrows(page: Page, selector: string, value: string): Promise<number> {
  const list = page.locator(selector);
  const values = await list
    .locator('option')
    .evaluateAll((options) => options.map((o) => o.getAttribute('value') ?? ''));
  const target = values.indexOf(value);
  expect(target, `${value} among ${values.join(', ')}`).toBeGreaterThanOrEqual(0);
  const from = values.indexOf(await list.inputValue());
  const key = target > from ? 'ArrowDown' : 'ArrowUp';
  for (let i = 0; i < Math.abs(target - from); i += 1) await page.keyboard.press(key);
  expect(await list.inputValue()).toBe(value);
  return Math.abs(target - from);
}

/** The colour an element is drawn on. */
export function backgroundOf(page: Page, selector: string) {
  return page.locator(selector).evaluate((element) => {
    const { getComputedStyle } = globalThis as unknown as {
      getComputedStyle(e: unknown): { backgroundColor: string };
    };
    return getComputedStyle(element).backgroundColor;
  });
}

/**
 * The content type the page gets for `src`: by default the way its images get it, through the
 * browser's cache; with `fromServer`, from the server whatever the cache holds.
 */
export function contentTypeOf(page: Page, src: string, fromServer = false) {
  return page.evaluate(
    async ([url, cache]) => (await fetch(url, { cache })).headers.get('content-type') ?? '',
    [src, fromServer ? 'no-store' : 'default'] as const,
  );
}
