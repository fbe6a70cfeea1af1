// The keys failed sign-ins are counted under: one per account, one per client address.
import { clientAddress } from '@motcua/db';

export interface SignInAttempt {
  /** The e-mail (or other identifier) the person typed, whether or not an account has it. */
  email: string;
  /** The client's address, when the request came over the network. */
  ip?: string | null;
}

export function normaliseEmail(email: string): string {
  return email.normalize('NFKC').trim().toLowerCase();
}

/** The part of an address that identifies one client: an IPv6 client's /64 (see clientAddress). */
export const normaliseAddress = clientAddress;

export function accountKey(email: string): string {
  return `acct:${normaliseEmail(email)}`;
}

export function addressKey(ip: string): string | null {
  const address = normaliseAddress(ip);
  return address ? `ip:${address}` : null;
}

/** The keys of an attempt, sorted so that concurrent upserts lock rows in one order. */
export function throttleKeys(attempt: SignInAttempt): string[] {
  const address = attempt.ip ? addressKey(attempt.ip) : null;
  return [accountKey(attempt.email), ...(address ? [address] : [])].sort();
}
