// The ordered steps of the two run kinds. A run stores them with their status, so a run
// started by an older release keeps the steps it was created with.
import type { RunStep } from '@motcua/db/platform';

export const provisionSteps = [
  'reserve',
  'schema',
  'migrate',
  'seed',
  'storage',
  'infrastructure',
  'invite_admin',
  'activate',
] as const;
export type ProvisionStep = (typeof provisionSteps)[number];

export const offboardSteps = ['export', 'drop_schema', 'delete_objects', 'finish'] as const;
export type OffboardStep = (typeof offboardSteps)[number];

/** What a step reports back: a note for operators and, for the export, the archive's key. */
export interface StepOutcome {
  note?: string;
  exportKey?: string;
}

export function pendingSteps(names: readonly string[]): RunStep[] {
  return names.map((name) => ({ name, status: 'pending' }));
}
