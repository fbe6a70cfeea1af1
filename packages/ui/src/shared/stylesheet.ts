// The one stylesheet and the platform's emblem, read once at start.
import { readFileSync } from 'node:fs';

/**
 * The one stylesheet, served at `/assets/motcua.css`: the base (custom properties, layout,
 * components) followed by each area's own rules, in this order. Paths are from `src/`.
 */
export const stylesheetParts = [
  'shared/styles.css',
  'portal/styles.css',
  'portal/dossier-form/styles.css',
  'console/dossiers/styles.css',
  'console/procedures/styles.css',
  'console/settings/styles.css',
  'ops/styles.css',
] as const;
/** The platform's emblem, shown in the header where an agency has set no logo of its own. */
export const emblemSvg = readFileSync(new URL('./emblem.svg', import.meta.url), 'utf8');
export const stylesheet = stylesheetParts
  .map((part) => readFileSync(new URL(`../${part}`, import.meta.url), 'utf8'))
  .join('\n');
