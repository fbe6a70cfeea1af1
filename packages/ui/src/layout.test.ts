import { describe, expect, it } from 'vitest';
import { languageSwitchHref } from './layout.tsx';

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
