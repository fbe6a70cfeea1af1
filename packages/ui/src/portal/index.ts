// An agency's public portal (issue 5 §1): home, procedure search and page, tracking, the
// citizen's dossiers with their timeline and actions, the dossier form, and the site's sign-in
// and account pages. Names carry "portal" so that they cannot clash with the other areas'.
export {
  AccountPage,
  type AccountPageProps,
  RegisterPage,
  ResetConfirmPage,
  ResetRequestPage,
  SignInPage,
  TotpPage,
} from './account-pages.tsx';
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
export * from './dossier-form/index.ts';
export { PortalDossierPage } from './dossier-page.tsx';
export type { PortalCitizenForm, PortalDossierDetail, PortalDossierPageProps } from './dossier-view.ts';
export { portalMoney } from './format.ts';
export { PortalHome } from './home-page.tsx';
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
