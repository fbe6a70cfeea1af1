// What each dossier action needs from the person taking it, as zod schemas the HTTP layer
// also publishes. Only the listed fields are kept: they become the event's data.
import { z } from 'zod';
import { ValidationError } from '../errors.ts';
import { toFieldProblems } from '../field-problem.ts';
import type { DossierAction } from './rules.ts';

function requiredText(max: number) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? 'Required.' : 'Must be text.') })
    .trim()
    .min(1, { error: 'Required.' })
    .max(max, { error: `At most ${max} characters.` });
}

function optionalText(max: number) {
  return z
    .string({ error: 'Must be text.' })
    .trim()
    .max(max, { error: `At most ${max} characters.` })
    .optional();
}

/** Flags the second and later occurrences of the same entry (trimmed, case-insensitive). */
function rejectDuplicates<T>(keyOf: (item: T) => string, path: (index: number) => (string | number)[]) {
  return (items: T[], ctx: z.core.$RefinementCtx<T[]>) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      const key = keyOf(item).toLocaleLowerCase('vi');
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: path(index), message: 'Listed twice.' });
      seen.add(key);
    });
  };
}

const noInput = z.object({});
const reason = requiredText(2000);
const reference = z.record(z.string(), z.unknown(), { error: 'Must be an object.' });

// One-stop mechanism (Decree 61/2018 as amended by Decree 107/2021, now Decree 118/2025): the
// supplement request is made in writing, once, and says exactly what is missing and why.
const missingDocuments = z
  .array(z.object({ document: requiredText(500), reason: requiredText(2000) }), {
    error: (issue) => (issue.input === undefined ? 'Required.' : 'Must be a list.'),
  })
  .min(1, { error: 'List at least one missing document.' })
  .max(100, { error: 'At most 100 documents.' })
  .superRefine(
    rejectDuplicates(
      (item) => item.document,
      (index) => [index, 'document'],
    ),
  );

const supplementInput = z
  .object({ documents: reference.optional(), answers: reference.optional() })
  .superRefine((value, ctx) => {
    const given = Object.keys(value.documents ?? {}).length + Object.keys(value.answers ?? {}).length;
    if (given === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['documents'],
        message: 'Give the missing documents or answers.',
      });
    }
  });

const resultDocuments = z
  .array(requiredText(100), {
    error: (issue) => (issue.input === undefined ? 'Required.' : 'Must be a list.'),
  })
  .min(1, { error: 'Attach at least one result document.' })
  .max(50, { error: 'At most 50 documents.' })
  .superRefine(
    rejectDuplicates(
      (id) => id,
      (index) => [index],
    ),
  );

export const actionInputs = {
  submit: noInput,
  receive: noInput,
  refuse: z.object({ reason }),
  request_supplement: z.object({ missing: missingDocuments, note: optionalText(2000) }),
  supplement: supplementInput,
  assign: z.object({ assigneeId: requiredText(100) }),
  complete_step: z.object({ note: optionalText(2000) }),
  // Đồng have no minor unit, so an amount is a whole number.
  request_payment: z.object({
    amount: z.int({ error: 'A whole number of đồng.' }).positive({ error: 'Must be more than 0.' }),
  }),
  record_payment: z.object({
    method: z.enum(['desk', 'online'], { error: 'Choose desk or online.' }),
    reference: requiredText(200),
  }),
  submit_for_approval: noInput,
  return_for_rework: z.object({ reason }),
  approve: noInput,
  stop: z.object({ reason }),
  issue_result: z.object({ resultDocuments }),
  return_result: z.object({
    method: z.enum(['online', 'desk', 'post'], { error: 'Choose online, desk or post.' }),
  }),
  withdraw: z.object({ reason: optionalText(2000) }),
  apologise: z.object({ newDueDate: z.iso.date({ error: 'A date as YYYY-MM-DD.' }), reason }),
  rate: z.object({
    score: z
      .int({ error: 'A whole number from 1 to 5.' })
      .min(1, { error: 'At least 1.' })
      .max(5, { error: 'At most 5.' }),
    comment: optionalText(2000),
  }),
} as const satisfies Record<DossierAction, z.ZodType>;

export type ActionInput<A extends DossierAction> = z.output<(typeof actionInputs)[A]>;

/** The action's input, or a ValidationError listing every problem field by field. */
export function parseActionInput<A extends DossierAction>(action: A, input: unknown): ActionInput<A> {
  const schema: z.ZodType = actionInputs[action];
  const result = schema.safeParse(input ?? {});
  // The schema is the one `ActionInput<A>` is derived from; TS cannot follow the index.
  if (result.success) return result.data as ActionInput<A>;
  throw new ValidationError('Some details need correcting.', toFieldProblems(result.error));
}
