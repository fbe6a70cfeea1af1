// Paying a dossier's fee online: the citizen is sent to the provider for the amount the server
// computed; the dossier is marked paid only in the unit of work that records the provider's
// verified notification, through the state machine's `record_payment` as the system actor.
import { recordAudit } from '@motcua/auth';
import { type Database, newId, type TenantSlug, withTenant } from '@motcua/db';
import { dossiers, payments } from '@motcua/db/tenant';
import {
  ForbiddenError,
  NotFoundError,
  PreconditionFailedError,
  UnauthenticatedError,
  ValidationError,
} from '@motcua/domain';
import { and, eq } from 'drizzle-orm';
import type { EngineContext } from '../context.ts';
import { actOnDossierIn } from '../dossiers/act-on-dossier.ts';
import type { PaymentProvider } from './payment-provider.ts';

export async function startOnlinePayment(
  ctx: EngineContext,
  provider: PaymentProvider,
  dossierId: string,
  options: { returnUrl: string },
): Promise<{ paymentId: string; redirectUrl: string; amount: number }> {
  if (ctx.actor.kind !== 'citizen') throw new ForbiddenError('The citizen pays their own dossier’s fee.');
  const owner = ctx.actor.id;
  const dossier = await withTenant(ctx.database, ctx.slug, async (db) => {
    const [row] = await db.select().from(dossiers).where(eq(dossiers.id, dossierId));
    return row?.ownerId === owner ? row : undefined;
  });
  if (!dossier) throw new NotFoundError('No such dossier.');
  if (dossier.state !== 'payment_requested' || dossier.feeTotal <= 0) {
    throw new PreconditionFailedError('Nothing is due on this dossier now.', undefined, 'nothing_due');
  }
  const paymentId = newId('pay');
  const started = await provider.createPayment({
    reference: paymentId,
    amount: dossier.feeTotal,
    description: `Lệ phí hồ sơ ${dossier.code ?? dossier.id}`,
    returnUrl: options.returnUrl,
  });
  await withTenant(ctx.database, ctx.slug, (db) =>
    db.insert(payments).values({
      id: paymentId,
      dossierId,
      provider: provider.name,
      providerRef: started.providerRef,
      amount: dossier.feeTotal,
    }),
  );
  return { paymentId, redirectUrl: started.redirectUrl, amount: dossier.feeTotal };
}

/** A provider's notification: verified, matched to our payment, applied once. */
export async function settleOnlinePayment(
  scope: { database: Database; slug: TenantSlug; now?: () => Date },
  provider: PaymentProvider,
  request: { headers: Record<string, string>; body: string },
): Promise<{ paymentId: string; status: 'succeeded' | 'failed'; alreadySettled: boolean }> {
  const notice = await provider.verifyNotification(request);
  if (!notice)
    throw new UnauthenticatedError(
      'The notification is not signed by the provider.',
      undefined,
      'invalid_signature',
    );
  return withTenant(scope.database, scope.slug, async (db) => {
    const [payment] = await db
      .select()
      .from(payments)
      .where(and(eq(payments.provider, provider.name), eq(payments.providerRef, notice.providerRef)))
      .for('update');
    if (!payment) throw new NotFoundError('No such payment.');
    if (payment.status !== 'pending') {
      return {
        paymentId: payment.id,
        status: payment.status === 'succeeded' ? 'succeeded' : 'failed',
        alreadySettled: true,
      };
    }
    if (notice.status === 'succeeded' && notice.amount !== payment.amount) {
      throw new ValidationError('The amount paid is not the amount due.', [
        { path: 'amount', message: `Paid ${notice.amount}, due ${payment.amount}.` },
      ]);
    }
    const now = scope.now?.() ?? new Date();
    await db
      .update(payments)
      .set({ status: notice.status, settledAt: now })
      .where(eq(payments.id, payment.id));
    if (notice.status === 'succeeded') {
      await actOnDossierIn(
        db,
        {
          database: scope.database,
          slug: scope.slug,
          actor: { kind: 'citizen', id: 'system' },
          asSystem: `payments:${provider.name}`,
          now: () => now,
        },
        {
          dossierId: payment.dossierId,
          action: 'record_payment',
          input: { method: 'online', reference: `${provider.name}:${notice.providerRef}` },
        },
      );
    }
    await recordAudit(db, {
      actor: `system:payments:${provider.name}`,
      action: `payment.${notice.status}`,
      subject: payment.dossierId,
      details: { paymentId: payment.id, amount: notice.amount },
    });
    return { paymentId: payment.id, status: notice.status, alreadySettled: false };
  });
}
