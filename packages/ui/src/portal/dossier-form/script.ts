// The upload progress enhancement, served as its own file: the CSP forbids inline script.
import { readFileSync } from 'node:fs';

export const portalFormScript = readFileSync(new URL('./upload.js', import.meta.url), 'utf8');
/** Under /assets/, which stays reachable while an agency is suspended, like the stylesheet. */
export const portalFormScriptPath = '/assets/portal-form/upload.js';
