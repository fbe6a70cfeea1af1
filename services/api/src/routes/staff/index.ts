// Staff management for agency admins (/api/admin/staff*) and the public acceptance of an
// invitation (/api/auth/invitation/accept). The verbs live in @motcua/auth.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  acceptInvitation,
  inviteStaff,
  listStaff,
  resendInvitation,
  type StaffView,
  updateStaff,
} from '@motcua/auth';
import type { AppEnv } from '../../context.ts';
import { tenantSiteBase } from '../../tenant-mail.ts';
import { staffContext } from '../admin/actor.ts';
import { body, json } from '../openapi-helpers.ts';
import { errorResponses } from '../ops/schema.ts';
import { validationHook } from '../validation-hook.ts';

const roles = ['admin', 'reception', 'specialist', 'approver', 'clerk', 'viewer'] as const;

const Staff = z
  .object({
    id: z.string(),
    email: z.string(),
    fullName: z.string(),
    role: z.enum(roles),
    unitId: z.string().nullable(),
    status: z.enum(['invited', 'active', 'disabled']),
    totpEnrolled: z.boolean(),
    createdAt: z.string(),
  })
  .openapi('StaffMember');

const toStaff = (s: StaffView) => ({
  id: s.id,
  email: s.email,
  fullName: s.fullName,
  role: s.role,
  unitId: s.unitId,
  status: s.status,
  totpEnrolled: s.totpEnrolledAt !== null,
  createdAt: s.createdAt.toISOString(),
});

const list = createRoute({
  method: 'get',
  path: '/api/admin/staff',
  tags: ['Agency console'],
  summary: 'The agency’s staff, invited and disabled included',
  responses: { 200: json(z.object({ staff: z.array(Staff) }), 'Staff.'), ...errorResponses(401, 403) },
});

const invite = createRoute({
  method: 'post',
  path: '/api/admin/staff',
  tags: ['Agency console'],
  summary: 'Invite a person by email; the link works once, for 7 days',
  description:
    'Creates the person as `invited` and emails them a link to choose a password (queued in the same transaction; sent by the worker, again after an SMTP outage). An address already on the staff is 409.',
  request: body(
    z.object({
      email: z.string().openapi({ example: 'tranthib@sotuphap.gov.vn' }),
      fullName: z.string().openapi({ example: 'Trần Thị B' }),
      role: z.enum(roles),
      unitId: z.string().nullable().optional(),
    }),
  ),
  responses: { 201: json(z.object({ staff: Staff }), 'Invited.'), ...errorResponses(400, 401, 403, 409) },
});

const update = createRoute({
  method: 'patch',
  path: '/api/admin/staff/{id}',
  tags: ['Agency console'],
  summary: 'Change a staff member’s role, unit or status',
  description:
    'A role change or disabling ends the person’s sessions. Admins cannot demote or disable themselves, and the last active admin cannot be demoted or disabled (409 `self_change`, `last_admin`).',
  request: {
    params: z.object({ id: z.string() }),
    ...body(
      z.object({
        role: z.enum(roles).optional(),
        unitId: z.string().nullable().optional(),
        status: z.enum(['active', 'disabled']).optional(),
      }),
    ),
  },
  responses: {
    200: json(z.object({ staff: Staff }), 'Changed.'),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

const accept = createRoute({
  method: 'post',
  path: '/api/auth/invitation/accept',
  tags: ['Portal'],
  summary: 'Accept a staff invitation by choosing a password',
  description:
    'A forged, used or expired token is 400 `invalid_or_expired_invitation`; a password the policy refuses is 400 `invalid_input` with `details[].path = "password"`, and the link keeps working. Sign in afterwards.',
  request: body(
    z.object({
      token: z.string().openapi({ description: 'The `token` parameter of the emailed link.' }),
      password: z.string(),
      fullName: z.string().optional(),
    }),
  ),
  responses: {
    200: json(z.object({ status: z.literal('invitation_accepted') }), 'Accepted.'),
    ...errorResponses(400),
  },
});

const resend = createRoute({
  method: 'post',
  path: '/api/admin/staff/{id}/invitation',
  tags: ['Agency console'],
  summary: 'Send a new invitation link to someone who has not accepted yet (earlier links stop working)',
  description:
    'A new link is emailed; earlier links stop working at once, and an earlier email still waiting to be sent is not sent. Recorded in the audit trail. 409 `not_invited` once the person has accepted.',
  request: { params: z.object({ id: z.string() }) },
  responses: {
    202: { description: 'Sent.', content: { 'application/json': { schema: z.object({ id: z.string() }) } } },
    ...errorResponses(401, 403, 404, 409),
  },
});

export function staffRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(list, async (c) =>
    c.json({ staff: (await listStaff(await staffContext(c))).map(toStaff) }, 200),
  );
  app.openapi(invite, async (c) => {
    const ctx = await staffContext(c);
    const deps = { linkBase: tenantSiteBase(c), siteName: c.get('tenant').name };
    return c.json({ staff: toStaff(await inviteStaff(ctx, c.req.valid('json'), deps)) }, 201);
  });
  app.openapi(resend, async (c) => {
    const ctx = await staffContext(c);
    const deps = { linkBase: tenantSiteBase(c), siteName: c.get('tenant').name };
    return c.json(await resendInvitation(ctx, { id: c.req.valid('param').id }, deps), 202);
  });
  app.openapi(update, async (c) => {
    const ctx = await staffContext(c);
    const staff = await updateStaff(ctx, { ...c.req.valid('json'), id: c.req.valid('param').id });
    return c.json({ staff: toStaff(staff) }, 200);
  });
  app.openapi(accept, async (c) => {
    const ctx = {
      database: c.get('deps').database,
      slug: c.get('tenant').slug,
      requestId: c.get('requestId'),
      ...(c.env.clientIp ? { ip: c.env.clientIp } : {}),
    };
    await acceptInvitation(ctx, c.req.valid('json'));
    return c.json({ status: 'invitation_accepted' as const }, 200);
  });
  return app;
}
