// A dossier's whole life in Chromium (issue 5, scenarios a to c). A citizen on a phone finds
// the procedure with the portal's search, signs in, fills the form (a question that only
// appears after an answer, a paper uploaded with the progress script), reviews, submits and
// gets the receipt; the reception officer receives it and assigns it, the specialist works
// the steps, the approver approves, the clerk issues the signed result and returns it; the
// citizen follows it, downloads the result and rates the service. The tests run in order:
// each one takes the dossier where the one before left it.
import { beforeAll, describe, expect, it } from 'vitest';
import { act, readDownload, signedResult, staffPage } from './flows.ts';
import { chromiumReady, leadsToNewPage, shown, useBrowserSuite } from './harness.ts';
import {
  type Agency,
  addCitizen,
  addStaffMember,
  type Citizen,
  provisionAgency,
  type StaffMember,
} from './seed.ts';

/** The smallest file the engine takes for a PDF: it reads the type from the first bytes. */
const scannedProof = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe.skipIf(!chromiumReady())('a dossier’s life in Chromium', () => {
  const suite = useBrowserSuite('dossier');
  let agency: Agency;
  let citizen: Citizen;
  const staff = {} as Record<'reception' | 'specialist' | 'approver' | 'clerk', StaffMember>;
  /** The dossier's page address (portal), its code and tracking key, once submitted. */
  let dossier: { path: string; code: string; key: string };
  beforeAll(async () => {
    agency = await provisionAgency(suite.app.deps, 'UBND tỉnh Nộp Hồ Sơ');
    citizen = await addCitizen(suite.app.deps, agency, 'Trần Thị Mai Anh');
    for (const role of ['reception', 'specialist', 'approver', 'clerk'] as const) {
      staff[role] = await addStaffMember(suite.app.deps, agency, role);
    }
  });

  it('finds the judicial record procedure, fills the form, uploads a paper and gets a receipt', async () => {
    const page = await suite.open('phone');
    await page.goto(suite.tenantUrl(agency.slug, '/'));
    await page.locator('#home-search-q').fill('ly lich tu phap');
    await leadsToNewPage(page, () => page.locator('#home-search-submit').click());
    await suite.check(page, 'procedure search');
    await leadsToNewPage(page, () => page.getByRole('link', { name: 'Cấp Phiếu lý lịch tư pháp' }).click());
    expect(await shown(page.locator('h1'))).toBe('Cấp Phiếu lý lịch tư pháp');
    await suite.check(page, 'procedure page');

    // Signed out, starting asks for the sign-in first.
    await leadsToNewPage(page, () => page.locator('#start-dossier').click());
    expect(new URL(page.url()).pathname).toBe(`/t/${agency.slug}/sign-in`);
    await page.locator('#email').fill(citizen.email);
    await page.locator('#password').fill(citizen.password);
    await leadsToNewPage(page, () => page.getByRole('button', { name: 'Đăng nhập', exact: true }).click());
    await page.goto(suite.tenantUrl(agency.slug, '/procedures/2.000488'));
    await leadsToNewPage(page, () => page.locator('#start-dossier').click());
    expect(new URL(page.url()).pathname).toMatch(/\/dossiers\/dos_\w+\/edit$/);
    await suite.check(page, 'dossier form');

    await page.locator('#f-certificate_type-1').check();
    await page.locator('#f-applicant_full_name').fill(citizen.fullName);
    await page.locator('#f-applicant_citizen_id').fill('048192001264');
    await page.locator('#f-applicant_birth_date').fill('1992-09-03');
    await page.locator('#f-applicant_phone').fill('0935 618 042');
    await page.locator('#f-residence_address-province').selectOption('48');
    await page.locator('#f-residence_address-commune').fill('Phường Thanh Khê');
    await page.locator('#f-residence_address-street').fill('K82/14 Hà Huy Tập');
    await page.locator('#f-purpose').fill('Bổ sung hồ sơ xin việc');
    await page.locator('#f-certificate_count').fill('1');
    // A student pays half, with a proof: its upload appears once the answer is taken into account.
    await page.locator('#f-fee_group-1').check();
    await page.locator('#f-declaration_confirmed').check();
    await leadsToNewPage(page, () => page.locator('#update-form').click());
    await suite.check(page, 'dossier form with its document');

    await page.locator('#doc-fee_group_proof-file').setInputFiles({
      name: 'the-sinh-vien.pdf',
      mimeType: 'application/pdf',
      buffer: scannedProof,
    });
    await leadsToNewPage(page, () => page.locator('#upload-fee_group_proof').click());
    await page.locator('#doc-fee_group_proof-files').getByText('the-sinh-vien.pdf').waitFor();
    await suite.check(page, 'dossier form after upload');

    await leadsToNewPage(page, () => page.locator('#continue').click());
    expect(new URL(page.url()).pathname).toMatch(/\/review$/);
    expect(await shown(page.locator('#fee-total'))).toContain('100.000');
    await suite.check(page, 'dossier review');

    await leadsToNewPage(page, () => page.locator('#submit-dossier').click());
    expect(new URL(page.url()).pathname).toMatch(/\/receipt$/);
    const code = await shown(page.locator('#dossier-code'));
    expect(code).toMatch(/^[A-Z0-9.]+-\d{6}-\d{4}$/);
    const key = await shown(page.locator('#tracking-key'));
    expect(key).not.toBe('');
    await suite.check(page, 'dossier receipt');
    dossier = { path: new URL(page.url()).pathname.replace(/\/receipt$/, ''), code, key };
  });

  it('the reception officer, the specialist, the approver and the clerk take it to its result', async () => {
    const reception = await staffPage(suite, agency, staff.reception);
    await reception.goto(suite.tenantUrl(agency.slug, '/console/dossiers'));
    await suite.check(reception, 'console queue');
    await leadsToNewPage(reception, () => reception.getByRole('link', { name: dossier.code }).click());
    await suite.check(reception, 'console dossier (submitted)');
    await act(reception, 'receive');
    await reception.locator('#assign-officer').selectOption({ label: staff.specialist.fullName });
    await act(reception, 'assign');
    const dossierUrl = reception.url();

    const specialist = await staffPage(suite, agency, staff.specialist);
    await specialist.goto(dossierUrl);
    await suite.check(specialist, 'console dossier (in progress)');
    // Every step of the procedure's workflow up to the last, whatever their number.
    while (await specialist.locator('#action-complete-step-submit').count()) {
      await act(specialist, 'complete-step');
    }
    await act(specialist, 'submit-for-approval');

    const approver = await staffPage(suite, agency, staff.approver);
    await approver.goto(dossierUrl);
    await act(approver, 'approve');

    const clerk = await staffPage(suite, agency, staff.clerk);
    await clerk.goto(dossierUrl);
    await clerk.locator('#result-file').setInputFiles({
      name: 'phieu-ly-lich-tu-phap.pdf',
      mimeType: 'application/pdf',
      buffer: signedResult,
    });
    await act(clerk, 'issue-result');
    await clerk.locator('#return-method').selectOption('online');
    await act(clerk, 'return-result');
    await suite.check(clerk, 'console dossier (result returned)');
  });

  it('the citizen tracks it by code, downloads the result and rates the service', async () => {
    const visitor = await suite.open('phone');
    await visitor.goto(suite.tenantUrl(agency.slug, '/track'));
    await visitor.locator('#code').fill(dossier.code);
    await visitor.locator('#key').fill(dossier.key);
    await leadsToNewPage(visitor, () => visitor.locator('#track-submit').click());
    expect(await shown(visitor.locator('.track-result'))).toContain(dossier.code);
    await suite.check(visitor, 'tracking by code');

    const page = await suite.open('phone');
    await page.goto(suite.tenantUrl(agency.slug, '/sign-in'));
    await page.locator('#email').fill(citizen.email);
    await page.locator('#password').fill(citizen.password);
    await leadsToNewPage(page, () => page.getByRole('button', { name: 'Đăng nhập', exact: true }).click());
    await page.goto(suite.tenantUrl(agency.slug, '/dossiers'));
    await suite.check(page, 'my dossiers');
    await leadsToNewPage(page, () => page.getByRole('link', { name: dossier.code }).click());
    expect(new URL(page.url()).pathname).toBe(dossier.path);
    await suite.check(page, 'my dossier with its result');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#dossier-papers a.result-link').first().click(),
    ]);
    const bytes = await readDownload(download);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');

    await page.locator('#score-5').check();
    await page.locator('#comment').fill('Nhanh, cán bộ hướng dẫn rõ ràng.');
    await leadsToNewPage(page, () => page.locator('#rate-submit').click());
    expect(await page.locator('#done-banner').isVisible()).toBe(true);
    expect(await page.locator('#rate-form').count()).toBe(0);
    await suite.check(page, 'my dossier rated');
  });
});
