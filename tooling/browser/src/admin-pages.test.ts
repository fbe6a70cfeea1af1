// The agency admin's own pages in Chromium, signed in with a password and an authenticator:
// the procedure editor (a new procedure built part by part, previewed, published as version 1
// and then on the portal), an invalid form whose error summary leads to the field, and the
// settings (calendar on a phone, branding with a contrast refusal and a logo, units). The
// procedure's creation and a settings form once more with the keyboard alone. Each test signs
// in an admin of its own in a fresh window and builds on no other.
import { authenticator } from '@motcua/testing/totp';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  backgroundOf,
  chooseByArrows,
  contentTypeOf,
  imageShown,
  press,
  signInAdmin,
  signInAdminByKeyboard,
  tinyPng,
} from './flows.ts';
import { chromiumReady, leadsToNewPage, shown, useBrowserSuite } from './harness.ts';
import { focusedId, tabTo, typeInto } from './keyboard.ts';
import { type Agency, addStaffMember, provisionAgency, type StaffMember } from './seed.ts';

const code = '2.000999';
const name = 'Cấp giấy phép đủ điều kiện kinh doanh dịch vụ karaoke';

/** A Monday in June of next year: a working day the national calendar leaves alone. */
function nextJuneMonday(now = new Date()): string {
  const day = new Date(Date.UTC(now.getUTCFullYear() + 1, 5, 1));
  while (day.getUTCDay() !== 1) day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

describe.skipIf(!chromiumReady())('the agency admin’s pages in Chromium', () => {
  const suite = useBrowserSuite('admin-pages');
  let agency: Agency;
  beforeAll(async () => {
    agency = await provisionAgency(suite.app.deps, 'UBND tỉnh Quản Trị');
  });

  /**
   * An admin of the agency with their own authenticator. One per window: the server takes one
   * code per 30-second step and one step of drift, so a third sign-in of the same person within
   * a step would have to wait for the clock.
   */
  async function newAdmin(): Promise<{ admin: StaffMember; app: ReturnType<typeof authenticator> }> {
    const admin = await addStaffMember(suite.app.deps, agency, 'admin');
    return { admin, app: authenticator(admin.totpSecret ?? '') };
  }

  const path = (page: Page) => new URL(page.url()).pathname;
  const at = (rest = '') => `/t/${agency.slug}/console/procedures/${code}${rest}`;

  /** A signed-in admin's window, on the console's front page. */
  async function adminWindow(device: 'phone' | 'desktop' = 'desktop'): Promise<Page> {
    const page = await suite.open(device);
    const { admin, app } = await newAdmin();
    await signInAdmin(suite, page, agency, admin, app);
    await page.goto(suite.tenantUrl(agency.slug, '/console'));
    return page;
  }

  /** Follows a link or presses a button, then checks the page it leads to. */
  async function go(page: Page, selector: string, check: string) {
    await leadsToNewPage(page, () => page.locator(selector).click());
    await suite.check(page, check);
  }

  /** Opens one part's page from the overview, fills it with `fill`, saves; back on the overview. */
  async function editPart(page: Page, part: string, fill: () => Promise<void>) {
    await go(page, `#edit-${part}`, `procedure: ${part}`);
    await fill();
    await go(page, 'main form.pe-form button[type="submit"]', `procedure overview: ${part} saved`);
    expect(await page.locator('.error-summary').count(), `${part} saved`).toBe(0);
    expect(page.url()).toBe(suite.tenantUrl(agency.slug, `/console/procedures/${code}?done=saved`));
  }

  it('builds a procedure part by part, previews it and publishes version 1, which the portal shows', async () => {
    const page = await adminWindow();
    await suite.check(page, 'console home');
    await go(page, 'main a[href$="/console/procedures"]', 'procedures list');
    await page.locator('#code').fill(code);
    await page.locator('#name-vi').fill(name);
    await go(page, '#new-procedure-form-save', 'procedure overview: new draft');
    expect(path(page)).toBe(at());
    expect(await shown(page.locator('.pe-problems'))).toContain('Thông tin chung');
    expect(await page.locator('#publish').count()).toBe(0);

    await editPart(page, 'general', async () => {
      await page.locator('#name-en').fill('Licence for a karaoke business');
      await page.locator('#description-vi').fill('Cấp giấy phép cho cơ sở kinh doanh dịch vụ karaoke.');
      await page.locator('#description-en').fill('A licence for a karaoke business.');
      await page.locator('#sector').fill('Văn hóa');
      await page.locator('#competent-unit').fill('SVHTTDL');
      await page.locator('#audience').selectOption('both');
      await page.locator('#online-level').selectOption('full');
      await page.locator('#legal-document-0').fill('Nghị định 54/2019/NĐ-CP');
      await page.locator('#legal-title-0').fill('Quy định về kinh doanh dịch vụ karaoke, vũ trường');
    });
    await editPart(page, 'time', async () => {
      await page.locator('#time-value').fill('5');
      await page.locator('#time-unit').selectOption('working_days');
    });
    await editPart(page, 'fees', async () => {
      await page.locator('#fee-name-vi-0').fill('Phí thẩm định');
      await page.locator('#fee-name-en-0').fill('Appraisal fee');
      await page.locator('#fee-amount-0').fill('4.000.000');
    });
    await editPart(page, 'steps', async () => {
      for (const [row, vi, en, role, hours] of [
        [0, 'Thẩm định hồ sơ', 'Appraisal', 'specialist', '24'],
        [1, 'Phê duyệt', 'Approval', 'approver', '8'],
      ] as const) {
        await page.locator(`#step-name-vi-${row}`).fill(vi);
        await page.locator(`#step-name-en-${row}`).fill(en);
        await page.locator(`#step-role-${row}`).selectOption(role);
        await page.locator(`#step-hours-${row}`).fill(hours);
      }
    });

    await go(page, '#edit-documents', 'procedure: papers');
    await go(page, '#add-document', 'procedure: add a paper');
    await page.locator('#document-name-vi').fill('Giấy chứng nhận đủ điều kiện phòng cháy');
    await page.locator('#document-name-en').fill('Fire safety certificate');
    await page.locator('#document-required').check();
    await page.locator('#originals').fill('0');
    await page.locator('#copies').fill('1');
    await page.locator('#accepted-pdf').check();
    await page.locator('#max-size-mb').fill('5');
    await go(page, '#document-form-save', 'procedure: papers after adding');
    expect(await shown(page.locator('main table'))).toContain('Giấy chứng nhận đủ điều kiện phòng cháy');

    await page.goto(suite.tenantUrl(agency.slug, `/console/procedures/${code}/fields`));
    await suite.check(page, 'procedure: form fields (none)');
    await go(page, '#add-field', 'procedure: add a field');
    await page.locator('#label-vi').fill('Tên cơ sở kinh doanh');
    await page.locator('#label-en').fill('Business name');
    await page.locator('#field-type').selectOption('text');
    await page.locator('#field-key').fill('ten_co_so');
    await page.locator('#required').check();
    await go(page, '#field-form-save', 'procedure: form fields (one)');
    await go(page, '#add-field', 'procedure: add a second field');
    await page.locator('#label-vi').fill('Số phòng hát');
    await page.locator('#label-en').fill('Number of rooms');
    await page.locator('#field-type').selectOption('select');
    await page.locator('#field-key').fill('so_phong');
    await page
      .locator('#options')
      .fill('1-5 | Từ 1 đến 5 phòng | 1 to 5 rooms\n6+ | Từ 6 phòng trở lên | 6 or more');
    // Shown only once the business name has an answer: the condition with no value.
    await page.locator('#condition-field').selectOption('ten_co_so');
    await go(page, '#field-form-save', 'procedure: form fields');
    expect(path(page)).toBe(at('/fields'));
    const fields = await shown(page.locator('main table tbody'));
    expect(fields).toMatch(/Tên cơ sở kinh doanh\s+ten_co_so\s+Văn bản ngắn\s+Có/);
    expect(fields).toMatch(
      /Số phòng hát\s+so_phong\s+Danh sách chọn\s+Có\s+“Tên cơ sở kinh doanh” đã được trả lời/,
    );

    await page.goto(suite.tenantUrl(agency.slug, `/console/procedures/${code}`));
    await suite.check(page, 'procedure overview: complete');
    expect(await page.locator('.pe-problems').count(), 'no problem left').toBe(0);
    await go(page, '#preview-link', 'procedure preview');
    expect(await page.locator('#preview-banner').isVisible()).toBe(true);
    expect(await page.locator('#f-ten_co_so').getAttribute('type')).toBe('text');
    expect(await page.locator('#f-so_phong option').allInnerTexts()).toEqual(
      expect.arrayContaining(['Từ 1 đến 5 phòng', 'Từ 6 phòng trở lên']),
    );
    expect(await shown(page.locator('main'))).toContain('Chỉ hiện khi: “Tên cơ sở kinh doanh”');
    expect(await page.locator('main form').count(), 'nothing to submit in a preview').toBe(0);

    await go(page, `main a[href$="/console/procedures/${code}"]`, 'procedure overview: after preview');
    await go(page, '#publish', 'procedure overview: published');
    expect(page.url()).toBe(suite.tenantUrl(agency.slug, `/console/procedures/${code}?published=1`));
    expect(await shown(page.locator('main'))).toContain('Đã công bố phiên bản 1.');

    // A citizen on a phone, signed out, reads it on the agency's portal.
    const citizen = await suite.open('phone');
    await citizen.goto(suite.tenantUrl(agency.slug, `/procedures/${code}`));
    await suite.check(citizen, 'portal: the new procedure (phone)');
    expect(await shown(citizen.locator('h1'))).toBe(name);
    const facts = await shown(citizen.locator('dl.procedure-facts'));
    expect(facts).toContain(code);
    expect(facts).toContain('4.000.000');
    expect(facts).toMatch(/5 ngày làm việc/);
    expect(await shown(citizen.locator('main'))).toContain('Giấy chứng nhận đủ điều kiện phòng cháy');
  });

  it('an invalid form comes back with its error summary, whose link puts the focus on the field', async () => {
    const page = await adminWindow();
    await page.goto(suite.tenantUrl(agency.slug, '/console/procedures'));
    await page.locator('#code').fill('2-000');
    await go(page, '#new-procedure-form-save', 'procedures list: errors');
    expect(
      await page.locator('.error-summary a').evaluateAll((a) => a.map((l) => l.getAttribute('href'))),
    ).toEqual(['#code', '#name-vi']);
    await page.locator('.error-summary a[href="#name-vi"]').click();
    expect(await focusedId(page)).toBe('name-vi');
    expect(await page.locator('#name-vi').getAttribute('aria-describedby')).toContain('name-vi-error');
    expect(await page.locator('#code').inputValue(), 'what was typed is kept').toBe('2-000');
  });

  it('calendar, on a phone: adds a day off and removes it', async () => {
    const page = await adminWindow('phone');
    const day = nextJuneMonday();
    const [y, m, d] = day.split('-');
    const dayShown = `${d}/${m}/${y}`;
    await go(page, 'main a[href$="/console/calendar"]', 'calendar (phone)');
    await page.locator('#date').fill(day);
    await page.locator('#kind-off').check();
    await page.locator('#name').fill('Nghỉ bù ngày thành lập tỉnh');
    await go(page, '#calendar-add-button', 'calendar: day off added (phone)');
    expect(await shown(page.locator('#notice'))).toContain(`Đã lưu ngày ${dayShown}`);
    expect(await shown(page.locator(`#day-${day}`))).toMatch(
      new RegExp(`${dayShown}[\\s\\S]*Nghỉ bù ngày thành lập tỉnh`),
    );
    await go(page, `#remove-${day}`, 'calendar: day off removed (phone)');
    expect(await shown(page.locator('#notice'))).toContain(`Đã xoá ngày ${dayShown}`);
    expect(await page.locator(`#day-${day}`).count()).toBe(0);
  });

  it('branding: refuses a pair with too little contrast, saves a readable one, takes a PNG logo', async () => {
    const page = await adminWindow();
    await go(page, 'main a[href$="/console/branding"]', 'branding');
    // #777777 under white text: (1.05)/(0.1845 + 0.05) = 4.478…, shown rounded down.
    await page.locator('#primaryColor').fill('#777777');
    await page.locator('#textOnPrimary').fill('#ffffff');
    await go(page, '#save-colours', 'branding: contrast refused');
    expect(await shown(page.locator('.error-summary'))).toContain('độ tương phản chỉ 4,47:1');
    expect(await page.locator('.error-summary a').getAttribute('href')).toBe('#textOnPrimary');
    expect(await page.locator('#textOnPrimary').getAttribute('aria-invalid')).toBe('true');
    expect(await shown(page.locator('#contrast')), 'the stored pair is unchanged').not.toBe('4,47:1');

    // #14532d under white: 9.11:1.
    await page.locator('#primaryColor').fill('#14532d');
    await go(page, '#save-colours', 'branding: colours saved');
    expect(await shown(page.locator('#notice'))).toContain('Đã lưu màu sắc.');
    expect(await shown(page.locator('#contrast'))).toBe('9,11:1');
    expect(await backgroundOf(page, '#brand-sample')).toBe('rgb(20, 83, 45)');

    await page
      .locator('#logo')
      .setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: tinyPng(3, 2) });
    await go(page, '#upload-logo', 'branding: logo uploaded');
    expect(await shown(page.locator('#notice'))).toContain('Đã lưu biểu trưng.');
    expect(await imageShown(page, '#current-logo')).toMatchObject({ complete: true, w: 3, h: 2 });

    // A newcomer's first page carries the agency's colours and logo in its header.
    const header = 'header.site-header';
    const logo = `${header} img.brand-logo`;
    const newcomer = await suite.open('desktop');
    await newcomer.goto(suite.tenantUrl(agency.slug, '/'));
    await suite.check(newcomer, 'portal home: a newcomer after the branding');
    expect(await backgroundOf(newcomer, header)).toBe('rgb(20, 83, 45)');
    const seen = await imageShown(newcomer, logo);
    expect(seen.src).toBe(suite.tenantUrl(agency.slug, '/assets/logo'));
    expect(await contentTypeOf(newcomer, seen.src)).toBe('image/png');
    expect(seen).toMatchObject({ complete: true, w: 3, h: 2 });

    // So should the admin's own next page, in the window they changed them from.
    await page.goto(suite.tenantUrl(agency.slug, '/'));
    await suite.check(page, 'portal home: the admin after the branding');
    const own = await imageShown(page, logo);
    expect.soft(await backgroundOf(page, header), "the admin's header: colour").toBe('rgb(20, 83, 45)');
    expect.soft(await contentTypeOf(page, own.src), "the admin's header: logo type").toBe('image/png');
    expect.soft(own, "the admin's header: logo size").toMatchObject({ complete: true, w: 3, h: 2 });
    // The server has the new logo for this window too: what it shows comes from its cache.
    expect(await contentTypeOf(page, own.src, true), 'the logo the server sends').toBe('image/png');
  });

  it('units: creates a unit, renames it and closes it', async () => {
    const page = await adminWindow();
    await go(page, 'main a[href$="/console/units"]', 'units');
    await page.locator('#code').fill('PVH-KD');
    await page.locator('#name').fill('Phòng Quản lý kinh doanh');
    await page.locator('#kind').selectOption('department');
    await go(page, '#create-unit', 'units: created');
    expect(await shown(page.locator('#notice'))).toContain('Đã thêm đơn vị: Phòng Quản lý kinh doanh');
    const row = page.locator('#units-table tbody tr', { has: page.locator('code', { hasText: 'PVH-KD' }) });
    const id = ((await row.getAttribute('id')) ?? '').replace(/^unit-/, '');
    expect(id).not.toBe('');

    await page.locator(`#rename-${id}`).fill('Phòng Quản lý dịch vụ văn hóa');
    await go(page, `#rename-button-${id}`, 'units: renamed');
    expect(await shown(page.locator('#notice'))).toContain('Đã đổi tên đơn vị.');
    expect(await shown(page.locator(`#unit-${id} th`))).toBe('Phòng Quản lý dịch vụ văn hóa');

    await go(page, `#close-button-${id}`, 'units: closed');
    expect(await shown(page.locator('#notice'))).toContain('Đã đóng đơn vị.');
    expect(await page.locator(`#close-button-${id}`).count(), 'no second closing').toBe(0);
    expect(await shown(page.locator(`#unit-${id} .unit-status`))).toMatch(/\d{2}\/\d{2}\/\d{4}/);
  });

  it('keyboard only: creates a procedure, sets its processing time, and creates a unit', async () => {
    const page = await suite.open('desktop');
    const { admin, app } = await newAdmin();
    await signInAdminByKeyboard(suite, page, agency, admin, app);
    // The account page staff land on has no link to the console: its address is typed.
    await page.goto(suite.tenantUrl(agency.slug, '/console'));
    await tabTo(page, 'main a[href$="/console/procedures"]', 80);
    await press(page, 'Enter');
    await tabTo(page, '#code', 200);
    await page.keyboard.type('2.000998');
    await typeInto(page, '#name-vi', 'Cấp giấy phép tổ chức lễ hội');
    await tabTo(page, '#new-procedure-form-save');
    await press(page, 'Enter');
    expect(path(page)).toBe(`/t/${agency.slug}/console/procedures/2.000998`);
    await suite.check(page, 'keyboard: procedure created');

    await tabTo(page, '#edit-time', 80);
    await press(page, 'Enter');
    await typeInto(page, '#time-value', '7');
    await tabTo(page, '#time-unit');
    expect(await chooseByArrows(page, '#time-unit', 'calendar_days'), 'arrow presses').toBeGreaterThan(0);
    await tabTo(page, '#time-form-save');
    await press(page, 'Enter');
    expect(await shown(page.locator('section[aria-labelledby="part-time"] p'))).toBe('7 ngày');
    await suite.check(page, 'keyboard: processing time saved');

    await page.goto(suite.tenantUrl(agency.slug, '/console'));
    await tabTo(page, 'main a[href$="/console/units"]', 80);
    await press(page, 'Enter');
    await tabTo(page, '#code', 300);
    await page.keyboard.type('XA-PT');
    await typeInto(page, '#name', 'UBND xã Phím Tắt');
    await tabTo(page, '#kind');
    await chooseByArrows(page, '#kind', 'commune');
    await tabTo(page, '#create-unit');
    await press(page, 'Enter');
    expect(await shown(page.locator('#notice'))).toContain('UBND xã Phím Tắt');
    await suite.check(page, 'keyboard: unit created');
  });
});
