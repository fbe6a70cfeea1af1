import { describe, expect, it } from 'vitest';
import { accountKey, normaliseAddress, throttleKeys } from './throttle-keys.ts';

describe('throttle keys', () => {
  it('normalises the account’s e-mail', () => {
    expect(accountKey('  Chi.Pheo@Example.VN ')).toBe('acct:chi.pheo@example.vn');
  });

  it.each([
    ['203.0.113.7', '203.0.113.7'],
    [' 203.0.113.7 ', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['::ffff:cb00:7107', '203.0.113.7'],
    ['2001:db8:85a3:8d3:1319:8a2e:370:7348', '2001:db8:85a3:8d3::/64'],
    ['2001:DB8:85A3:08D3::1', '2001:db8:85a3:8d3::/64'],
    ['2001:db8::', '2001:db8:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
  ])('counts %s as %s', (input, expected) => {
    expect(normaliseAddress(input)).toBe(expected);
  });

  it.each(['unknown', '', '999.1.1.1', '2001:db8::1::2'])('ignores the unusable address %j', (input) => {
    expect(normaliseAddress(input)).toBeNull();
  });

  it('gives the account key and the address key, sorted', () => {
    expect(throttleKeys({ email: 'A@b.vn', ip: '2001:db8:1:2:3:4:5:6' })).toEqual([
      'acct:a@b.vn',
      'ip:2001:db8:1:2::/64',
    ]);
    expect(throttleKeys({ email: 'a@b.vn', ip: null })).toEqual(['acct:a@b.vn']);
    expect(throttleKeys({ email: 'a@b.vn', ip: 'garbage' })).toEqual(['acct:a@b.vn']);
  });
});
