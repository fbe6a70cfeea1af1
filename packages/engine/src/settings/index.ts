// Agency settings the console edits: branding (colours, logo) and units.
export {
  type BrandingSetting,
  type BrandingView,
  brandingColoursInput,
  getBranding,
  minimumContrast,
  parseBrandingColours,
  readBranding,
  roundContrast,
  setBrandingColours,
} from './branding-setting.ts';
export {
  hasLogo,
  type LogoType,
  logoTypes,
  logoVersion,
  maxLogoBytes,
  openLogo,
  removeLogo,
  sniffLogoType,
  uploadLogo,
} from './logo.ts';
export { closeUnit, createUnit, createUnitInput, listUnits, renameUnit, type UnitView } from './units.ts';
