// What a citizen does on a dossier after filing it, in Chromium. The reception officer asks
// for a supplement from the console, in writing and listing exactly what is missing (the
// one-stop mechanism, Decree 61/2018/NĐ-CP as amended, now Decree 118/2025/NĐ-CP), the citizen
// reads the request on the dossier's page on a phone and answers it, and the dossier goes back
// to the desk; and a citizen withdraws a dossier, which the same decrees allow at any time,
// through the portal's confirmation page.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { act, type FiledDossier, fileDossier, signIn, staffPage } from './flows.ts';
import { chromiumReady, leadsToNewPage, shown, useBrowserSuite } from './harness.ts';
import { focusedId } from './keyboard.ts';
import {
  type Agency,
  addCitizen,
  addStaffMember,
  type Citizen,
  provisionAgency,
  type StaffMember,
} from './seed.ts';

const missingPaper = 'Giấy xác nhận nơi cư trú';
const missingReason = 'Bản chụp bị mờ, không đọc được số nhà';
const answer = 'Tôi đã nộp bản chụp rõ nét tại bộ phận một cửa ngày 24/11; số nhà là 14.';

describe.skipIf(!chromiumReady())('a citizen answers a supplement request and withdraws, in Chromium', () => {
  const suite = useBrowserSuite('citizen-actions');
  let agency: Agency;
  let citizen: Citizen;
  let reception: StaffMember;
  /** The citizen's own phone, signed in for the whole file. */
  let phone: Page;
  let dossier: FiledDossier;
  beforeAll(async () => {
    agency = await provisionAgency(suite.app.deps, 'UBND tỉnh Bổ Sung');
    citizen = await addCitizen(suite.app.deps, agency, 'Lâm Văn Phúc');
    reception = await addStaffMember(suite.app.deps, agency, 'reception');
    phone = await suite.open('phone');
    await signIn(suite, phone, agency, citizen);
    dossier = await fileDossier(suite, phone, agency, citizen);
  });

  const consoleUrl = (id: string) => suite.tenantUrl(agency.slug, `/console/dossiers/${id}`);

  it('the reception officer asks for a supplement from the console', async () => {
    const desk = await staffPage(suite, agency, reception);
    await desk.goto(consoleUrl(dossier.id));
    await desk.locator('#supplement-document-0').fill(missingPaper);
    await desk.locator('#supplement-reason-0').fill(missingReason);
    await desk.locator('#supplement-note').fill('Xin bổ sung trong 5 ngày làm việc.');
    await act(desk, 'request-supplement');
    expect(await shown(desk.locator('#dossier-status'))).toBe('Yêu cầu bổ sung');
    expect(await shown(desk.locator('#timeline'))).toContain(`${missingPaper}: ${missingReason}`);
    await suite.check(desk, 'console dossier (supplement requested)');
  });

  it('the citizen sees what is missing, is told an empty answer will not do, and answers', async () => {
    await phone.goto(suite.tenantUrl(agency.slug, '/dossiers'));
    await leadsToNewPage(phone, () => phone.getByRole('link', { name: dossier.code }).click());
    expect(await shown(phone.locator('.status-tag'))).toBe('Yêu cầu bổ sung');
    const request = phone.locator('section[aria-labelledby="supplement-title"]');
    expect(await shown(request)).toContain(`${missingPaper}: ${missingReason}`);
    expect(await shown(request)).toContain('Xin bổ sung trong 5 ngày làm việc.');
    await suite.check(phone, 'my dossier (supplement requested)');

    await leadsToNewPage(phone, () => phone.locator('#supplement-submit').click());
    const link = phone.locator('.error-summary a[href="#answer"]');
    expect(await link.count(), 'the error summary links to the answer').toBe(1);
    await suite.check(phone, 'my dossier (empty supplement)');
    await link.click();
    expect(await focusedId(phone)).toBe('answer');
    expect(await phone.locator('#answer').getAttribute('aria-describedby')).toContain('answer-error');

    await phone.locator('#answer').fill(answer);
    await leadsToNewPage(phone, () => phone.locator('#supplement-submit').click());
    expect(await shown(phone.locator('#done-banner'))).toBe('Đã gửi nội dung bổ sung.');
    expect(await phone.locator('#supplement-form').count()).toBe(0);
    expect(await shown(phone.locator('.status-tag'))).toBe('Mới đăng ký');
    expect(await shown(phone.locator('main'))).toContain(answer);
    await suite.check(phone, 'my dossier (supplemented)');
  });

  it('the dossier is back at the desk, and the officer reads the citizen’s answer', async () => {
    const desk = await staffPage(suite, agency, reception);
    await desk.goto(consoleUrl(dossier.id));
    expect(await shown(desk.locator('#dossier-status'))).toBe('Mới đăng ký');
    expect(await desk.locator('#action-receive-submit').count(), 'receiving is offered again').toBe(1);
    await suite.check(desk, 'console dossier (supplemented)');
    // The officer must be able to read what the citizen sent before receiving the dossier: the
    // timeline's "the citizen supplemented" entry carries it (the portal shows it to the citizen).
    const supplemented = desk.locator('#timeline li').filter({ hasText: 'Công dân bổ sung hồ sơ' });
    expect(await supplemented.count()).toBe(1);
    expect(await shown(supplemented), 'the citizen’s answer in the console timeline').toContain(answer);
  });

  it('the citizen withdraws another dossier after confirming, with a reason', async () => {
    const second = await fileDossier(suite, phone, agency, citizen);
    await phone.goto(suite.url(second.path));
    await leadsToNewPage(phone, () => phone.locator('#withdraw-link').click());
    expect(new URL(phone.url()).pathname).toBe(`${second.path}/withdraw`);
    expect(await shown(phone.locator('main'))).toContain(second.code);
    await suite.check(phone, 'withdraw confirmation');

    // Cancelling changes nothing.
    await leadsToNewPage(phone, () => phone.locator('#withdraw-cancel').click());
    expect(new URL(phone.url()).pathname).toBe(second.path);
    expect(await shown(phone.locator('.status-tag'))).toBe('Mới đăng ký');

    await leadsToNewPage(phone, () => phone.locator('#withdraw-link').click());
    await phone.locator('#reason').fill('Đã nộp nhầm, sẽ nộp lại hồ sơ khác.');
    await leadsToNewPage(phone, () => phone.locator('#withdraw-confirm').click());
    expect(new URL(phone.url()).pathname).toBe(second.path);
    expect(await shown(phone.locator('#done-banner'))).toBe('Hồ sơ đã được rút.');
    expect(await shown(phone.locator('.status-tag'))).toBe('Rút hồ sơ theo yêu cầu');
    expect(await shown(phone.locator('main'))).toContain('Đã nộp nhầm, sẽ nộp lại hồ sơ khác.');
    expect(await phone.locator('#withdraw-link').count()).toBe(0);
    await suite.check(phone, 'my dossier withdrawn');

    // The desk sees it withdrawn, with nothing left to do.
    const desk = await staffPage(suite, agency, reception);
    await desk.goto(consoleUrl(second.id));
    expect(await shown(desk.locator('#dossier-status'))).toBe('Rút hồ sơ theo yêu cầu');
    expect(await desk.locator('#actions form[id^="action-"]').count()).toBe(0);
    await suite.check(desk, 'console dossier (withdrawn)');
  });
});
