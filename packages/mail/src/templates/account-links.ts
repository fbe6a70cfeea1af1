// Emails that carry a single-use link into an agency's site: a staff invitation and a password
// reset. The outbox row holds the link's token id, never its secret: the worker gives the token
// a fresh secret when it sends (see @motcua/auth's issueEmailedToken), so the secret exists only
// in the email itself and, as a hash, in the token's row.
import { toOneLine } from './format.ts';
import type { RenderedEmail } from './types.ts';

export const accountEmailTemplates = ['staff.invitation', 'auth.password_reset'] as const;
export type AccountEmailTemplate = (typeof accountEmailTemplates)[number];

export interface AccountLinkEmail {
  /** The person's name as the agency has it. */
  fullName: string;
  /** The agency's name. */
  siteName: string;
  /** Scheme, host and base path of the agency's site, without a trailing slash. */
  siteUrl: string;
  /** The one-time token the link carries, by id. */
  tokenId: string;
  /** How long the link works once sent, as the email tells the reader. */
  validForMinutes: number;
}

const paths: Record<AccountEmailTemplate, string> = {
  'staff.invitation': '/accept-invitation',
  'auth.password_reset': '/reset-password',
};

/** The link the email carries: `token` is `id.secret`, made when the message is sent. */
export function accountLink(template: AccountEmailTemplate, email: AccountLinkEmail, token: string): string {
  return `${email.siteUrl}${paths[template]}?token=${token}`;
}

function describeValidity(minutes: number): { vi: string; en: string } {
  if (minutes % 1440 === 0) return { vi: `${minutes / 1440} ngày`, en: `${minutes / 1440} days` };
  return { vi: `${minutes} phút`, en: `${minutes} minutes` };
}

function renderInvitation(to: string, email: AccountLinkEmail, link: string): RenderedEmail {
  const within = describeValidity(email.validForMinutes);
  return {
    subject: `Lời mời tham gia / Invitation – ${toOneLine(email.siteName)}`,
    text: [
      `Xin chào ${email.fullName},`,
      '',
      `Bạn được mời làm cán bộ trên hệ thống một cửa của ${email.siteName}, với tài khoản ${to}.`,
      `Để nhận lời mời, hãy mở liên kết sau trong vòng ${within.vi} và đặt mật khẩu:`,
      '',
      link,
      '',
      'Liên kết chỉ dùng được một lần. Nếu bạn không chờ thư này, hãy bỏ qua nó.',
      '',
      '-----',
      '',
      `Hello ${email.fullName},`,
      '',
      `You have been invited to join the staff of ${email.siteName} on its one-stop service, as ${to}.`,
      `To accept, open this link within ${within.en} and choose a password:`,
      '',
      link,
      '',
      'The link works once. If you were not expecting this email, ignore it.',
      '',
    ].join('\n'),
  };
}

function renderPasswordReset(to: string, email: AccountLinkEmail, link: string): RenderedEmail {
  const within = describeValidity(email.validForMinutes);
  return {
    subject: `Đặt lại mật khẩu / Reset your password – ${toOneLine(email.siteName)}`,
    text: [
      `Xin chào ${email.fullName},`,
      '',
      `Chúng tôi nhận được yêu cầu đặt lại mật khẩu cho tài khoản ${to} trên ${email.siteName}.`,
      `Để đặt mật khẩu mới, hãy mở liên kết sau trong vòng ${within.vi}:`,
      '',
      link,
      '',
      'Liên kết chỉ dùng được một lần. Nếu bạn không yêu cầu, hãy bỏ qua thư này: mật khẩu của bạn vẫn giữ nguyên.',
      '',
      '-----',
      '',
      `Hello ${email.fullName},`,
      '',
      `We received a request to reset the password of the account ${to} on ${email.siteName}.`,
      `To choose a new password, open this link within ${within.en}:`,
      '',
      link,
      '',
      'The link works once. If you did not ask for this, ignore this email: your password stays as it is.',
      '',
    ].join('\n'),
  };
}

/** Both languages in one message: the person's language is not known before they sign in. */
export function renderAccountEmail(
  template: AccountEmailTemplate,
  to: string,
  email: AccountLinkEmail,
  token: string,
): RenderedEmail {
  const link = accountLink(template, email, token);
  return template === 'staff.invitation'
    ? renderInvitation(to, email, link)
    : renderPasswordReset(to, email, link);
}
