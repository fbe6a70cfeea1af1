// Keyboard-only operation (WCAG 2.1.1, 2.4.3, 2.4.7): move with Tab, act with Enter (Space for
// a checkbox), and after every Tab the focused element must show a focus indicator on screen.
import type { Page } from 'playwright-core';
import type { PageWindow } from './page-types.ts';

export interface FocusState {
  /** `tag#id "text"`, for messages. */
  label: string;
  matches: boolean;
  /** An outline of at least 2px, or a box shadow, is drawn around it (or the browser draws its own). */
  ring: boolean;
  onScreen: boolean;
}

export function focusState(page: Page, selector: string): Promise<FocusState> {
  return page.evaluate((wanted) => {
    const { document, getComputedStyle, innerWidth, innerHeight } = globalThis as unknown as PageWindow;
    const element = document.activeElement;
    if (!element || element === document.body) {
      return { label: '(nothing)', matches: false, ring: false, onScreen: false };
    }
    // A date field has one more stop of its own, the browser's picker button inside it: the
    // field then loses :focus, and the ring is the browser's own, out of reach of the page.
    const inOwnPicker =
      element.matches('input[type="date"], input[type="datetime-local"], input[type="time"]') &&
      !element.matches(':focus');
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    const text = (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
    return {
      label: `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''} "${text}"`,
      matches: element.matches(wanted),
      ring:
        inOwnPicker ||
        (style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2) ||
        style.boxShadow !== 'none',
      onScreen:
        box.width > 0 &&
        box.height > 0 &&
        box.right > 0 &&
        box.bottom > 0 &&
        box.left < innerWidth &&
        box.top < innerHeight,
    };
  }, selector);
}

/**
 * Presses Tab until the element matching `selector` has focus, checking on the way that every
 * element reached shows its focus; fails naming the path taken when it is not reached.
 */
export async function tabTo(page: Page, selector: string, maxPresses = 40): Promise<void> {
  const path: string[] = [];
  for (let i = 0; i < maxPresses; i += 1) {
    await page.keyboard.press('Tab');
    const focus = await focusState(page, selector);
    path.push(focus.label);
    if (!focus.ring || !focus.onScreen) {
      throw new Error(
        `focus is not visible on ${focus.label} (ring: ${focus.ring}, on screen: ${focus.onScreen}); Tab path: ${path.join(' → ')}`,
      );
    }
    if (focus.matches) return;
  }
  throw new Error(`${selector} not reached with ${maxPresses} Tab presses; Tab path: ${path.join(' → ')}`);
}

/** The id of the focused element ('' for none). */
export function focusedId(page: Page): Promise<string> {
  return page.evaluate(() => (globalThis as unknown as PageWindow).document.activeElement?.id ?? '');
}

/** Tabs to a text field and types into it, as a person at a keyboard does. */
export async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  await tabTo(page, selector);
  await page.keyboard.type(text);
}
