// Five common procedures a new tenant can adopt and adjust instead of starting from an empty form.
// Each is a complete version document; tests parse every one with the version schema.
import { birthRegistration } from './catalog/birth-registration.ts';
import { constructionPermit } from './catalog/construction-permit.ts';
import { householdBusiness } from './catalog/household-business.ts';
import { judicialRecord } from './catalog/judicial-record.ts';
import { permanentResidence } from './catalog/permanent-residence.ts';
import type { ProcedureVersion } from './procedure-version.ts';

export const starterCatalog: readonly ProcedureVersion[] = Object.freeze([
  birthRegistration,
  permanentResidence,
  judicialRecord,
  householdBusiness,
  constructionPermit,
]);
