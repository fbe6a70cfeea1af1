// Issue 5's scenarios (b) and (c) with the keyboard alone: Tab and Shift+Tab to move (the focus
// always visible), Enter to follow a link or press a button, Space for a choice, the arrow keys
// within a list, typing into the focused field. The clerk's signed result is the one thing put
// in without a key: a file chooser is the operating system's, so the file goes in through the
// input once Tab has reached it. The dossier itself is filed with the mouse before the tests:
// filing by keyboard is keyboard.test.ts's. The tests run in order, each taking the dossier
// where the one before left it.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  actByKeyboard,
  type FiledDossier,
  fileDossier,
  press,
  readDownload,
  signedResult,
  signIn,
  signInByKeyboard,
} from './flows.ts';
import { chromiumReady, shown, useBrowserSuite } from './harness.ts';
import { focusedId, tabTo, typeInto } from './keyboard.ts';
import {
  type Agency,
  addCitizen,
  addStaffMember,
  type Citizen,
  provisionAgency,
  type StaffMember,
} from './seed.ts';

type Role = 'reception' | 'specialist' | 'approver' | 'clerk';

describe.skipIf(!chromiumReady())('a dossier’s life, keyboard only, in Chromium', () => {
  const suite = useBrowserSuite('keyboard-dossier');
  let agency: Agency;
  let citizen: Citizen;
  let dossier: FiledDossier;
  const staff = {} as Record<Role, StaffMember>;
  beforeAll(async () => {
    agency = await provisionAgency(suite.app.deps, 'UBND tỉnh Phím Tắt');
    citizen = await addCitizen(suite.app.deps, agency, 'Huỳnh Thị Bích Ngọc');
    for (const role of ['reception', 'specialist', 'approver', 'clerk'] as const) {
      staff[role] = await addStaffMember(suite.app.deps, agency, role);
    }
    const page = await suite.open('phone');
    await signIn(suite, page, agency, citizen);
    dossier = await fileDossier(suite, page, agency, citizen);
    await page.context().close();
  });

  /**
   * Signs in by keyboard and opens the dossier from the console's front page through `link`
   * (a count of what needs attention, or the whole queue), then the dossier's code in the list.
   */
  async function openFromConsole(role: Role, link: string): Promise<Page> {
    const page = await suite.open('desktop');
    await signInByKeyboard(suite, page, agency, staff[role]);
    // The account page staff land on has no link to the console: its address is typed.
    await page.goto(suite.tenantUrl(agency.slug, '/console'));
    await tabTo(page, link);
    await press(page, 'Enter');
    expect(new URL(page.url()).pathname).toBe(`/t/${agency.slug}/console/dossiers`);
    await tabTo(page, `main a[href$="/console/dossiers/${dossier.id}"]`, 80);
    await press(page, 'Enter');
    expect(await shown(page.locator('h1'))).toContain(dossier.code);
    return page;
  }

  it('(b) reception receives and assigns, the specialist works it, the approver approves, the clerk issues', async () => {
    const reception = await openFromConsole('reception', '#attention-submitted');
    await suite.check(reception, 'keyboard: console dossier (submitted)');
    await actByKeyboard(reception, 'receive');
    // A closed list moves through its choices with the arrow keys.
    await tabTo(reception, '#assign-officer', 120);
    const chosen = reception.locator('#assign-officer option:checked');
    for (let i = 0; i < 20 && (await shown(chosen)) !== staff.specialist.fullName; i += 1) {
      await reception.keyboard.press('ArrowDown');
    }
    expect(await shown(chosen)).toBe(staff.specialist.fullName);
    await actByKeyboard(reception, 'assign');
    expect(await shown(reception.locator('#dossier-status'))).toBe('Đang xử lý');
    await suite.check(reception, 'keyboard: console dossier (assigned)');

    const specialist = await openFromConsole('specialist', '#attention-mine');
    await suite.check(specialist, 'keyboard: console dossier (in progress)');
    // Every step of the workflow up to the last, with a note typed on the first.
    await typeInto(specialist, '#complete-note', 'Đã tra cứu dữ liệu lý lịch tư pháp.');
    // Back up to the field with Shift+Tab and on again: the order is the same both ways.
    await specialist.keyboard.press('Shift+Tab');
    expect(await focusedId(specialist)).not.toBe('complete-note');
    await tabTo(specialist, '#complete-note', 1);
    while (await specialist.locator('#action-complete-step-submit').count()) {
      await actByKeyboard(specialist, 'complete-step');
    }
    expect(await shown(specialist.locator('#timeline'))).toContain('Đã tra cứu dữ liệu lý lịch tư pháp.');
    await actByKeyboard(specialist, 'submit-for-approval');

    const approver = await openFromConsole('approver', '#queue-link');
    await suite.check(approver, 'keyboard: console dossier (awaiting approval)');
    await actByKeyboard(approver, 'approve');
    expect(await shown(approver.locator('#dossier-status'))).toContain('đã phê duyệt');

    const clerk = await openFromConsole('clerk', '#queue-link');
    await suite.check(clerk, 'keyboard: console dossier (approved)');
    await tabTo(clerk, '#result-file', 120);
    await clerk.locator('#result-file').setInputFiles({
      name: 'phieu-ly-lich-tu-phap-so-2.pdf',
      mimeType: 'application/pdf',
      buffer: signedResult,
    });
    await actByKeyboard(clerk, 'issue-result');
    // Online is the first way of returning it, already chosen.
    expect(await clerk.locator('#return-method').inputValue()).toBe('online');
    await actByKeyboard(clerk, 'return-result');
    expect(await shown(clerk.locator('#dossier-status'))).toBe('Đã trả kết quả');
    await suite.check(clerk, 'keyboard: console dossier (result returned)');
  });

  it('(c) the citizen tracks it by code, signs in, downloads the result and rates the service', async () => {
    const page = await suite.open('phone');
    await page.goto(suite.tenantUrl(agency.slug, '/'));
    await tabTo(page, 'main a[href$="/track"]');
    await press(page, 'Enter');
    await typeInto(page, '#code', dossier.code);
    await typeInto(page, '#key', dossier.key);
    await tabTo(page, '#track-submit');
    await press(page, 'Enter');
    expect(await shown(page.locator('.track-result'))).toContain(dossier.code);
    await suite.check(page, 'keyboard: tracking by code');

    // From there to the sign-in through the front page, and back to it through the header.
    await tabTo(page, 'header a.brand');
    await press(page, 'Enter');
    await tabTo(page, 'main a[href$="/sign-in"]');
    await press(page, 'Enter');
    await typeInto(page, '#email', citizen.email);
    await typeInto(page, '#password', citizen.password);
    await press(page, 'Enter');
    expect(new URL(page.url()).pathname).toBe(`/t/${agency.slug}/account`);
    await tabTo(page, 'header a.brand');
    await press(page, 'Enter');
    await tabTo(page, 'main a[href$="/dossiers"]');
    await press(page, 'Enter');
    await suite.check(page, 'keyboard: my dossiers');
    await tabTo(page, `main a[href$="${dossier.path}"]`);
    await press(page, 'Enter');
    expect(new URL(page.url()).pathname).toBe(dossier.path);
    await suite.check(page, 'keyboard: my dossier with its result');

    await tabTo(page, '#dossier-papers a.result-link');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect((await readDownload(download)).subarray(0, 5).toString()).toBe('%PDF-');

    // The scores are one group, one Tab stop: its first choice is "very satisfied".
    await tabTo(page, '#score-5');
    await page.keyboard.press('Space');
    expect(await page.locator('#score-5').isChecked()).toBe(true);
    await typeInto(page, '#comment', 'Làm được hết bằng bàn phím.');
    await tabTo(page, '#rate-submit');
    await press(page, 'Enter');
    expect(await page.locator('#done-banner').isVisible()).toBe(true);
    expect(await page.locator('#rate-form').count()).toBe(0);
    await suite.check(page, 'keyboard: my dossier rated');
  });
});
