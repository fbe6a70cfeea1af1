// Live progress of an agency's latest run as server-sent events, for /ops/progress.js:
// `step` each time a step's status changes (every step once at the start), then `done` or
// `failed`, and the stream ends. The run is read every `pollMs`: runs take seconds, the read is
// two indexed queries, and polling needs nothing from the database beyond what the page reads.
import { getTenant, type ProvisioningRun } from '@motcua/provisioning';
import { type Locale, opsProgressScript, opsText, stepLabel, stepStatusLabel } from '@motcua/ui';
import { Hono } from 'hono';
import { type SSEStreamingApi, streamSSE } from 'hono/streaming';
import type { AppEnv } from '../../context.ts';
import { type Ctx, gate, page } from './session.tsx';

export const pollMs = 250;
/** A stream ends after this long even if the run has not: EventSource reconnects by itself. */
const maxStreamMs = 10 * 60_000;

/** The events that tell a browser what changed since `sent` (step name → what it was told). */
export function progressEvents(locale: Locale, run: ProvisioningRun, sent: Map<string, string>) {
  const events: { event: string; data: string }[] = [];
  for (const step of run.steps) {
    const seen = `${step.status}|${step.error ?? ''}`;
    if (sent.get(step.name) === seen) continue;
    sent.set(step.name, seen);
    const data = {
      name: step.name,
      label: stepLabel(locale, step.name),
      status: step.status,
      statusLabel: stepStatusLabel(locale, step.status),
      ...(step.error ? { error: step.error } : {}),
    };
    events.push({ event: 'step', data: JSON.stringify(data) });
  }
  if (run.status === 'succeeded') {
    const message = opsText(locale, run.kind === 'provision' ? 'provisionDone' : 'offboardDone');
    events.push({ event: 'done', data: JSON.stringify({ kind: run.kind, message }) });
  } else if (run.status === 'failed') {
    const step = run.steps.find((s) => s.status === 'failed');
    const data = {
      step: step?.name ?? '',
      stepLabel: step ? stepLabel(locale, step.name) : '',
      error: step?.error ?? run.error ?? '',
      message: opsText(locale, 'failedTitle'),
    };
    events.push({ event: 'failed', data: JSON.stringify(data) });
  }
  return events;
}

async function follow(c: Ctx, stream: SSEStreamingApi, slug: string, locale: Locale) {
  const { provisioning } = c.get('deps');
  const sent = new Map<string, string>();
  const stopAt = Date.now() + maxStreamMs;
  while (!stream.aborted && Date.now() < stopAt) {
    const [run] = (await getTenant(provisioning, slug)).runs;
    if (!run) {
      await stream.writeSSE({ event: 'done', data: JSON.stringify({ kind: 'none', message: '' }) });
      return;
    }
    const events = progressEvents(locale, run, sent);
    for (const event of events) await stream.writeSSE(event);
    if (run.status !== 'running') return;
    await stream.sleep(pollMs);
  }
}

export function opsProgressRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/ops/progress.js', (c) => {
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(opsProgressScript, 200, { 'Content-Type': 'text/javascript; charset=utf-8' });
  });

  app.get('/ops/tenants/:slug/progress', async (c) => {
    const admitted = await gate(c, 'tenants.read');
    if (admitted.response) return admitted.response;
    const { tenant } = await getTenant(c.get('deps').provisioning, c.req.param('slug'));
    const { locale } = page(c);
    return streamSSE(c, async (stream) => {
      try {
        await follow(c, stream, tenant.slug, locale);
      } catch (error) {
        // The browser reconnects and starts over; the reason stays in the log, not in the stream.
        c.get('logger').warn('provisioning progress stream stopped', {
          error: error instanceof Error ? error.message : String(error),
        });
      }
    });
  });
  return app;
}
