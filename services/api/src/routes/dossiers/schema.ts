// zod shapes of the catalog and dossier API.
import { z } from '@hono/zod-openapi';
import { dossierStates, PROCEDURE_CODE, TEMPLATE_FILE } from '@motcua/domain';

export const Localized = z.object({ vi: z.string(), en: z.string() });

/** A template's address: names that become a storage key, so only plain ones are taken. */
export const TemplateParams = z.object({
  code: z.string().max(80).regex(PROCEDURE_CODE, 'A procedure code such as 1.001193.H48').openapi({
    example: '1.001193.H48',
  }),
  file: z
    .string()
    .max(120)
    .regex(TEMPLATE_FILE, 'A plain file name such as mau-to-khai.docx')
    .openapi({ example: 'mau-van-ban-uy-quyen.docx' }),
});

export const ProcedureSummary = z
  .object({
    code: z.string().openapi({ example: '1.001193.000.00.00.H38' }),
    version: z.number().int(),
    name: Localized,
    sector: z.string(),
    onlineLevel: z.enum(['full', 'partial']),
    legacyLevel: z.union([z.literal(3), z.literal(4)]),
    processingTime: z.object({ value: z.number(), unit: z.string() }),
    feeFrom: z.number().int().openapi({ description: 'Smallest total fee in đồng (conditions may add).' }),
  })
  .openapi('ProcedureSummary');

export const Dossier = z
  .object({
    id: z.string(),
    code: z.string().nullable().openapi({ example: 'DANANG-261123-0042' }),
    procedureCode: z.string(),
    procedureVersionId: z.string(),
    state: z.enum(dossierStates),
    nationalStatus: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'National status code 1–10; null for drafts.' }),
    channel: z.enum(['in_person', 'online', 'post']),
    answers: z.record(z.string(), z.unknown()),
    feeTotal: z.number().int(),
    paid: z.boolean(),
    assigneeId: z.string().nullable(),
    stepIndex: z.number().int().nullable(),
    submittedAt: z.string().nullable(),
    receivedAt: z.string().nullable(),
    dueAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    rating: z.number().int().nullable(),
    revision: z.number().int(),
  })
  .openapi('Dossier');

export const SaveDossierBody = z
  .object({
    procedureCode: z.string(),
    dossierId: z.string().optional().openapi({ description: 'Continue this draft.' }),
    answers: z.record(z.string(), z.unknown()).optional(),
    submit: z.boolean().optional().openapi({ description: 'Submit now; otherwise the draft is saved.' }),
  })
  .openapi('SaveDossier');

export const SavedDossier = z
  .object({
    dossier: Dossier,
    trackingKey: z
      .string()
      .nullable()
      .openapi({ description: 'Printed on the receipt; public tracking needs it with the code.' }),
  })
  .openapi('SavedDossier');

export const Timeline = z.array(
  z.object({
    action: z.string(),
    from: z.string(),
    to: z.string(),
    actor: z.string(),
    at: z.string(),
    data: z.record(z.string(), z.unknown()),
  }),
);

export const ActionBody = z
  .object({
    input: z.record(z.string(), z.unknown()).optional().openapi({
      description:
        'What the action needs, e.g. `{ "reason": "…" }` for refuse, `{ "missing": [...] }` for request-supplement.',
    }),
    expectedRevision: z.number().int().optional().openapi({
      description: 'The revision you saw; if the dossier changed since, the answer is 409.',
    }),
  })
  .openapi('DossierAction');

export const Tracked = z
  .object({
    code: z.string(),
    procedureCode: z.string(),
    state: z.enum(dossierStates),
    nationalStatus: z.number().int().nullable(),
    submittedAt: z.string().nullable(),
    receivedAt: z.string().nullable(),
    dueAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    steps: z.array(z.object({ action: z.string(), to: z.string(), at: z.string() })),
  })
  .openapi('TrackedDossier');

export const StartUploadBody = z
  .object({
    slot: z.string().openapi({
      description: 'The procedure’s document id, or `result` for staff.',
      example: 'ban_sao_cccd',
    }),
    fileName: z.string().openapi({ example: 'cccd.pdf' }),
    contentType: z.enum(['application/pdf', 'image/jpeg', 'image/png']),
    sizeBytes: z.number().int(),
  })
  .openapi('StartUpload');

export const DossierDocument = z
  .object({
    id: z.string(),
    kind: z.enum(['input', 'result']),
    slot: z.string(),
    fileName: z.string(),
    contentType: z.string(),
    sizeBytes: z.number().int(),
    status: z.enum(['pending', 'verified', 'rejected']),
    sha256: z.string().nullable(),
  })
  .openapi('DossierDocument');

export const Upload = z.object({
  document: DossierDocument,
  upload: z.object({
    method: z.literal('PUT'),
    url: z
      .string()
      .openapi({ description: 'PUT the file here with the same Content-Type, then call verify.' }),
    headers: z.record(z.string(), z.string()),
    expiresInSeconds: z.number().int(),
  }),
});

export const QueueDossier = Dossier.pick({
  id: true,
  code: true,
  procedureCode: true,
  state: true,
  nationalStatus: true,
  channel: true,
  paid: true,
  assigneeId: true,
  submittedAt: true,
  receivedAt: true,
  dueAt: true,
  finishedAt: true,
})
  .extend({
    applicantName: z.string().nullable().openapi({
      description: 'The name the applicant declared; the queue carries no other answer.',
    }),
    flags: z.object({
      deadline: z.enum(['on_time', 'due_soon', 'late']).nullable(),
      answerBy: z.string().nullable().openapi({
        description: 'Online dossiers: receive or ask for more within 8 working hours (Decree 45/2020).',
      }),
      answerStatus: z.enum(['on_time', 'due_soon', 'late']).nullable(),
    }),
  })
  .openapi('QueueDossier', {
    description:
      'A dossier as the staff queue lists it, without its answers: `GET /api/dossiers/{id}` gives them, and records the view in the audit log.',
  });
