import { describe, expect, it } from 'vitest';
import { isSameSitePath, languageSwitchHref } from './layout.tsx';

describe('languageSwitchHref', () => {
  it.each([
    ['', '/sign-in', 'en', '/sign-in?lang=en'],
    [
      '/t/da-nang',
      '/console/dossiers?state=submitted&page=2',
      'en',
      '/t/da-nang/console/dossiers?state=submitted&page=2&lang=en',
    ],
    ['', '/procedures?q=khai+sinh&lang=en', 'vi', '/procedures?q=khai+sinh&lang=vi'],
  ] as const)('%s%s → %s', (base, path, lang, expected) => {
    expect(languageSwitchHref(base, path, lang)).toBe(expected);
  });
});

describe('a language switch built from a hostile request path', () => {
  it.each([
    ['', '//evil.example/x', '/?lang=en'],
    ['', '/\\evil.example/x?q=1', '/?q=1&lang=en'],
    ['', '/\t/evil.example', '/?lang=en'],
    ['', 'evil.example/x', '/?lang=en'],
    ['', 'https://evil.example/x', '/?lang=en'],
    ['/t/da-nang', '//evil.example/x', '/t/da-nang//evil.example/x?lang=en'],
  ] as const)('%s + %j stays on the site: %s', (base, path, expected) => {
    const href = languageSwitchHref(base, path, 'en');
    expect(href).toBe(expected);
    expect(isSameSitePath(href)).toBe(true);
  });
});
