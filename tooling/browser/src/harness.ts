// One browser suite per test file: the real app on its own port, one Chromium, and `check`,
// which every page visited goes through (axe, no CSP refusals, page budget, screenshot).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Locator, Page, Response } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import { type RunningApp, startApp } from './app-server.ts';
import { checkAccessibility, describeViolations } from './axe.ts';
import { formatBudgetTable, type PageWeight, pageBudgetBytes, totalBytes } from './budget.ts';
import { type Device, devices, launchChromium } from './chromium.ts';
import { skippedBanner } from './chromium-banner.ts';
import './provided.ts';

export const artifactsDir = fileURLToPath(new URL('../artifacts/', import.meta.url));

/** True when the scenarios can run; otherwise the banner is printed in this file's output too. */
export function chromiumReady(): boolean {
  if (inject('chromiumAvailable')) return true;
  console.error(skippedBanner(inject('chromiumPath')));
  return false;
}

interface PageState {
  /** The main frame's last document response: the HTML the page was built from. */
  document?: Response;
  /** CSP refusals and uncaught errors since the last check. */
  problems: string[];
}

export interface BrowserSuite {
  app: RunningApp;
  /** An address on the platform host. */
  url(path: string): string;
  /** An address on an agency's site through the `/t/<slug>` path fallback (no DNS needed). */
  tenantUrl(slug: string, path: string): string;
  /** A new browser window with no cookies, on a phone or a desktop screen. */
  open(device?: Device): Promise<Page>;
  /** The checks every page visited gets; `name` names its screenshot and budget row. */
  check(page: Page, name: string): Promise<void>;
}

/** The text a person sees in the element: rendered, with hidden parts left out. */
export function shown(locator: Locator): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator#innerText, not the DOM property; the rendered text is the point
  return locator.innerText();
}

/** Runs `action` (a click, an Enter) and waits for the page it leads to, loaded. */
export async function leadsToNewPage(page: Page, action: () => Promise<unknown>): Promise<void> {
  const navigated = page.waitForEvent('framenavigated', (frame) => frame === page.mainFrame());
  try {
    await action();
  } catch (error) {
    // The action's own failure is the one to report, not the wait it leaves behind.
    navigated.catch(() => {});
    throw error;
  }
  await navigated;
  await page.waitForLoadState('load');
}

/** Call inside the suite's `describe`: the hooks start and stop everything around its tests. */
export function useBrowserSuite(suite: string): BrowserSuite {
  const states = new WeakMap<Page, PageState>();
  const pages: Page[] = [];
  const weights: PageWeight[] = [];
  const notes: string[] = [];
  const cssSizes = new Map<string, number>();
  const screenshots = join(artifactsDir, 'screenshots', suite);
  let browser: Browser | undefined;
  let shot = 0;
  const harness = {} as BrowserSuite;

  beforeAll(async () => {
    // Only this run's pictures: a page renamed or gone leaves no stale file behind.
    rmSync(screenshots, { recursive: true, force: true });
    mkdirSync(screenshots, { recursive: true });
    harness.app = await startApp();
    browser = await launchChromium(inject('chromiumPath'));
  });

  afterEach(async (context) => {
    if (context.task.result?.state !== 'fail') return;
    // What the browser showed when the scenario failed, and what the server logged.
    for (const [i, page] of pages.entries()) {
      if (!page.isClosed()) {
        await page.screenshot({ path: join(screenshots, `failed-${i}.png`), fullPage: true }).catch(() => {});
      }
    }
    if (harness.app.logLines.length) console.error(`server log:\n${harness.app.logLines.join('\n')}`);
  });

  afterAll(async () => {
    await browser?.close();
    await harness.app?.close();
    if (weights.length) {
      const table = formatBudgetTable(suite, weights);
      console.log(`\n${table}\n`);
      mkdirSync(join(artifactsDir, 'budgets'), { recursive: true });
      writeFileSync(join(artifactsDir, 'budgets', `${suite}.txt`), `${table}\n`);
    }
    if (notes.length)
      console.log(`axe notes (moderate/minor, not failing) in ${suite}:\n${notes.join('\n')}`);
  });

  harness.url = (path) => `${harness.app.origin}${path}`;
  harness.tenantUrl = (slug, path) => `${harness.app.origin}/t/${slug}${path}`;

  harness.open = async (device = 'desktop') => {
    if (!browser) throw new Error('the browser is not started');
    const context = await browser.newContext(devices[device]);
    const page = await context.newPage();
    const state: PageState = { problems: [] };
    states.set(page, state);
    pages.push(page);
    page.on('response', (response) => {
      const request = response.request();
      if (request.resourceType() === 'document' && request.frame() === page.mainFrame()) {
        state.document = response;
      }
    });
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
        state.problems.push(`CSP: ${message.text()}`);
      }
    });
    page.on('pageerror', (error) => state.problems.push(`uncaught: ${error.message}`));
    return page;
  };

  const weigh = async (page: Page, name: string, document: Response): Promise<PageWeight> => {
    const htmlBytes = (await document.body()).byteLength;
    let cssBytes = 0;
    for (const link of await page.locator('link[rel="stylesheet"]').all()) {
      const href = new URL((await link.getAttribute('href')) ?? '', page.url()).toString();
      let size = cssSizes.get(href);
      if (size === undefined) {
        // Fetched by the page itself: the browser resolves the agency's *.localhost host.
        size = await page.evaluate(async (url) => {
          const response = await fetch(url);
          if (!response.ok) throw new Error(`${url}: ${response.status}`);
          return (await response.arrayBuffer()).byteLength;
        }, href);
        cssSizes.set(href, size);
      }
      cssBytes += size;
    }
    return { name, path: new URL(page.url()).pathname, htmlBytes, cssBytes };
  };

  harness.check = async (page, name) => {
    const state = states.get(page);
    if (!state?.document) throw new Error(`"${name}": no document was loaded in this page`);
    expect(await page.locator('html').getAttribute('lang'), `${name}: <html lang>`).toMatch(/^(vi|en)$/);
    const weight = await weigh(page, name, state.document);
    weights.push(weight);
    expect(totalBytes(weight), `${name}: HTML + CSS bytes`).toBeLessThan(pageBudgetBytes);
    shot += 1;
    const slug = name
      .replace(/[^a-z0-9]+/gi, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase();
    const file = `${String(shot).padStart(2, '0')}-${slug}.png`;
    await page.screenshot({ path: join(screenshots, file), fullPage: true });
    const lesser = await checkAccessibility(page, name);
    if (lesser.length) notes.push(`${name}:\n${describeViolations(lesser)}`);
    expect(state.problems, `${name}: CSP refusals or script errors`).toEqual([]);
  };

  return harness;
}
