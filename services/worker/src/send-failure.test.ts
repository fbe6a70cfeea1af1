import { describe, expect, it } from 'vitest';
import { classifySendFailure, describeSendFailure, isServerUnreachable, smtpCodeOf } from './send-failure.ts';

function smtpError(message: string, fields: Record<string, unknown>): Error {
  return Object.assign(new Error(message), fields);
}

describe('describeSendFailure', () => {
  it.each([
    { error: smtpError('Connection refused 127.0.0.1:2525', { code: 'ESOCKET' }), expected: 'Error:ESOCKET' },
    {
      error: smtpError("Can't send mail - all recipients were rejected: 550 <an@example.vn>: no such user", {
        code: 'EENVELOPE',
        responseCode: 550,
        response: '550 <an@example.vn>: no such user',
      }),
      expected: 'Error:EENVELOPE:550',
    },
    { error: new TypeError('payload.to of an@example.vn'), expected: 'TypeError' },
    { error: smtpError('x', { name: 'Bad name with an@example.vn' }), expected: 'Error' },
    { error: smtpError('x', { code: 'an@example.vn' }), expected: 'Error' },
    { error: smtpError('x', { code: 42, responseCode: 9999 }), expected: 'Error' },
    { error: 'a thrown string with an@example.vn', expected: 'UnknownError' },
    { error: undefined, expected: 'UnknownError' },
  ])('$expected', ({ error, expected }) => {
    expect(describeSendFailure(error)).toBe(expected);
  });
});

describe('isServerUnreachable', () => {
  it.each([
    [smtpError('x', { code: 'ECONNECTION' }), true],
    [smtpError('x', { code: 'ESOCKET' }), true],
    [smtpError('x', { code: 'ETIMEDOUT' }), true],
    [smtpError('x', { code: 'EAUTH', responseCode: 535 }), true],
    [smtpError('x', { code: 'EMESSAGE', responseCode: 421 }), true],
    [smtpError('x', { code: 'EENVELOPE', responseCode: 550 }), false],
    [smtpError('x', { code: 'EMESSAGE', responseCode: 552 }), false],
    [new TypeError('bad payload'), false],
    [null, false],
  ])('%o → %s', (error, expected) => {
    expect(isServerUnreachable(error)).toBe(expected);
  });
});

describe('classifySendFailure', () => {
  it.each([
    // Refused for good: the mailbox or the message.
    [smtpError('x', { code: 'EENVELOPE', responseCode: 550, command: 'RCPT TO' }), 'permanent'],
    [smtpError('x', { code: 'EENVELOPE', responseCode: 553, command: 'RCPT TO' }), 'permanent'],
    [smtpError('x', { code: 'EMESSAGE', responseCode: 554, command: 'DATA' }), 'permanent'],
    // Refused for now: this message is retried on its own.
    [smtpError('x', { code: 'EENVELOPE', responseCode: 450, command: 'RCPT TO' }), 'message'],
    [smtpError('x', { code: 'EMESSAGE', responseCode: 452, command: 'DATA' }), 'message'],
    [smtpError('x', { code: 'EENVELOPE', command: 'API' }), 'message'],
    [Object.assign(new Error('bad payload'), { code: 'invalid_email_payload' }), 'message'],
    [new TypeError('bad payload'), 'message'],
    // The server's trouble, whatever the message: every message would fail alike.
    [smtpError('x', { code: 'EMESSAGE', responseCode: 421, command: 'DATA' }), 'server'],
    [smtpError('x', { code: 'EENVELOPE', responseCode: 550, command: 'MAIL FROM' }), 'server'],
    [smtpError('x', { code: 'EAUTH', responseCode: 535, command: 'AUTH PLAIN' }), 'server'],
    [smtpError('x', { code: 'ECONNECTION', command: 'CONN' }), 'server'],
    [smtpError('x', { code: 'ESOCKET' }), 'server'],
    [smtpError('x', { code: 'EPROTOCOL', command: 'CONN' }), 'server'],
  ])('%o → %s', (error, expected) => {
    expect(classifySendFailure(error)).toBe(expected);
  });

  it('reads the SMTP code, if any', () => {
    expect(smtpCodeOf(smtpError('x', { responseCode: 550 }))).toBe(550);
    expect(smtpCodeOf(smtpError('x', { code: 'ESOCKET' }))).toBeUndefined();
  });
});
