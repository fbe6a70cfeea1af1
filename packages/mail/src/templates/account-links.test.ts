import { describe, expect, it } from 'vitest';
import { InvalidEmailPayloadError, parseOutboxEmail } from './parse-payload.ts';
import { MissingTokenError, outboxTokenOf, renderOutboxEmail } from './render-outbox-email.ts';

// As @motcua/auth writes it (packages/auth/src/emailed-tokens.ts).
const payload = (template: string, data: Record<string, unknown> = {}) => ({
  template,
  to: 'tran.thi.b@sotuphap.gov.vn',
  data: {
    fullName: 'Trần Thị B',
    siteName: 'UBND tỉnh Thừa Thiên Huế',
    siteUrl: 'http://hue.motcua.test:3000/t/hue',
    tokenId: 'abcdefghijklmnopqrstuvwx',
    validForMinutes: 30,
    ...data,
  },
});
const token = 'abcdefghijklmnopqrstuvwx.secretsecretsecret';

describe('emails with a one-time link', () => {
  it('puts the issued token in the reset link, in both languages, with the validity', () => {
    const email = renderOutboxEmail(payload('auth.password_reset'), { token });
    expect(email.to).toBe('tran.thi.b@sotuphap.gov.vn');
    expect(email.subject).toBe('Đặt lại mật khẩu / Reset your password – UBND tỉnh Thừa Thiên Huế');
    const link = `http://hue.motcua.test:3000/t/hue/reset-password?token=${token}`;
    expect(email.text.split(link)).toHaveLength(3);
    expect(email.text).toContain('trong vòng 30 phút');
    expect(email.text).toContain('within 30 minutes');
    expect(email.text).toContain('Xin chào Trần Thị B,');
  });

  it('links an invitation to its acceptance page and counts its validity in days', () => {
    const email = renderOutboxEmail(payload('staff.invitation', { validForMinutes: 7 * 1440 }), { token });
    expect(email.subject).toBe('Lời mời tham gia / Invitation – UBND tỉnh Thừa Thiên Huế');
    expect(email.text).toContain(`http://hue.motcua.test:3000/t/hue/accept-invitation?token=${token}`);
    expect(email.text).toContain('trong vòng 7 ngày');
    expect(email.text).toContain('within 7 days');
  });

  it('names the token it needs, and refuses to render without it', () => {
    expect(outboxTokenOf(parseOutboxEmail(payload('staff.invitation')))).toEqual({
      tokenId: 'abcdefghijklmnopqrstuvwx',
      validForMinutes: 30,
    });
    expect(() => renderOutboxEmail(payload('staff.invitation'))).toThrow(MissingTokenError);
  });

  it('keeps a site name on one line in the subject', () => {
    const email = renderOutboxEmail(payload('staff.invitation', { siteName: 'UBND\r\nBcc: x@evil.test' }), {
      token,
    });
    expect(email.subject).not.toMatch(/[\r\n]/);
  });

  it.each([
    { data: { tokenId: 'abc.def' }, path: 'data.tokenId' },
    { data: { tokenId: undefined }, path: 'data.tokenId' },
    { data: { siteUrl: 'javascript:alert(1)' }, path: 'data.siteUrl' },
    { data: { siteUrl: undefined }, path: 'data.siteUrl' },
    { data: { validForMinutes: 0 }, path: 'data.validForMinutes' },
    { data: { validForMinutes: '30' }, path: 'data.validForMinutes' },
    { data: { fullName: '' }, path: 'data.fullName' },
  ])('refuses a payload with a wrong $path', ({ data, path }) => {
    let caught: unknown;
    try {
      renderOutboxEmail(payload('auth.password_reset', data), { token });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidEmailPayloadError);
    expect((caught as InvalidEmailPayloadError).path).toBe(path);
  });
});
