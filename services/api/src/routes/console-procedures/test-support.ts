// Test helpers for the procedure editor pages (imported from tests only): who edits, the stored
// draft read through the engine, and the checks of an error summary tied to its inputs. The route
// folder's lint keeps the database out of here: each test file signs its people in itself.
import { type EngineContext, getProcedureDraft } from '@motcua/engine';
import { expect } from 'vitest';
import type { browserAs } from '../console-dossiers/test-support.ts';

export { browserAs, expectAccessiblePage, hostOf } from '../console-dossiers/test-support.ts';

export interface Editors {
  slug: EngineContext['slug'];
  admin: ReturnType<typeof browserAs>;
  reception: ReturnType<typeof browserAs>;
  adminCookie: string;
  /** The engine context of the admin, to read what is stored. */
  ctx: EngineContext;
}

/** The stored draft and its state, as the engine reads it. */
export const storedDraft = (editors: Editors, code: string) => getProcedureDraft(editors.ctx, code);

/** Where a redirect goes, without the host. */
export const locationOf = (res: Response) => res.headers.get('location') ?? '';

/**
 * The error summary links to each input, which exists, says it is invalid, and names its message
 * in aria-describedby; `inputs` are exactly the summary's field links.
 */
export function expectErrorsFor(html: string, inputs: string[]) {
  expect(html).toContain('class="error-summary"');
  const summary = /<div class="error-summary"[\s\S]*?<\/div>/.exec(html)?.[0] ?? '';
  const linked = [...summary.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
  expect(linked.sort()).toEqual([...inputs].sort());
  for (const input of inputs) {
    const control = new RegExp(`<(?:input|select|textarea)\\b[^>]*\\sid="${input}"[^>]*>`).exec(html)?.[0];
    expect(control, `the input ${input}`).toBeDefined();
    expect(control).toContain('aria-invalid="true"');
    expect(control).toMatch(new RegExp(`aria-describedby="[^"]*${input}-error`));
    expect(html).toContain(`id="${input}-error"`);
  }
}

/** Visible text of a page, tags dropped and whitespace collapsed. */
export const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
