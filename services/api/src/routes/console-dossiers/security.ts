// This area's routes for the route inventory (services/api/src/route-security.test.ts): each
// public route with the reason it needs no session, each protected one with who it admits.
import type { ProtectedRoute } from '../../security-cases.ts';

/** Every staff role reads the queue and dossiers (admins and viewers included, read-only). */
const readers = { staff: ['admin', 'reception', 'specialist', 'approver', 'clerk', 'viewer'] } as const;
/** Roles that take steps in a dossier's life; which step, the engine's state machine decides. */
const actors = { staff: ['reception', 'specialist', 'approver', 'clerk'] } as const;

export const publicRoutes: Record<string, string> = {};
export const tenantRoutes: ProtectedRoute[] = [
  { method: 'GET', path: '/console/dossiers', audience: readers },
  { method: 'GET', path: '/console/dossiers/dos_doesnotexist', audience: readers },
  {
    method: 'POST',
    path: '/console/dossiers/dos_doesnotexist/actions/receive',
    form: { expectedRevision: '0' },
    audience: actors,
  },
];
export const platformRoutes: ProtectedRoute[] = [];
