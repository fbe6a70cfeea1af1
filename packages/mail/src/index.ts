// Outgoing email for Motcua: SMTP through nodemailer, or the log when no SMTP_URL is set.
export { createMailer, type Mailer, type MailerOptions, type MailMessage } from './mailer.ts';
