// Accessibility checks with axe-core inside the page as it is (no CSP bypass): a violation of
// serious or critical impact fails the scenario; lesser ones are reported as notes.
import axe, { type Result } from 'axe-core';
import type { Page } from 'playwright-core';
import type { PageWindow } from './page-types.ts';

const blockingImpacts = new Set(['serious', 'critical']);

export function describeViolations(violations: readonly Result[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map(
          (n) => `      at ${n.target.join(' ')}: ${n.html.slice(0, 160)}\n        ${n.failureSummary ?? ''}`,
        )
        .join('\n');
      const more = v.nodes.length > 5 ? `\n      … and ${v.nodes.length - 5} more` : '';
      return `  - [${v.impact ?? 'unknown'}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}${more}`;
    })
    .join('\n');
}

/** Every axe violation on the page as it stands now. */
export async function findViolations(page: Page): Promise<Result[]> {
  const loaded = await page.evaluate(() => Boolean((globalThis as unknown as PageWindow).axe));
  if (!loaded) await page.evaluate(axe.source);
  return page.evaluate(async () => {
    const inPage = (globalThis as unknown as PageWindow).axe;
    if (!inPage) throw new Error('axe-core did not load in the page');
    // The whole document, every rule axe runs by default.
    return (await inPage.run({ resultTypes: ['violations'] })).violations;
  });
}

/**
 * Fails with every serious or critical violation listed (rule, help link, elements, what to
 * fix); returns the moderate and minor ones for the report.
 */
export async function checkAccessibility(page: Page, name: string): Promise<Result[]> {
  const violations = await findViolations(page);
  const blocking = violations.filter((v) => blockingImpacts.has(v.impact ?? ''));
  if (blocking.length) {
    throw new Error(
      `axe found ${blocking.length} serious or critical violation(s) on "${name}" (${page.url()}):\n${describeViolations(blocking)}`,
    );
  }
  return violations.filter((v) => !blockingImpacts.has(v.impact ?? ''));
}
