// Password hashing (argon2id) and the password policy shown to people choosing one.
import { readFileSync } from 'node:fs';
import { hash, parseOptions, verify } from '@node-rs/argon2';

/** OWASP's argon2id baseline (docs/design.md "Identity"): start here. */
export const passwordHashOptions = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;
// @node-rs/argon2 declares its algorithm as an ambient const enum, which isolatedModules cannot
// read; argon2id is both its default and the value 2 in what parseOptions returns.
const argon2id = 2;

export const passwordMinLength = 10;
export const passwordMaxLength = 128;

/**
 * Vietnamese keyboards and phones produce the same letter both precomposed and decomposed
 * (ế as one code point or e + two marks); NFKC makes them one password, as NIST SP 800-63B
 * asks, and lengths are counted after it in code points.
 */
function normalise(password: string): string {
  return password.normalize('NFKC');
}

export function hashPassword(password: string): Promise<string> {
  return hash(normalise(password), passwordHashOptions);
}

/** False for a wrong password and for a stored value that is not an argon2 hash. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, normalise(password));
  } catch {
    return false;
  }
}

/** True when a hash was made with other parameters than today's: rehash it after a good sign-in. */
export function needsRehash(storedHash: string): boolean {
  try {
    const options = parseOptions(storedHash);
    return (
      options.algorithm !== argon2id ||
      options.memoryCost !== passwordHashOptions.memoryCost ||
      options.timeCost !== passwordHashOptions.timeCost ||
      options.parallelism !== passwordHashOptions.parallelism
    );
  } catch {
    return true;
  }
}

/**
 * The hash of a random password nobody knows, made with {@link passwordHashOptions} (a test
 * keeps them in step). Verifying against it costs what verifying a real account costs.
 */
export const dummyPasswordHash =
  '$argon2id$v=19$m=19456,t=2,p=1$fRbxZw9hCedFi/74RvdDyw$rVOM7oHw66XZryy+1viP0fpI+YiAwf7ip6hu8fYB4c4';

/**
 * For a sign-in with an unknown account: does the same work as a real verification and
 * fails, so response time does not tell whether the account exists.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  await verifyPassword(dummyPasswordHash, password);
  return false;
}

export const passwordProblemCodes = [
  'too_short',
  'too_long',
  'common',
  'contains_email',
  'contains_name',
] as const;
export type PasswordProblemCode = (typeof passwordProblemCodes)[number];

export interface PasswordProblem {
  code: PasswordProblemCode;
  /** Safe to show; pages translate by `code`. */
  message: string;
}

let commonPasswords: Set<string> | undefined;

function isListed(candidate: string): boolean {
  commonPasswords ??= new Set(
    readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#')),
  );
  return commonPasswords.has(candidate);
}

/** Lower case without Vietnamese diacritics (đ included), as people type them in passwords. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/giu, 'd').toLowerCase();
}

function isCommon(password: string): boolean {
  const folded = fold(password);
  if (isListed(folded)) return true;
  // "vietnam2027!" is "vietnam" with the digits and symbol every policy makes people add.
  const stem = folded.replace(/[^\p{L}]+$/u, '');
  if (stem !== folded && stem.length > 0 && isListed(stem)) return true;
  return new Set(folded).size === 1;
}

// Shorter fragments would flag half of all passwords ("an", "le").
const minFragmentLength = 4;

function emailFragment(email: string | undefined): string | null {
  const local = fold(email?.split('@')[0] ?? '').replace(/\+.*$/, '');
  return local.length >= minFragmentLength ? local : null;
}

function nameFragment(name: string | undefined): string | null {
  const joined = fold(name ?? '').replace(/[^\p{L}\p{N}]/gu, '');
  return joined.length >= minFragmentLength ? joined : null;
}

/**
 * Everything wrong with a proposed password, empty when it is acceptable. Each problem has
 * a code so that a form can show it next to the field.
 */
export function checkPassword(
  password: string,
  context: { email?: string; name?: string } = {},
): PasswordProblem[] {
  const normalised = normalise(password);
  const length = [...normalised].length;
  const problems: PasswordProblem[] = [];
  if (length < passwordMinLength) {
    problems.push({ code: 'too_short', message: `Use at least ${passwordMinLength} characters.` });
  }
  if (length > passwordMaxLength) {
    problems.push({ code: 'too_long', message: `Use at most ${passwordMaxLength} characters.` });
  }
  if (isCommon(normalised)) {
    problems.push({
      code: 'common',
      message: 'This password is too common; choose one that is harder to guess.',
    });
  }
  const folded = fold(normalised);
  const email = emailFragment(context.email);
  if (email && folded.includes(email)) {
    problems.push({ code: 'contains_email', message: 'Do not use your e-mail address in your password.' });
  }
  const name = nameFragment(context.name);
  if (name && folded.includes(name)) {
    problems.push({ code: 'contains_name', message: 'Do not use your name in your password.' });
  }
  return problems;
}
