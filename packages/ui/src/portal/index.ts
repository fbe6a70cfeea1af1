// The citizen portal's pages (issue 5 §1): home, procedure search and page, tracking, the
// citizen's dossiers with their timeline and actions. Names carry "portal" so that they cannot
// clash with the other areas' exports through packages/ui/src/index.ts.
export {
  type Localized as PortalLocalized,
  PortalHomePage,
  type PortalHomeProps,
  type PortalPageBase,
  type ProcedureCard as PortalProcedureCard,
  type ProcedureDetail as PortalProcedureDetail,
  ProcedurePage as PortalProcedurePage,
  ProcedureSearchPage as PortalProcedureSearchPage,
} from './catalog-pages.tsx';
export {
  type CitizenForm as PortalCitizenForm,
  type DossierDetail as PortalDossierDetail,
  DossierPage as PortalDossierPage,
  type DossierPageProps as PortalDossierPageProps,
} from './dossier-page.tsx';
export { formatDong as portalMoney } from './format.ts';
export {
  CitizensOnlyPage as PortalCitizensOnlyPage,
  type DossierRow as PortalDossierRow,
  MyDossiersPage as PortalMyDossiersPage,
  WithdrawPage as PortalWithdrawPage,
  type WithdrawPageProps as PortalWithdrawPageProps,
} from './my-dossiers-page.tsx';
export type { StepDetails as PortalStepDetails, StepView as PortalStepView } from './parts.tsx';
export {
  describeProcessingTime as portalProcessingTime,
  type PortalStringKey,
  portalText,
  stepPhrase as portalStepPhrase,
} from './strings.ts';
export {
  type TrackedView as PortalTrackedView,
  TrackPage as PortalTrackPage,
  type TrackPageProps as PortalTrackPageProps,
} from './track-page.tsx';
