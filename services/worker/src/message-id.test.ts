import { describe, expect, it } from 'vitest';
import { deriveMessageId, readMessageIdDomain } from './message-id.ts';

// RFC 5322 msg-id with a dot-atom on both sides.
const msgId =
  /^<[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[a-z0-9-]+(\.[a-z0-9-]+)*>$/;

describe('deriveMessageId', () => {
  it('is the same for the same tenant and key, and a valid Message-ID', () => {
    const key = 'dos_01jx:17:dossier.received';
    const id = deriveMessageId('hue', key, 'motcua.vn');
    expect(id).toBe(deriveMessageId('hue', key, 'motcua.vn'));
    expect(id).toMatch(msgId);
    expect(id).toMatch(/^<outbox\.[0-9a-f]{32}@motcua\.vn>$/);
    expect(id).not.toContain('dos_01jx');
  });

  it('differs between tenants, keys and domains', () => {
    const ids = new Set<string>();
    for (const tenant of ['hue', 'da-nang', 'hue-2']) {
      for (let event = 0; event < 200; event++) {
        ids.add(deriveMessageId(tenant, `dos_x:${event}:dossier.received`));
      }
    }
    expect(ids.size).toBe(600);
    expect(deriveMessageId('hue', 'k', 'a.vn')).not.toBe(deriveMessageId('hue', 'k', 'b.vn'));
    // The separator keeps (tenant, key) pairs apart that would concatenate alike.
    expect(deriveMessageId('ab', 'c')).not.toBe(deriveMessageId('a', 'bc'));
  });

  it('refuses a domain that is not a host name', () => {
    expect(() => deriveMessageId('hue', 'k', 'motcua.vn>\r\nBcc: x')).toThrow(RangeError);
  });
});

describe('readMessageIdDomain', () => {
  it.each([
    ['Motcua <no-reply@motcua.vn>', 'motcua.vn'],
    ['no-reply@Dichvucong.Hue.gov.vn', 'dichvucong.hue.gov.vn'],
    ['"Sở Xây dựng" <mot-cua@sxd.thanhhoa.gov.vn>', 'sxd.thanhhoa.gov.vn'],
    ['Motcua', 'motcua.local'],
    ['x@bad_domain!', 'motcua.local'],
  ])('%s → %s', (from, domain) => {
    expect(readMessageIdDomain(from)).toBe(domain);
  });
});
