// The keys failed sign-ins are counted under: one per account, one per client address.
import { isIPv4, isIPv6 } from 'node:net';

export interface SignInAttempt {
  /** The e-mail (or other identifier) the person typed, whether or not an account has it. */
  email: string;
  /** The client's address, when the request came over the network. */
  ip?: string | null;
}

export function normaliseEmail(email: string): string {
  return email.normalize('NFKC').trim().toLowerCase();
}

function ipv6Groups(address: string): number[] | null {
  const [head = '', tail, ...rest] = address.split('::');
  if (rest.length > 0) return null;
  const parse = (part: string): number[] => {
    if (part === '') return [];
    const out: number[] = [];
    for (const piece of part.split(':')) {
      if (piece.includes('.')) {
        const [a = 0, b = 0, c = 0, d = 0] = piece.split('.').map(Number);
        out.push((a << 8) | b, (c << 8) | d);
      } else {
        out.push(Number.parseInt(piece, 16));
      }
    }
    return out;
  };
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  const zeros = tail === undefined ? 0 : 8 - left.length - right.length;
  const groups = [...left, ...new Array<number>(zeros).fill(0), ...right];
  return groups.length === 8 ? groups : null;
}

/**
 * The part of an address that identifies one client. Anyone holding one IPv6 address
 * usually holds its whole /64, so IPv6 is counted per /64; IPv4-mapped IPv6 counts as the
 * IPv4 address it carries.
 */
export function normaliseAddress(ip: string): string | null {
  const address = ip.trim().toLowerCase().replace(/%.*$/, '');
  if (isIPv4(address)) return address;
  if (!isIPv6(address)) return null;
  const groups = ipv6Groups(address);
  if (!groups) return null;
  const [g0, g1, g2, g3, g4, g5, g6 = 0, g7 = 0] = groups;
  if (g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0xffff) {
    return [g6 >> 8, g6 & 0xff, g7 >> 8, g7 & 0xff].join('.');
  }
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`;
}

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
