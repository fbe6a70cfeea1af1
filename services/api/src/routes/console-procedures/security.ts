// This area's routes for the route inventory (services/api/src/route-security.test.ts): each
// public route with the reason it needs no session, each protected one with who it admits.
import type { ProtectedRoute } from '../../security-cases.ts';

export const publicRoutes: Record<string, string> = {};
export const tenantRoutes: ProtectedRoute[] = [];
export const platformRoutes: ProtectedRoute[] = [];
