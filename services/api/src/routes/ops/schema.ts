// zod shapes of the operator API; they validate requests and document /openapi.json.
import { z } from '@hono/zod-openapi';

export const SlugParam = z.object({
  slug: z
    .string()
    .openapi({ param: { name: 'slug', in: 'path' }, example: 'da-nang', description: 'The tenant slug.' }),
});

export const CreateTenantBody = z
  .object({
    slug: z.string().openapi({
      example: 'da-nang',
      description: '2-31 characters: lower-case letters, digits, single hyphens; starts with a letter.',
      pattern: '^[a-z][a-z0-9-]{1,30}$',
    }),
    name: z.string().trim().min(2).max(200).openapi({ example: 'UBND thành phố Đà Nẵng' }),
    kind: z.enum(['ministry', 'province']).openapi({ example: 'province' }),
    adminEmail: z.email().max(254).openapi({ example: 'quantri@danang.gov.vn' }),
  })
  .openapi('CreateTenant');

export const Step = z
  .object({
    name: z.string(),
    status: z.enum(['pending', 'running', 'done', 'failed']),
    startedAt: z.string().optional(),
    finishedAt: z.string().optional(),
    durationMs: z.number().optional(),
    error: z.string().optional(),
    note: z.string().optional(),
  })
  .openapi('ProvisioningStep');

export const Run = z
  .object({
    id: z.string(),
    kind: z.enum(['provision', 'offboard']),
    status: z.enum(['running', 'failed', 'succeeded']),
    steps: z.array(Step),
    attempts: z.number().int(),
    error: z.string().nullable(),
    exportKey: z.string().nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .openapi('ProvisioningRun');

export const Tenant = z
  .object({
    id: z.string().openapi({ example: 'ten_01jq7v9x3k8m2c4r6t8w0y2a4c' }),
    slug: z.string(),
    name: z.string(),
    kind: z.enum(['ministry', 'province']),
    status: z.enum(['provisioning', 'active', 'suspended', 'offboarding', 'offboarded']),
    adminEmail: z.string(),
    schemaVersion: z.number().int(),
    createdAt: z.string(),
    suspendedAt: z.string().nullable(),
    suspendedReason: z.string().nullable(),
    offboardedAt: z.string().nullable(),
  })
  .openapi('Tenant');

export const Usage = z
  .object({
    day: z.string().openapi({
      example: '2026-11-20',
      description: 'The latest measured day (civil day in Asia/Ho_Chi_Minh).',
    }),
    dossiersReceived: z.number().int().openapi({ description: 'Dossiers received on `day`.' }),
    dossiersSubmitted: z.number().int().openapi({ description: 'Dossiers submitted on `day`.' }),
    storageBytes: z.number().int().openapi({ description: 'Bytes of checked files when measured.' }),
    staffSeats: z.number().int().openapi({ description: 'Active staff accounts when measured.' }),
    measuredAt: z.string(),
    month: z.string().openapi({ example: '2026-11', description: 'The month of `day`.' }),
    monthReceived: z
      .number()
      .int()
      .openapi({ description: 'Dossiers received from the first of `month` through `day`.' }),
  })
  .openapi('TenantUsage');

export const TenantDetail = z
  .object({
    tenant: Tenant,
    schemaHead: z.number().int(),
    runs: z.array(Run),
    exportAvailable: z.boolean(),
    usage: Usage.nullable().openapi({ description: 'Null until the agency is first measured.' }),
  })
  .openapi('TenantDetail');

export const TenantSummary = Tenant.extend({ latestRun: Run.nullable(), usage: Usage.nullable() }).openapi(
  'TenantSummary',
);

export const Accepted = z.object({ tenant: Tenant, run: Run }).openapi('ProvisioningAccepted');

export const ErrorResponse = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'conflict' }),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .openapi('Error');

export const errorResponses = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: errorDescriptions[status] ?? 'Error',
        content: { 'application/json': { schema: ErrorResponse } },
      },
    ]),
  );

const errorDescriptions: Record<number, string> = {
  400: 'The input is not valid; `details` lists each problem.',
  401: 'No or wrong operator token.',
  404: 'No such tenant.',
  409: 'Conflicts with the current state (slug taken, tenant not in a state that allows this).',
};
