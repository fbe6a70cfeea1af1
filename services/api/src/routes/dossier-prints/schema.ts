// zod shapes of the dossier print and download API.
import { z } from '@hono/zod-openapi';
import { printableForms } from '@motcua/engine';

export const FormParams = z.object({
  id: z.string().max(40),
  form: z.enum(printableForms).openapi({
    description:
      'Circular 03/2025/TT-VPCP appendix I: 01 receipt, 02 supplement-request, 03 refusal, 04 apology, 05 stop-notice, 06 control-slip (staff only).',
  }),
});

export const FormQuery = z.object({
  lang: z.enum(['vi', 'en']).default('vi').openapi({ description: 'The language of the form’s labels.' }),
});

export const DocumentParams = z.object({ id: z.string().max(40), documentId: z.string().max(40) });

export const Binary = z.string().openapi({ format: 'binary' });
