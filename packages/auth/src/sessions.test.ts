import { describe, expect, it } from 'vitest';
import { hours, later, minutes } from '../test/fixtures.ts';
import {
  isSessionExpired,
  needsRefresh,
  newSessionCredentials,
  parseSessionToken,
  secretMatches,
  sessionPolicies,
} from './sessions.ts';

describe('session policies', () => {
  it('are 30 days idle for citizens (hourly refresh), 8 hours for staff, 2 for operators (5 minutes)', () => {
    expect(sessionPolicies).toEqual({
      citizen: { idleTimeoutMs: hours(24 * 30), refreshAfterMs: hours(1) },
      staff: { idleTimeoutMs: hours(8), refreshAfterMs: minutes(5) },
      operator: { idleTimeoutMs: hours(2), refreshAfterMs: minutes(5) },
    });
  });

  it('expire at the timeout and refresh from the window, both inclusive', () => {
    const last = new Date('2026-11-23T08:00:00Z');
    const policy = sessionPolicies.staff;
    expect(isSessionExpired(last, policy, later(last, hours(8) - 1))).toBe(false);
    expect(isSessionExpired(last, policy, later(last, hours(8)))).toBe(true);
    expect(needsRefresh(last, policy, later(last, minutes(5) - 1))).toBe(false);
    expect(needsRefresh(last, policy, later(last, minutes(5)))).toBe(true);
  });
});

describe('session tokens', () => {
  it('round-trip through parsing and match only their own secret', () => {
    const a = newSessionCredentials();
    const b = newSessionCredentials();
    const parsed = parseSessionToken(a.token);
    expect(parsed).toEqual({ id: a.id, secret: a.token.slice(25) });
    expect(secretMatches(a.secretHash, parsed!.secret)).toBe(true);
    expect(secretMatches(b.secretHash, parsed!.secret)).toBe(false);
    expect(a.id).not.toBe(b.id);
  });

  it.each([
    undefined,
    '',
    'a.b',
    `${'a'.repeat(24)}.${'b'.repeat(31)}`,
    `${'a'.repeat(24)}-${'b'.repeat(32)}`,
    `${'A'.repeat(24)}.${'b'.repeat(32)}`,
    `${'a'.repeat(24)}.${'b'.repeat(31)}1`,
    `${'a'.repeat(25)}.${'b'.repeat(31)}`,
  ])('refuses the malformed token %j', (token) => {
    expect(parseSessionToken(token)).toBeNull();
  });
});
