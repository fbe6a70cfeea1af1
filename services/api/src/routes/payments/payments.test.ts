// Online payment through a provider plugged in by its interface (a local stand-in signing its
// notifications with HMAC, as real gateways do), and citizens' feedback.
import { createHmac, randomBytes } from 'node:crypto';
import { createTenantSession } from '@motcua/auth';
import { newId, type TenantSlug, withTenant } from '@motcua/db';
import { citizens, dossiers, payments, type StaffRole, staffUsers } from '@motcua/db/tenant';
import { createTestTenant } from '@motcua/db/testing';
import { actOnDossier, type PaymentProvider, publishVersion } from '@motcua/engine';
import { testProcedure } from '@motcua/engine/testing';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { readJson, testDomain, useTestApp } from '../../testing.ts';

const t = useTestApp();
const secret = randomBytes(16).toString('hex');
const sign = (body: string) => createHmac('sha256', secret).update(body).digest('hex');

/** What a gateway does: a payment page to send the citizen to, and signed server-to-server notices. */
const gateway: PaymentProvider & { started: { reference: string; amount: number }[] } = {
  name: 'cong-thanh-toan',
  started: [],
  async createPayment({ reference, amount }) {
    this.started.push({ reference, amount });
    return { providerRef: `gw-${reference}`, redirectUrl: `https://pay.example.vn/checkout/gw-${reference}` };
  },
  async verifyNotification({ headers, body }) {
    const given = headers['x-signature'] ?? '';
    if (given !== sign(body)) return null;
    const { ref, amount, status } = JSON.parse(body) as {
      ref: string;
      amount: number;
      status: 'succeeded' | 'failed';
    };
    return { providerRef: ref, amount, status };
  },
};

type Who = { cookie: string; id: string };
let slug: TenantSlug;
const people = {} as Record<'citizen' | 'other' | 'reception' | 'specialist' | 'viewer', Who>;

async function person(kind: 'citizen' | StaffRole): Promise<Who> {
  const id = newId('usr');
  await withTenant(t.deps.database, slug, (db) =>
    kind === 'citizen'
      ? db.insert(citizens).values({ id, email: `${id}@example.vn`, fullName: 'Phan Văn Lợi' })
      : db
          .insert(staffUsers)
          .values({ id, email: `${id}@a.gov.vn`, fullName: kind, role: kind, status: 'active' }),
  );
  const { token } = await createTenantSession(t.deps.database, slug, {
    kind: kind === 'citizen' ? 'citizen' : 'staff',
    principalId: id,
    twoFactorVerified: true,
  });
  return { cookie: `motcua_session=${token}`, id };
}

function call(who: Who | undefined, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const host = `${slug}.${testDomain}`;
  return t.request(path, {
    host,
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      origin: `http://${host}`,
      ...(who ? { cookie: who.cookie } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
}

const answers = {
  full_name: 'Phan Văn Lợi',
  citizen_id: '048190001299',
  phone: '0912345670',
  purpose: 'xin_viec',
};

/** A dossier of `people.citizen` taken to "payment requested" by the engine. */
async function dossierAwaitingPayment(): Promise<string> {
  const filed = await readJson(
    await call(people.citizen, '/api/dossiers', { procedureCode: testProcedure.code, answers, submit: true }),
  );
  const id = filed.dossier.id as string;
  const staff = (who: Who, role: StaffRole) => ({
    database: t.deps.database,
    slug,
    actor: { kind: 'staff' as const, id: who.id, role },
  });
  await actOnDossier(staff(people.reception, 'reception'), { dossierId: id, action: 'receive', input: {} });
  await actOnDossier(staff(people.reception, 'reception'), {
    dossierId: id,
    action: 'assign',
    input: { assigneeId: people.specialist.id },
  });
  await actOnDossier(staff(people.specialist, 'specialist'), {
    dossierId: id,
    action: 'request_payment',
    input: { amount: 1 },
  });
  return id;
}

const notice = (body: object, signature?: string) => {
  const text = JSON.stringify(body);
  return call(undefined, `/api/payments/${gateway.name}/notify`, text, {
    'x-signature': signature ?? sign(text),
  });
};
const stateOf = async (id: string) =>
  (
    await withTenant(t.deps.database, slug, (db) =>
      db.select({ state: dossiers.state, paidAt: dossiers.paidAt }).from(dossiers).where(eq(dossiers.id, id)),
    )
  )[0];

beforeAll(async () => {
  slug = await createTestTenant(t.deps.database);
  await withTenant(t.deps.database, slug, (db) => publishVersion(db, testProcedure, 'test'));
  for (const kind of ['citizen', 'other', 'reception', 'specialist', 'viewer'] as const) {
    people[kind] = await person(kind === 'other' ? 'citizen' : kind);
  }
});

describe('online payment', () => {
  it('is refused plainly while no provider is configured', async () => {
    const id = await dossierAwaitingPayment();
    const res = await call(people.citizen, `/api/dossiers/${id}/payments`, {});
    expect(res.status).toBe(409);
    expect((await readJson(res)).error.code).toBe('payments_unavailable');
  });

  it('charges the server’s amount, ignores the browser coming back, and settles once on a signed notice', async () => {
    t.deps.payments.set(gateway.name, gateway);
    const id = await dossierAwaitingPayment();
    // The fee was requested with a client-sent amount of 1 đồng; the server's 50,000 stands.
    expect((await call(people.other, `/api/dossiers/${id}/payments`, {})).status).toBe(404);
    const started = await call(people.citizen, `/api/dossiers/${id}/payments`, {});
    expect(started.status).toBe(201);
    const { redirectUrl, amount, paymentId } = await readJson(started);
    expect(amount).toBe(50_000);
    expect(gateway.started.at(-1)).toEqual({ reference: paymentId, amount: 50_000 });
    expect(redirectUrl).toMatch(/^https:\/\/pay\.example\.vn\/checkout\//);

    const ref = `gw-${paymentId}`;
    const forged = await notice({ ref, amount: 50_000, status: 'succeeded' }, 'a'.repeat(64));
    expect(forged.status).toBe(401);
    const short = await notice({ ref, amount: 5_000, status: 'succeeded' });
    expect(short.status).toBe(400);
    expect(await stateOf(id)).toEqual({ state: 'payment_requested', paidAt: null });

    const paid = await notice({ ref, amount: 50_000, status: 'succeeded' });
    expect(await readJson(paid)).toEqual({ status: 'succeeded', alreadySettled: false });
    const after = await stateOf(id);
    expect(after?.state).toBe('in_progress');
    expect(after?.paidAt).not.toBeNull();
    const again = await notice({ ref, amount: 50_000, status: 'succeeded' });
    expect(await readJson(again)).toEqual({ status: 'succeeded', alreadySettled: true });
    const timeline = await readJson(await call(people.citizen, `/api/dossiers/${id}`));
    const recorded = timeline.timeline.filter((e: { action: string }) => e.action === 'record_payment');
    expect(recorded).toEqual([
      expect.objectContaining({
        actor: `system:payments:${gateway.name}`,
        data: expect.objectContaining({ method: 'online' }),
      }),
    ]);
    const rows = await withTenant(t.deps.database, slug, (db) =>
      db.select({ status: payments.status }).from(payments).where(eq(payments.dossierId, id)),
    );
    expect(rows).toEqual([{ status: 'succeeded' }]);
  });

  it('records a failed payment without marking anything paid', async () => {
    const id = await dossierAwaitingPayment();
    const { paymentId } = await readJson(await call(people.citizen, `/api/dossiers/${id}/payments`, {}));
    const failed = await notice({ ref: `gw-${paymentId}`, amount: 50_000, status: 'failed' });
    expect(await readJson(failed)).toEqual({ status: 'failed', alreadySettled: false });
    expect(await stateOf(id)).toEqual({ state: 'payment_requested', paidAt: null });
  });
});

describe('feedback', () => {
  it('is filed by a citizen on their own dossier, seen by staff with answer dates, and answered once', async () => {
    const filed = await readJson(
      await call(people.citizen, '/api/dossiers', {
        procedureCode: testProcedure.code,
        answers,
        submit: true,
      }),
    );
    const short = await call(people.citizen, '/api/feedback', { subject: 'x', body: 'ngắn' });
    expect(short.status).toBe(400);
    expect((await readJson(short)).error.details.map((d: { path: string }) => d.path)).toEqual([
      'subject',
      'body',
    ]);
    const notMine = await call(people.other, '/api/feedback', {
      dossierId: filed.dossier.id,
      subject: 'Chậm',
      body: 'Hồ sơ của tôi bị chậm.',
    });
    expect(notMine.status).toBe(404);
    const sent = await call(people.citizen, '/api/feedback', {
      dossierId: filed.dossier.id,
      subject: 'Thái độ phục vụ',
      body: 'Cán bộ tiếp nhận trả lời chậm qua điện thoại.',
    });
    expect(sent.status).toBe(201);
    const { id } = await readJson(sent);
    expect((await call(people.reception, '/api/feedback', { subject: 'x', body: 'y' })).status).toBe(403);
    const staffList = await readJson(await call(people.viewer, '/api/feedback'));
    const item = staffList.feedback.find((f: { id: string }) => f.id === id);
    expect(new Date(item.refuseBy).getTime()).toBeGreaterThan(new Date(item.createdAt).getTime());
    expect(new Date(item.answerBy).getTime()).toBeGreaterThan(new Date(item.refuseBy).getTime());
    expect((await readJson(await call(people.other, '/api/feedback'))).feedback).toEqual([]);
    expect(
      (
        await call(people.viewer, `/api/feedback/${id}/answer`, {
          outcome: 'answered',
          answer: 'Cảm ơn, chúng tôi đã nhắc nhở.',
        })
      ).status,
    ).toBe(403);
    const answered = await call(people.reception, `/api/feedback/${id}/answer`, {
      outcome: 'answered',
      answer: 'Cảm ơn, chúng tôi đã nhắc nhở.',
    });
    expect((await readJson(answered)).status).toBe('answered');
    const twice = await call(people.reception, `/api/feedback/${id}/answer`, {
      outcome: 'refused',
      answer: 'Không thuộc thẩm quyền.',
    });
    expect(twice.status).toBe(409);
  });
});
