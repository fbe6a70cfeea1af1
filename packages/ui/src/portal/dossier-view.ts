// What a citizen's dossier page shows, already resolved by the route: its facts, papers and
// timeline, and the actions the engine's state machine allows the citizen now.
import type { PortalLocalized, PortalPageBase } from './catalog-pages.tsx';
import type { DossierDates, PortalStepView } from './parts.tsx';

export type PortalCitizenForm = 'receipt' | 'supplement-request' | 'refusal' | 'apology' | 'stop-notice';

export interface PortalDossierDetail extends DossierDates {
  id: string;
  code: string | null;
  procedureCode: string;
  procedureName: PortalLocalized | null;
  state: string;
  nationalStatus: number | null;
  feeTotal: number;
  paid: boolean;
  rating: number | null;
  revision: number;
  timeline: PortalStepView[];
  forms: PortalCitizenForm[];
  /** Ids of the issued result files the citizen may download. */
  results: string[];
  /** Open to the citizen now; `supplement` carries what the agency asked for. */
  actions: {
    supplement?:
      | {
          missing: { document: string; reason: string }[];
          note?: string;
          /** The papers of the dossier's procedure version a file may be attached as. */
          papers: { id: string; name: PortalLocalized; accept: string }[];
        }
      | undefined;
    withdraw: boolean;
    rate: boolean;
    feedback: boolean;
  };
}

export interface PortalDossierPageProps extends PortalPageBase {
  dossier: PortalDossierDetail;
  /** After a successful action: which one, for the confirmation banner. */
  done?: 'supplement' | 'withdraw' | 'rate' | 'feedback' | undefined;
  /** What the person typed, kept when a form comes back with errors. */
  values?: Record<string, string>;
}
