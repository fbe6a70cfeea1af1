// This area's routes for the route inventory (services/api/src/route-security.test.ts): each
// public route with the reason it needs no session, each protected one with who it admits.
import type { ProtectedRoute } from '../../security-cases.ts';

export const publicRoutes: Record<string, string> = {
  'tenant GET /assets/portal-form/upload.js':
    'the dossier form’s upload progress script, the same for everyone',
};

const dossier = '/dossiers/dos_doesnotexist';

/** A dossier is filed by its applicant: every page is for a signed-in citizen, their own dossiers only. */
export const tenantRoutes: ProtectedRoute[] = [
  { method: 'GET', path: '/dossiers/new', audience: 'citizen' },
  { method: 'GET', path: `${dossier}/edit`, audience: 'citizen' },
  { method: 'POST', path: `${dossier}/edit`, form: { _shown: '', _action: 'save' }, audience: 'citizen' },
  { method: 'POST', path: `${dossier}/files`, form: { _document: 'x' }, audience: 'citizen' },
  { method: 'GET', path: `${dossier}/review`, audience: 'citizen' },
  { method: 'POST', path: `${dossier}/submit`, form: { revision: '1' }, audience: 'citizen' },
  { method: 'GET', path: `${dossier}/receipt`, audience: 'citizen' },
];
export const platformRoutes: ProtectedRoute[] = [];
