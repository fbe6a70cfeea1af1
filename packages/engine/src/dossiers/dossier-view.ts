// What the API shows of a dossier, and the snapshot the state machine decides on.
import type { Dossier } from '@motcua/db/tenant';
import { type DossierSnapshot, type DossierState, nationalStatus } from '@motcua/domain';

export interface DossierView {
  id: string;
  code: string | null;
  procedureCode: string;
  procedureVersionId: string;
  state: DossierState;
  nationalStatus: number | null;
  channel: Dossier['channel'];
  answers: Record<string, unknown>;
  feeTotal: number;
  paid: boolean;
  assigneeId: string | null;
  stepIndex: number | null;
  /** ISO instants: the view is what the API sends, and what an Idempotency-Key replays. */
  submittedAt: string | null;
  receivedAt: string | null;
  dueAt: string | null;
  finishedAt: string | null;
  rating: number | null;
  revision: number;
}

const iso = (value: Date | null) => value?.toISOString() ?? null;

export function toDossierView(row: Dossier): DossierView {
  const state = row.state as DossierState;
  return {
    id: row.id,
    code: row.code,
    procedureCode: row.procedureCode,
    procedureVersionId: row.procedureVersionId,
    state,
    nationalStatus: nationalStatus(state),
    channel: row.channel,
    answers: row.answers,
    feeTotal: row.feeTotal,
    paid: row.paidAt !== null,
    assigneeId: row.assigneeId,
    stepIndex: row.stepIndex,
    submittedAt: iso(row.submittedAt),
    receivedAt: iso(row.receivedAt),
    dueAt: iso(row.dueAt),
    finishedAt: iso(row.finishedAt),
    rating: row.rating,
    revision: row.revision,
  };
}

export function snapshotOf(row: Dossier, stepCount: number): DossierSnapshot {
  return {
    state: row.state as DossierState,
    ownerId: row.ownerId,
    assigneeId: row.assigneeId,
    stepIndex: row.stepIndex,
    stepCount,
    supplementCount: row.supplementCount,
    supplementFrom: (row.supplementFrom as DossierState | null) ?? null,
    received: row.receivedAt !== null,
    rated: row.rating !== null,
    channel: row.channel,
  };
}
