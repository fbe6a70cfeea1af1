// Text every citizen-facing part of a procedure carries in both languages: Vietnamese is the
// language of record, English is switchable on every page.
import { z } from 'zod';

export const localizedText = z.strictObject({
  vi: z.string().trim().min(1).max(2000),
  en: z.string().trim().min(1).max(2000),
});
export type LocalizedText = z.infer<typeof localizedText>;
