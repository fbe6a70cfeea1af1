// An operator in Chromium: signs in to the operator console with a TOTP code, onboards a new
// agency through the form, watches its provisioning finish live (server-sent events), and
// opens the new agency's portal, which is live.
import { testSlug } from '@motcua/db/testing';
import { authenticator } from '@motcua/testing/totp';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumReady, leadsToNewPage, shown, useBrowserSuite } from './harness.ts';
import { addOperator, type StaffMember } from './seed.ts';

describe.skipIf(!chromiumReady())('an operator in Chromium', () => {
  const suite = useBrowserSuite('operator');
  let operator: StaffMember;
  beforeAll(async () => {
    operator = await addOperator(suite.app.deps);
  });

  it('onboards an agency, sees its provisioning finish live, and its portal is up', async () => {
    const app = authenticator(operator.totpSecret ?? '');
    const page = await suite.open('desktop');
    await page.goto(suite.url('/ops'));
    expect(new URL(page.url()).pathname).toBe('/ops/sign-in');
    await suite.check(page, 'operator sign-in');
    await page.locator('#email').fill(operator.email);
    await page.locator('#password').fill(operator.password);
    await leadsToNewPage(page, () => page.locator('#ops-sign-in-button').click());
    expect(new URL(page.url()).pathname).toBe('/ops/sign-in/totp');
    await suite.check(page, 'operator verification code');
    await page.locator('#code').fill(app.next());
    await leadsToNewPage(page, () => page.locator('main form button[type="submit"]').click());
    expect(new URL(page.url()).pathname).toBe('/ops');
    await suite.check(page, 'operator agencies');

    await leadsToNewPage(page, () => page.locator('#ops-new-tenant').click());
    expect(new URL(page.url()).pathname).toBe('/ops/tenants/new');
    await suite.check(page, 'operator new agency');
    const slug = testSlug('ops');
    const name = 'UBND xã Mới Lập';
    await page.locator('#name').fill(name);
    await page.locator('#slug').fill(slug);
    await page.locator('#kind-province').check();
    await page.locator('#adminEmail').fill(`quantri@${slug}.gov.vn`);
    await leadsToNewPage(page, () => page.locator('#ops-create-tenant').click());
    expect(new URL(page.url()).pathname).toBe(`/ops/tenants/${slug}`);
    // Revealed by the page's script when the stream says the run is done (or already shown
    // by the server when it finished before the page was drawn).
    await page.locator('#progress-done').waitFor({ state: 'visible' });
    expect(await page.locator('#progress-failed').isVisible()).toBe(false);
    await suite.check(page, 'operator agency provisioned');

    // Drawn again, the page shows the agency live, with its portal's address.
    await page.reload();
    expect(await shown(page.locator('#ops-tenant-status'))).toBe('Đang hoạt động');
    await leadsToNewPage(page, () => page.locator('#ops-portal-link').click());
    expect(page.url()).toBe(`http://${slug}.localhost:${suite.app.port}/`);
    expect(await shown(page.locator('h1'))).toContain(name);
    await suite.check(page, 'new agency portal');
  });
});
