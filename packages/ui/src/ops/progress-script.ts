// The live-progress script, served as its own file at /ops/progress.js: the CSP allows no inline script.
import { readFileSync } from 'node:fs';

export const opsProgressScript = readFileSync(new URL('./progress.js', import.meta.url), 'utf8');
