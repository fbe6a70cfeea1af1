// Where the server may connect on an agency admin's say-so: the identity provider's issuer,
// and every endpoint its discovery document names. An admin could otherwise point the
// server at the cloud metadata service, the database or anything else inside the network
// (SSRF). Only https to hosts whose every address is on the public internet, unless the
// operator names the host in OIDC_ALLOWED_HOSTS.
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

export interface EgressPolicy {
  /**
   * Hosts the operator allows whatever they resolve to, over http too: `host` (any port) or
   * `host:port`, lower-case, IPv6 in brackets.
   */
  allowedHosts?: readonly string[];
  /** Name resolution; the system resolver (as a connection would use it) by default. */
  resolve?: (hostname: string) => Promise<ResolvedAddress[]>;
}

/** Why a target was refused. Kept for logs; people are shown one message whatever it is. */
export type EgressRefusal = 'not_https' | 'not_public' | 'unresolved';

export class EgressRefusedError extends Error {
  override name = 'EgressRefusedError';
  constructor(
    readonly reason: EgressRefusal,
    host: string,
  ) {
    // The host as given, never the address it resolved to.
    super(`refused to connect to ${host}: ${reason.replace('_', ' ')}`);
  }
}

// The special-purpose registries of IANA (RFC 6890 and successors) that are not the public
// internet, by the name a log or a test can refer to.
const nonPublicRanges: Record<string, [string, number, 'ipv4' | 'ipv6'][]> = {
  unspecified: [
    ['0.0.0.0', 8, 'ipv4'],
    ['::', 128, 'ipv6'],
  ],
  loopback: [
    ['127.0.0.0', 8, 'ipv4'],
    ['::1', 128, 'ipv6'],
  ],
  private: [
    ['10.0.0.0', 8, 'ipv4'],
    ['172.16.0.0', 12, 'ipv4'],
    ['192.168.0.0', 16, 'ipv4'],
  ],
  cgnat: [['100.64.0.0', 10, 'ipv4']],
  'link-local': [
    ['169.254.0.0', 16, 'ipv4'],
    ['fe80::', 10, 'ipv6'],
  ],
  'unique-local': [
    ['fc00::', 7, 'ipv6'],
    ['fec0::', 10, 'ipv6'], // the deprecated site-local block
  ],
  multicast: [
    ['224.0.0.0', 4, 'ipv4'],
    ['ff00::', 8, 'ipv6'],
  ],
  reserved: [
    ['192.0.0.0', 24, 'ipv4'],
    ['192.0.2.0', 24, 'ipv4'],
    ['198.18.0.0', 15, 'ipv4'],
    ['198.51.100.0', 24, 'ipv4'],
    ['203.0.113.0', 24, 'ipv4'],
    ['240.0.0.0', 4, 'ipv4'],
    ['100::', 64, 'ipv6'],
    ['2001:db8::', 32, 'ipv6'],
  ],
};

const blockLists = Object.entries(nonPublicRanges).map(([name, ranges]) => {
  const list = new BlockList();
  for (const [network, prefix, type] of ranges) list.addSubnet(network, prefix, type);
  return { name, list };
});

// IPv6 forms that carry an IPv4 address in their last 32 bits and reach it: IPv4-mapped,
// IPv4-compatible (deprecated), NAT64 (well-known and local-use prefixes).
const embeddingV4: [string, number][] = [
  ['::ffff:0:0', 96],
  ['::', 96],
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
];
const embedding = new BlockList();
for (const [network, prefix] of embeddingV4) embedding.addSubnet(network, prefix, 'ipv6');

function embeddedV4(address: string): string | null {
  if (!embedding.check(address, 'ipv6')) return null;
  // The URL parser writes the address canonically; its last two groups are the IPv4 address.
  const canonical = new URL(`http://[${address}]/`).hostname.slice(1, -1);
  const tail = canonical.split(':').slice(-2);
  if (tail.length === 1 && tail[0]?.includes('.')) return tail[0];
  const [high = 0, low = 0] = tail.map((group) => Number.parseInt(group || '0', 16));
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}

/** The non-public range an address is in (`loopback`, `private`…), or `public`. */
export function classifyAddress(address: string): string {
  const family = isIP(address);
  if (family === 0) return 'invalid';
  const type = family === 4 ? 'ipv4' : 'ipv6';
  const listed = blockLists.find(({ list }) => list.check(address, type))?.name;
  if (listed) return listed;
  const v4 = family === 6 ? embeddedV4(address) : null;
  return v4 === null ? 'public' : classifyAddress(v4);
}

function defaultPort(url: URL): string {
  return url.port || (url.protocol === 'https:' ? '443' : '80');
}

/** Whether the operator allows this URL's host (and port, when the entry names one). */
export function isAllowedHost(url: URL, policy: EgressPolicy): boolean {
  const host = url.hostname.toLowerCase();
  return (policy.allowedHosts ?? []).some((entry) => {
    const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(entry.trim().toLowerCase());
    return match !== null && match[1] === host && (match[2] === undefined || match[2] === defaultPort(url));
  });
}

async function systemResolve(hostname: string): Promise<ResolvedAddress[]> {
  const found = await lookup(hostname, { all: true, verbatim: true });
  return found.map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));
}

/**
 * Checks `url` and resolves its host once: the address to connect to, so that the connection
 * goes where the check looked (a second resolution could answer differently: DNS rebinding).
 * Throws `EgressRefusedError`.
 */
export async function resolveEgressTarget(url: URL, policy: EgressPolicy = {}): Promise<ResolvedAddress> {
  const allowed = isAllowedHost(url, policy);
  if (url.protocol !== 'https:' && !(allowed && url.protocol === 'http:')) {
    throw new EgressRefusedError('not_https', url.host);
  }
  const literal = url.hostname.replace(/^\[(.*)\]$/, '$1');
  let addresses: ResolvedAddress[];
  if (isIP(literal) !== 0) {
    addresses = [{ address: literal, family: isIP(literal) === 6 ? 6 : 4 }];
  } else {
    try {
      addresses = await (policy.resolve ?? systemResolve)(literal);
    } catch {
      throw new EgressRefusedError('unresolved', url.host);
    }
  }
  const [first] = addresses;
  if (!first) throw new EgressRefusedError('unresolved', url.host);
  // Every address, not just the first: a resolver may rotate them between connections.
  if (!allowed && addresses.some(({ address }) => classifyAddress(address) !== 'public')) {
    throw new EgressRefusedError('not_public', url.host);
  }
  return first;
}
