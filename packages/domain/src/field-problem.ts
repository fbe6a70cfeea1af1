// What an error reports beside its message: the input's problems field by field, or facts about
// the refusal that belong to no field. Zod schemas so that a transport can document both.
import { z } from 'zod';

/** One problem of an input: the field at fault and what is wrong with it. */
export const fieldProblem = z.object({
  path: z
    .string()
    .describe(
      'The field at fault as a dotted path (`answers.phone`, `documents.0`); empty for the whole input.',
    ),
  message: z.string().describe('What is wrong, in English, safe to show a person.'),
  code: z
    .string()
    .optional()
    .describe('A stable reason (`too_short`, `contrast`) for clients that word the message themselves.'),
  messageVi: z
    .string()
    .optional()
    .describe("The message in Vietnamese, where the rule has words of its own (a procedure form's rules)."),
  ratio: z.number().optional().describe('The contrast ratio a `contrast` problem of a colour measured.'),
});
export type FieldProblem = z.infer<typeof fieldProblem>;

/**
 * Facts about a refusal that are no field's problem: the quota and what is used of it, the state
 * a dossier or tenant is in, the permission that was missing. Clients see them as `details` when
 * the error lists no field problems.
 */
export const errorFacts = z.record(z.string(), z.unknown());
export type ErrorFacts = Readonly<Record<string, unknown>>;

/** Zod's issues as field problems, the shape every verb reports invalid input in. */
export function toFieldProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}
