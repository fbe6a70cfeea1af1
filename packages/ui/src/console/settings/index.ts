// The agency console's settings pages: the agency calendar, branding (colours and logo) and
// units. Names carry "Settings" or the page's subject so that they cannot clash with the other
// areas' exports through packages/ui/src/index.ts.
export {
  SettingsBrandingPage,
  type SettingsBrandingPageProps,
} from './branding-page.tsx';
export {
  SettingsCalendarPage,
  type SettingsCalendarPageProps,
  type SettingsCalendarRow,
} from './calendar-page.tsx';
export type { SettingsPageBase } from './parts.tsx';
export {
  type SettingsStringKey,
  settingsShownDate,
  settingsShownRatio,
  settingsText,
} from './strings.ts';
export {
  type SettingsUnitRow,
  SettingsUnitsPage,
  type SettingsUnitsPageProps,
  settingsUnitKinds,
} from './units-page.tsx';
