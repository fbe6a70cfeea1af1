// Fees and charges (phí, lệ phí) a dossier owes, from the procedure's fee list and the
// applicant's validated answers. Amounts are whole đồng: VND has no minor unit.
import { PreconditionFailedError } from '../errors.ts';
import { selectApplicable } from './evaluate-form.ts';
import type { LocalizedText } from './localized-text.ts';
import type { ProcedureVersion } from './procedure-version.ts';

export type FeeLine = { id: string; name: LocalizedText; amount: number };
export type FeeBreakdown = { items: FeeLine[]; total: number };

/**
 * The fees that apply to these values (the output of `validateAnswers`) and their total.
 * Throws rather than round: a total beyond Number.MAX_SAFE_INTEGER could not be represented exactly.
 */
export function computeFees(version: ProcedureVersion, values: Record<string, unknown>): FeeBreakdown {
  const items: FeeLine[] = [];
  let total = 0;
  for (const fee of selectApplicable(version.form, values, version.fees)) {
    if (!Number.isSafeInteger(fee.amount) || fee.amount < 0) {
      throw new PreconditionFailedError(
        'A fee amount is not a whole number of đồng',
        { fee: fee.id },
        'invalid_fee',
      );
    }
    total += fee.amount;
    if (!Number.isSafeInteger(total)) {
      throw new PreconditionFailedError(
        'The fee total is too large to compute exactly',
        { procedure: version.code, fee: fee.id },
        'fee_total_overflow',
      );
    }
    items.push({ id: fee.id, name: fee.name, amount: fee.amount });
  }
  return { items, total };
}
