import { readFileSync } from 'node:fs';
import { parseOptions } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import {
  checkPassword,
  dummyPasswordHash,
  hashPassword,
  needsRehash,
  passwordHashOptions,
  verifyAgainstDummy,
  verifyPassword,
} from './passwords.ts';

const codes = (password: string, context?: { email?: string; name?: string }) =>
  checkPassword(password, context).map((p) => p.code);

describe('password hashing', () => {
  it('hashes with argon2id at m=19456 KiB, t=2, p=1 and verifies', async () => {
    const hash = await hashPassword('sông Hồng chảy về biển');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, 'sông Hồng chảy về biển')).toBe(true);
    expect(await verifyPassword(hash, 'sông Hồng chảy về biển.')).toBe(false);
    expect(await hashPassword('sông Hồng chảy về biển')).not.toBe(hash);
  });

  it('treats precomposed and decomposed Vietnamese letters as the same password', async () => {
    const composed = 'Mật khẩu của tôi'.normalize('NFC');
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    expect(await verifyPassword(await hashPassword(composed), decomposed)).toBe(true);
  });

  it('is false, not an error, for a stored value that is not a hash', async () => {
    expect(await verifyPassword('not-a-hash', 'whatever')).toBe(false);
    expect(await verifyPassword('', 'whatever')).toBe(false);
  });

  it('tells when a hash was made with other parameters', async () => {
    expect(needsRehash(await hashPassword('correct horse battery'))).toBe(false);
    expect(
      needsRehash(
        '$argon2id$v=19$m=4096,t=3,p=1$c2FsdHNhbHRzYWx0$kZ9z0Ee2XbWqO2U5Bx8S9fdpuUVd3mBiI6F1j8M5q0Q',
      ),
    ).toBe(true);
    expect(needsRehash('$2b$10$abcdefghijklmnopqrstuv')).toBe(true);
  });

  it('keeps the dummy hash in step with the current parameters and never matches', async () => {
    expect(parseOptions(dummyPasswordHash)).toMatchObject({ ...passwordHashOptions, algorithm: 2 });
    expect(await verifyAgainstDummy('')).toBe(false);
    expect(await verifyAgainstDummy('motcua-dummy-password')).toBe(false);
  });
});

describe('checkPassword', () => {
  it('accepts a long, uncommon password', () => {
    expect(checkPassword('ba con mèo trèo cây cau', { email: 'binh@example.vn', name: 'Trần Bình' })).toEqual(
      [],
    );
  });

  it('counts characters, not bytes or UTF-16 units', () => {
    expect(codes('Đường về!!')).toEqual([]); // 10 characters
    expect(codes('Đường về!')).toEqual(['too_short']);
    expect(codes(`${'😀'.repeat(9)}a`)).toEqual([]);
  });

  it('refuses too short and too long', () => {
    expect(codes('abc')).toContain('too_short');
    expect(codes(`${'xy'.repeat(64)}z`)).toEqual(['too_long']);
    expect(codes('xy'.repeat(64))).toEqual([]);
  });

  it.each([
    'matkhau123',
    'vietnam123',
    'anhyeuem123',
    '123456789a',
    'iloveyou123',
    'MatKhau123',
    'qwertyuiop',
  ])('refuses the common password %s', (password) => {
    expect(codes(password)).toEqual(['common']);
  });

  it.each(['matkhau', 'anhyeuem', 'iloveyou', '123456789'])('refuses %s as short and common', (password) => {
    expect(codes(password)).toEqual(['too_short', 'common']);
  });

  it('sees through the digits and symbols people append, diacritics and repetition', () => {
    expect(codes('Vietnam2027!!')).toEqual(['common']);
    expect(codes('mậtkhẩu@2027')).toEqual(['common']);
    expect(codes('aaaaaaaaaaaa')).toEqual(['common']);
  });

  it('refuses the e-mail’s local part and the person’s name', () => {
    expect(codes('nguyenvanan.1990', { email: 'NguyenVanAn@ubnd.gov.vn' })).toEqual(['contains_email']);
    expect(codes('nguyenvanan+1990', { email: 'nguyenvanan+portal@gmail.com' })).toEqual(['contains_email']);
    expect(codes('toi-la-nguyenvanan!', { name: 'Nguyễn Văn An' })).toEqual(['contains_name']);
    // Fragments this short would refuse half of all passwords.
    expect(codes('an toàn là bạn', { email: 'an@x.vn', name: 'An' })).toEqual([]);
  });

  it('ships a list of several hundred common passwords, Vietnamese ones included', () => {
    const list = readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
      .split('\n')
      .filter((line) => line && !line.startsWith('#'));
    expect(list.length).toBeGreaterThanOrEqual(300);
    expect(new Set(list).size).toBe(list.length);
    expect(list.every((line) => line === line.toLowerCase().trim())).toBe(true);
    for (const word of ['matkhau', '123456789', 'matkhau123', 'anhyeuem', 'iloveyou', 'vietnam123']) {
      expect(list).toContain(word);
    }
  });

  it('gives every problem a message to show', () => {
    for (const problem of checkPassword('matkhau', { email: 'matkhau@x.vn' })) {
      expect(problem.message.length).toBeGreaterThan(10);
    }
  });
});
