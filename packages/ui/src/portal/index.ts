// The citizen portal's pages (issue 5 §1): home, procedure search and page, tracking, the
// citizen's dossiers with their timeline and actions. Names carry "portal" so that they cannot
// clash with the other areas' exports through packages/ui/src/index.ts.
export {
  PortalHomePage,
  type PortalHomeProps,
  type PortalLocalized,
  type PortalPageBase,
  type PortalProcedureCard,
  type PortalProcedureDetail,
  PortalProcedurePage,
  PortalProcedureSearchPage,
} from './catalog-pages.tsx';
export {
  type PortalCitizenForm,
  type PortalDossierDetail,
  PortalDossierPage,
  type PortalDossierPageProps,
} from './dossier-page.tsx';
export { portalMoney } from './format.ts';
export {
  PortalCitizensOnlyPage,
  type PortalDossierRow,
  PortalMyDossiersPage,
  PortalWithdrawPage,
  type PortalWithdrawPageProps,
} from './my-dossiers-page.tsx';
export type { PortalStepDetails, PortalStepView } from './parts.tsx';
export {
  type PortalStringKey,
  portalProcessingTime,
  portalStepPhrase,
  portalText,
} from './strings.ts';
export {
  type PortalTrackedView,
  PortalTrackPage,
  type PortalTrackPageProps,
} from './track-page.tsx';
