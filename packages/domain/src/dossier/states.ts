// A dossier's states and the facts that follow from a state alone: the national portal's
// status code, whether the resolution clock runs, whether the life cycle is over.

export const dossierStates = [
  'draft',
  'submitted',
  'supplement_requested',
  'refused',
  'received',
  'in_progress',
  'payment_requested',
  'awaiting_approval',
  'approved',
  'stopped',
  'result_issued',
  'result_returned',
  'withdrawn',
] as const;
export type DossierState = (typeof dossierStates)[number];

export const dossierChannels = ['in_person', 'online', 'post'] as const;
export type DossierChannel = (typeof dossierChannels)[number];

/** What `decide` needs to know about a dossier; the caller loads it and stores the new one. */
export interface DossierSnapshot {
  state: DossierState;
  ownerId: string;
  assigneeId: string | null;
  /** Zero-based position in the procedure's workflow; null until assigned. */
  stepIndex: number | null;
  stepCount: number;
  /** Every supplement request so far, before and after receipt. */
  supplementCount: number;
  /** Where a supplement returns the dossier: `submitted` or `in_progress`. */
  supplementFrom: DossierState | null;
  received: boolean;
  rated: boolean;
  channel: DossierChannel;
}

export type NationalStatus = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;

// Status codes of the National Public Service Portal (Cổng DVC quốc gia) that every one-stop
// system syncs; approval and signature happen inside "in progress" there.
const nationalStatusByState: Readonly<Record<DossierState, NationalStatus | null>> = {
  draft: null,
  submitted: 1,
  received: 2,
  refused: 3,
  in_progress: 4,
  awaiting_approval: 4,
  approved: 4,
  supplement_requested: 5,
  payment_requested: 6,
  withdrawn: 7,
  stopped: 8,
  result_issued: 9,
  result_returned: 10,
};

/** The national portal's status for a state; null for a draft, which is never synced. */
export function nationalStatus(state: DossierState): NationalStatus | null {
  return nationalStatusByState[state];
}

const channelCodes: Readonly<Record<DossierChannel, 1 | 2 | 3>> = { in_person: 1, online: 2, post: 3 };

/** The national portal's channel code: 1 in person, 2 online, 3 public post. */
export function channelCode(channel: DossierChannel): 1 | 2 | 3 {
  return channelCodes[channel];
}

// The resolution clock starts at receipt, not submission (Decree 61/2018 as amended by
// Decree 107/2021, now Decree 118/2025), and is paused while the agency waits on the citizen:
// a supplement (the law) or a payment (a product decision — the agency cannot move until the
// fee is paid, so that wait is not counted against it). It stops once the result is issued.
const clockRunsIn: ReadonlySet<DossierState> = new Set([
  'received',
  'in_progress',
  'awaiting_approval',
  'approved',
]);

export function isClockRunning(state: DossierState, received: boolean): boolean {
  return received && clockRunsIn.has(state);
}

const terminalStates: ReadonlySet<DossierState> = new Set([
  'refused',
  'stopped',
  'result_returned',
  'withdrawn',
]);

/** No action changes the state any more (a returned result may still be rated). */
export function isTerminal(state: DossierState): boolean {
  return terminalStates.has(state);
}
