import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConflictError, LimitExceededError, ValidationError } from './errors.ts';
import { errorFacts, fieldProblem, toFieldProblems } from './field-problem.ts';

describe('what an error carries beside its message', () => {
  it('keeps a list as the field problems', () => {
    const problems = [{ path: 'slug', message: 'This slug is taken.' }];
    const error = new ConflictError('Taken.', problems, 'slug_taken');
    expect(error.details).toEqual(problems);
    expect(error.facts).toBeUndefined();
    expect(error.code).toBe('slug_taken');
  });

  it('keeps an object as facts, never as field problems', () => {
    const error = new ConflictError('Over quota.', { quotaBytes: 10, usedBytes: 9, requestedBytes: 2 });
    expect(error.details).toBeUndefined();
    expect(error.facts).toEqual({ quotaBytes: 10, usedBytes: 9, requestedBytes: 2 });
    expect(errorFacts.parse(error.facts)).toEqual(error.facts);
  });

  it('keeps the retry delay of a limit apart from its facts', () => {
    const error = new LimitExceededError('Too many.', 60, { limit: 'per_day', max: 3 });
    expect(error.retryAfterSeconds).toBe(60);
    expect(error.facts).toEqual({ limit: 'per_day', max: 3 });
  });

  it('carries neither when given nothing', () => {
    const error = new ValidationError('No.');
    expect([error.details, error.facts, error.code]).toEqual([undefined, undefined, 'invalid_input']);
  });

  it("copies the thrower's list, so that changing it later changes nothing", () => {
    const problems = [{ path: 'a', message: 'Required.' }];
    const error = new ValidationError('No.', problems);
    problems.push({ path: 'b', message: 'Required.' });
    expect(error.details).toHaveLength(1);
  });
});

describe('field problems', () => {
  it("turns zod's issues into dotted paths with their messages", () => {
    const schema = z.object({ answers: z.object({ phone: z.string({ error: 'A phone number.' }) }) });
    const result = schema.safeParse({ answers: {} });
    expect(result.success).toBe(false);
    const problems = toFieldProblems(result.error as z.ZodError);
    expect(problems).toEqual([{ path: 'answers.phone', message: 'A phone number.' }]);
    expect(z.array(fieldProblem).parse(problems)).toEqual(problems);
  });

  it('describes what pages need besides path and message', () => {
    const problem = {
      path: 'textOnPrimary',
      message: 'Too low.',
      code: 'contrast',
      ratio: 3.1,
      messageVi: 'Thấp.',
    };
    expect(fieldProblem.parse(problem)).toEqual(problem);
  });
});
