// Time-based one-time passwords (RFC 6238: SHA-1, 30-second steps, 6 digits), the second
// factor of staff admins and operators.
import { decodeBase32IgnorePadding, encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';
import { createTOTPKeyURI, verifyHOTP } from '@oslojs/otp';
import { randomBytes } from './tokens.ts';

const stepSeconds = 30;
const digits = 6;
/** Steps accepted either side of the current one, for clock drift and slow typing. */
const driftSteps = 1;

/**
 * A new secret: 20 random bytes (RFC 4226's recommended length), base32 in upper case as
 * authenticator apps show it when a person types it in by hand.
 */
export function createTotpSecret(): string {
  return encodeBase32UpperCaseNoPadding(randomBytes(20));
}

function decodeSecret(secret: string): Uint8Array {
  return decodeBase32IgnorePadding(secret.replace(/\s+/g, '').toUpperCase());
}

/** The `otpauth://` URI to show as a QR code at enrolment. */
export function totpUri({
  secret,
  account,
  issuer,
}: {
  secret: string;
  account: string;
  issuer: string;
}): string {
  return createTOTPKeyURI(issuer, account, decodeSecret(secret), stepSeconds, digits);
}

/**
 * The time step a code belongs to, or null. Returning the step lets a caller that stores
 * the last accepted step refuse a code replayed within the window.
 */
export function matchTotpStep(secret: string, code: string, now: Date = new Date()): number | null {
  // People type "123 456" as the app shows it.
  const typed = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(typed)) return null;
  let key: Uint8Array;
  try {
    key = decodeSecret(secret);
  } catch {
    return null;
  }
  const current = Math.floor(now.getTime() / 1000 / stepSeconds);
  // Every candidate step is computed, so the time taken does not say which one matched.
  let matched: number | null = null;
  for (let step = current - driftSteps; step <= current + driftSteps; step += 1) {
    if (verifyHOTP(key, BigInt(step), digits, typed) && matched === null) matched = step;
  }
  return matched;
}

export function verifyTotp(secret: string, code: string, now: Date = new Date()): boolean {
  return matchTotpStep(secret, code, now) !== null;
}
