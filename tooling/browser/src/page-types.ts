// The few browser-side members the scenarios use inside `page.evaluate`, typed by hand: the
// DOM lib would retype Node's web streams in the app sources this package type-checks.
// Inside an evaluated function: `const { document } = globalThis as unknown as PageWindow;`
// (the function runs in the page, so it can close over nothing from this module).
import type { Result } from 'axe-core';

export interface PageElement {
  id: string;
  tagName: string;
  textContent: string | null;
  style: { outline: string };
  matches(selector: string): boolean;
  getBoundingClientRect(): {
    width: number;
    height: number;
    left: number;
    right: number;
    top: number;
    bottom: number;
  };
  remove(): void;
  append(child: PageElement): void;
}

export interface PageWindow {
  document: {
    activeElement: PageElement | null;
    body: PageElement;
    querySelector(selector: string): PageElement | null;
    querySelectorAll(selector: string): Iterable<PageElement>;
    createElement(tag: string): PageElement;
  };
  innerWidth: number;
  innerHeight: number;
  getComputedStyle(element: PageElement): { outlineStyle: string; outlineWidth: string; boxShadow: string };
  /** axe-core, once its source has been evaluated in the page. */
  axe?: { run(options: { resultTypes: string[] }): Promise<{ violations: Result[] }> };
}
