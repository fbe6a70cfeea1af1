// This area's routes for the route inventory (services/api/src/route-security.test.ts): each
// public route with the reason it needs no session, each protected one with who it admits.
import type { ProtectedRoute } from '../../security-cases.ts';

export const publicRoutes: Record<string, string> = {
  'tenant GET /procedures': 'procedure search over the published catalog',
  'tenant GET /procedures/:code': 'a published procedure’s page',
  'tenant GET /track': 'tracking by code and the key printed on the receipt (rate-limited by the engine)',
};

const missing = '/dossiers/dos_doesnotexist';

/** The citizen's own dossiers: staff are sent a 403 page, everyone else to sign in. */
export const tenantRoutes: ProtectedRoute[] = [
  { method: 'GET', path: '/dossiers', audience: 'citizen' },
  { method: 'GET', path: missing, audience: 'citizen' },
  { method: 'GET', path: `${missing}/withdraw`, audience: 'citizen' },
  { method: 'POST', path: `${missing}/withdraw`, form: { reason: 'Không cần nữa' }, audience: 'citizen' },
  { method: 'POST', path: `${missing}/supplement`, form: { answer: 'Đã bổ sung' }, audience: 'citizen' },
  { method: 'POST', path: `${missing}/rate`, form: { score: '5' }, audience: 'citizen' },
  {
    method: 'POST',
    path: `${missing}/feedback`,
    form: { subject: 'Góp ý', body: 'Nội dung góp ý đủ dài.' },
    audience: 'citizen',
  },
];
export const platformRoutes: ProtectedRoute[] = [];
