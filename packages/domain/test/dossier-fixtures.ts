// Shared test data for the dossier state machine: one actor per staff role (permissions as in
// the auth package's role table), consistent snapshots per state, and a valid input per action.
import type { DossierAction, DossierActor } from '../src/dossier/rules.ts';
import type { DossierSnapshot, DossierState } from '../src/dossier/states.ts';

export const actors = {
  owner: { kind: 'citizen', id: 'cit_owner' },
  stranger: { kind: 'citizen', id: 'cit_other' },
  admin: {
    kind: 'staff',
    id: 'usr_admin',
    permissions: ['staff.manage', 'roles.manage', 'audit.read', 'settings.manage', 'dossiers.read'],
  },
  reception: {
    kind: 'staff',
    id: 'usr_desk',
    permissions: ['dossiers.read', 'dossiers.receive', 'dossiers.issue_result'],
  },
  /** The case officer the fixtures assign. */
  specialist: { kind: 'staff', id: 'usr_officer', permissions: ['dossiers.read', 'dossiers.process'] },
  otherSpecialist: { kind: 'staff', id: 'usr_officer2', permissions: ['dossiers.read', 'dossiers.process'] },
  approver: {
    kind: 'staff',
    id: 'usr_leader',
    permissions: ['dossiers.read', 'dossiers.approve', 'reports.read'],
  },
  clerk: { kind: 'staff', id: 'usr_clerk', permissions: ['dossiers.read', 'dossiers.issue_result'] },
  viewer: { kind: 'staff', id: 'usr_viewer', permissions: ['dossiers.read', 'reports.read'] },
  system: { kind: 'system' },
} as const satisfies Record<string, DossierActor>;
export type Role = keyof typeof actors;
export const roles = Object.keys(actors) as Role[];

const beforeReceipt: DossierSnapshot = {
  state: 'draft',
  ownerId: 'cit_owner',
  assigneeId: null,
  stepIndex: null,
  stepCount: 3,
  supplementCount: 0,
  supplementFrom: null,
  received: false,
  rated: false,
  channel: 'online',
};
const afterAssignment: DossierSnapshot = {
  ...beforeReceipt,
  state: 'in_progress',
  received: true,
  assigneeId: 'usr_officer',
  stepIndex: 0,
};
const afterApproval: DossierSnapshot = { ...afterAssignment, stepIndex: 2 };

const snapshots: Readonly<Record<DossierState, DossierSnapshot>> = {
  draft: beforeReceipt,
  submitted: { ...beforeReceipt, state: 'submitted' },
  refused: { ...beforeReceipt, state: 'refused' },
  // Asked by the case officer during processing; `supplementBeforeReceipt` is the desk's case.
  supplement_requested: {
    ...afterAssignment,
    state: 'supplement_requested',
    stepIndex: 1,
    supplementCount: 1,
    supplementFrom: 'in_progress',
  },
  received: { ...beforeReceipt, state: 'received', received: true },
  in_progress: afterAssignment,
  payment_requested: { ...afterAssignment, state: 'payment_requested', stepIndex: 1 },
  awaiting_approval: { ...afterApproval, state: 'awaiting_approval' },
  approved: { ...afterApproval, state: 'approved' },
  stopped: { ...afterAssignment, state: 'stopped' },
  result_issued: { ...afterApproval, state: 'result_issued' },
  result_returned: { ...afterApproval, state: 'result_returned' },
  withdrawn: { ...afterAssignment, state: 'withdrawn' },
};

export const supplementBeforeReceipt: DossierSnapshot = {
  ...beforeReceipt,
  state: 'supplement_requested',
  supplementCount: 1,
  supplementFrom: 'submitted',
};

/** A fresh, internally consistent snapshot of a dossier in `state`. */
export function snapshotIn(state: DossierState, overrides: Partial<DossierSnapshot> = {}): DossierSnapshot {
  return { ...snapshots[state], ...overrides };
}

export const validInputs: Readonly<Record<DossierAction, Record<string, unknown>>> = {
  submit: {},
  receive: {},
  refuse: { reason: 'Wrong agency: the commune issues this certificate.' },
  request_supplement: { missing: [{ document: 'Bản sao CCCD', reason: 'The scan is unreadable.' }] },
  supplement: { documents: { cccd: 'file_01' } },
  assign: { assigneeId: 'usr_officer' },
  complete_step: {},
  request_payment: { amount: 50_000 },
  record_payment: { method: 'online', reference: 'PAY-2025-0001' },
  submit_for_approval: {},
  return_for_rework: { reason: 'The appraisal misses the site visit.' },
  approve: {},
  stop: { reason: 'The applicant died; the case cannot continue.' },
  issue_result: { resultDocuments: ['doc_result_1'] },
  return_result: { method: 'desk' },
  withdraw: {},
  apologise: { newDueDate: '2025-08-15', reason: 'Waiting on the tax office.' },
  rate: { score: 5 },
};
