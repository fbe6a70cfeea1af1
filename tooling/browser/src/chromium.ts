// Launches Debian's Chromium through playwright-core, headless, with the flags that work on a
// closed network (no sandbox in containers, no GPU, nothing phoning home).
import { type Browser, type BrowserContextOptions, chromium } from 'playwright-core';

export const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, headless: true, args: chromiumFlags });
}

/** A Vietnamese reader in Vietnam: the language the pages pick without `?lang=`. */
const reader: BrowserContextOptions = { locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' };

export const devices = {
  /** The phone most citizens use: a 390×844 CSS-pixel screen (an iPhone 12 to 15's). */
  phone: {
    ...reader,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  },
  desktop: { ...reader, viewport: { width: 1280, height: 900 } },
} satisfies Record<string, BrowserContextOptions>;

export type Device = keyof typeof devices;
