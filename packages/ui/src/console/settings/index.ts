// The agency console's settings pages: the agency calendar, branding (colours and logo) and
// units. Names carry "Settings" or the page's subject so that they cannot clash with the other
// areas' exports through packages/ui/src/index.ts.
export {
  BrandingPage as SettingsBrandingPage,
  type BrandingPageProps as SettingsBrandingPageProps,
} from './branding-page.tsx';
export {
  type CalendarOverrideRow as SettingsCalendarRow,
  CalendarPage as SettingsCalendarPage,
  type CalendarPageProps as SettingsCalendarPageProps,
} from './calendar-page.tsx';
export type { SettingsPageBase } from './parts.tsx';
export {
  type SettingsStringKey,
  settingsText,
  shownDate as settingsShownDate,
  shownRatio as settingsShownRatio,
} from './strings.ts';
export {
  settingsUnitKinds,
  type UnitRow as SettingsUnitRow,
  UnitsPage as SettingsUnitsPage,
  type UnitsPageProps as SettingsUnitsPageProps,
} from './units-page.tsx';
