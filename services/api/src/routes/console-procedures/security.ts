// This area's routes for the route inventory (services/api/src/route-security.test.ts): each
// public route with the reason it needs no session, each protected one with who it admits.
import type { ProtectedRoute } from '../../security-cases.ts';

/** The catalog is the agency admin's (settings.manage). */
const admin = { staff: ['admin'] } as const;
/** A code no procedure of the fixture's agency has: an admitted caller gets a 404 page. */
const at = '/console/procedures/1.000999.H48';

export const publicRoutes: Record<string, string> = {};
export const tenantRoutes: ProtectedRoute[] = [
  { method: 'GET', path: '/console/procedures', audience: admin },
  // An empty form: an admitted admin gets the page again with its errors, nothing is created.
  { method: 'POST', path: '/console/procedures', form: { code: '', 'name-vi': '' }, audience: admin },
  ...['', '/preview', '/withdraw', '/general', '/time', '/fees', '/steps', '/fields', '/add-field'].map(
    (rest): ProtectedRoute => ({ method: 'GET', path: `${at}${rest}`, audience: admin }),
  ),
  ...['/documents', '/add-document', '/fields/ho_ten', '/documents/to_khai'].map(
    (rest): ProtectedRoute => ({ method: 'GET', path: `${at}${rest}`, audience: admin }),
  ),
  ...[
    '/publish',
    '/withdraw',
    '/general',
    '/time',
    '/fees',
    '/steps',
    '/add-field',
    '/fields/ho_ten',
    '/fields/ho_ten/remove',
    '/add-document',
    '/documents/to_khai',
    '/documents/to_khai/remove',
  ].map((rest): ProtectedRoute => ({ method: 'POST', path: `${at}${rest}`, form: {}, audience: admin })),
  { method: 'POST', path: `${at}/fields/ho_ten/move`, form: { direction: 'up' }, audience: admin },
];
export const platformRoutes: ProtectedRoute[] = [];
