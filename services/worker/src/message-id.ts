// The Message-ID of an outbox email is derived from the tenant and the row's dedupe key, so a
// message resent after a crash (delivery is at least once) carries the same Message-ID, and
// mail systems and clients that drop duplicates by Message-ID show it once.
import { createHash } from 'node:crypto';

export const defaultMessageIdDomain = 'motcua.local';

const hostName =
  /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;

/** `<outbox.<32 hex>@domain>`: the key is hashed, as it may hold characters a Message-ID cannot. */
export function deriveMessageId(tenant: string, dedupeKey: string, domain = defaultMessageIdDomain): string {
  if (!hostName.test(domain)) throw new RangeError('The Message-ID domain must be a host name.');
  const digest = createHash('sha256').update(`${tenant}\n${dedupeKey}`).digest('hex').slice(0, 32);
  return `<outbox.${digest}@${domain.toLowerCase()}>`;
}

/** The domain of a From address such as `Motcua <no-reply@motcua.vn>`, or the default. */
export function readMessageIdDomain(from: string): string {
  const domain = /@([^>\s@]+)>?\s*$/.exec(from)?.[1];
  return domain && hostName.test(domain) ? domain.toLowerCase() : defaultMessageIdDomain;
}
