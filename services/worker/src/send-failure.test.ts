import { describe, expect, it } from 'vitest';
import { describeSendFailure, isServerUnreachable } from './send-failure.ts';

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
