// Page budgets (issue 5): each page's HTML plus its CSS under 60 KB uncompressed, no images.
export const pageBudgetBytes = 60_000;

export interface PageWeight {
  name: string;
  path: string;
  htmlBytes: number;
  cssBytes: number;
}

export const totalBytes = (weight: PageWeight) => weight.htmlBytes + weight.cssBytes;

/** A plain-text table, one row per page, for the test output and the artifacts. */
export function formatBudgetTable(title: string, weights: readonly PageWeight[]): string {
  const rows = weights.map((w) => [
    w.name,
    w.path,
    String(w.htmlBytes),
    String(w.cssBytes),
    String(totalBytes(w)),
    totalBytes(w) < pageBudgetBytes ? 'ok' : 'OVER',
  ]);
  const header = ['page', 'path', 'html B', 'css B', 'total B', `< ${pageBudgetBytes}`];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i >= 2 && i <= 4 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ');
  return [
    `Page budgets: ${title}`,
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
  ].join('\n');
}
