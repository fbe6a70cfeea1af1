// Citizens' feedback (phản ánh, kiến nghị) and the agency's answers.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { answerFeedback, fileFeedback, listFeedback } from '@motcua/engine';
import type { AppEnv } from '../../context.ts';
import { actorContext } from '../admin/actor.ts';
import { body, json } from '../openapi-helpers.ts';
import { errorResponses } from '../ops/schema.ts';
import { validationHook } from '../validation-hook.ts';

const Feedback = z
  .object({
    id: z.string(),
    dossierId: z.string().nullable(),
    subject: z.string(),
    body: z.string(),
    status: z.enum(['open', 'answered', 'refused']),
    answer: z.string().nullable(),
    createdAt: z.string(),
    answeredAt: z.string().nullable(),
    refuseBy: z.string().optional().openapi({ description: 'Refuse within 2 working days.' }),
    answerBy: z.string().optional().openapi({ description: 'Handle within 15 working days.' }),
  })
  .openapi('Feedback');

type Row = Awaited<ReturnType<typeof fileFeedback>>;
const view = (row: NonNullable<Row> & { refuseBy?: Date; answerBy?: Date }) => ({
  id: row.id,
  dossierId: row.dossierId,
  subject: row.subject,
  body: row.body,
  status: row.status,
  answer: row.answer,
  createdAt: row.createdAt.toISOString(),
  answeredAt: row.answeredAt?.toISOString() ?? null,
  ...(row.refuseBy ? { refuseBy: row.refuseBy.toISOString() } : {}),
  ...(row.answerBy ? { answerBy: row.answerBy.toISOString() } : {}),
});

const file = createRoute({
  method: 'post',
  path: '/api/feedback',
  tags: ['Dossiers'],
  summary: 'File feedback on a dossier or the service (citizens)',
  request: body(
    z
      .object({ dossierId: z.string().optional(), subject: z.string(), body: z.string() })
      .openapi('FileFeedback'),
  ),
  responses: { 201: json(Feedback, 'Filed.'), ...errorResponses(400, 401, 403, 404) },
});
const list = createRoute({
  method: 'get',
  path: '/api/feedback',
  tags: ['Dossiers'],
  summary: 'A citizen’s own feedback, or the agency’s for its staff, with the dates to answer by',
  responses: {
    200: json(z.object({ feedback: z.array(Feedback) }), 'Feedback.'),
    ...errorResponses(401, 403),
  },
});
const answer = createRoute({
  method: 'post',
  path: '/api/feedback/{id}/answer',
  tags: ['Dossiers'],
  summary: 'Answer or refuse feedback (the one-stop desk)',
  request: {
    params: z.object({ id: z.string().max(40) }),
    ...body(
      z.object({ outcome: z.enum(['answered', 'refused']), answer: z.string() }).openapi('AnswerFeedback'),
    ),
  },
  responses: { 200: json(Feedback, 'Answered.'), ...errorResponses(400, 401, 403, 404, 409) },
});

export function feedbackRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(file, async (c) => {
    const row = await fileFeedback(await actorContext(c), c.req.valid('json'));
    if (!row) throw new Error('The feedback insert returned no row.');
    return c.json(view(row), 201);
  });
  app.openapi(list, async (c) =>
    c.json({ feedback: (await listFeedback(await actorContext(c))).map(view) }, 200),
  );
  app.openapi(answer, async (c) => {
    const row = await answerFeedback(await actorContext(c), c.req.valid('param').id, c.req.valid('json'));
    if (!row) throw new Error('The feedback update returned no row.');
    return c.json(view(row), 200);
  });
  return app;
}
