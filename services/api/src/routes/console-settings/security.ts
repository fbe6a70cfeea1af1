// This area's routes for the route inventory (services/api/src/route-security.test.ts): each
// public route with the reason it needs no session, each protected one with who it admits.
import type { ProtectedRoute } from '../../security-cases.ts';

/** The settings are the agency admin's (`settings.manage`). */
const admin = { staff: ['admin'] } as const;

export const publicRoutes: Record<string, string> = {
  'tenant GET /assets/logo':
    'the agency’s logo, shown on its public portal to everyone (PNG, JPEG or WebP only, nosniff)',
};
export const tenantRoutes: ProtectedRoute[] = [
  { method: 'GET', path: '/console/calendar', audience: admin },
  {
    method: 'POST',
    path: '/console/calendar',
    form: { date: '2026-12-24', kind: 'off', name: 'Nghỉ lễ địa phương' },
    audience: admin,
  },
  { method: 'POST', path: '/console/calendar/2026-12-24/remove', audience: admin },
  { method: 'GET', path: '/console/branding', audience: admin },
  { method: 'GET', path: '/console/branding/sample.css', audience: admin },
  {
    method: 'POST',
    path: '/console/branding/colours',
    form: { primaryColor: '#0b5394', textOnPrimary: '#ffffff' },
    audience: admin,
  },
  // A form without a file: the admitted caller gets the page's "choose a file" error.
  { method: 'POST', path: '/console/branding/logo', form: {}, audience: admin },
  { method: 'POST', path: '/console/branding/logo/remove', audience: admin },
  { method: 'GET', path: '/console/units', audience: admin },
  {
    method: 'POST',
    path: '/console/units',
    form: { code: 'STP', name: 'Sở Tư pháp', kind: 'department' },
    audience: admin,
  },
  {
    method: 'POST',
    path: '/console/units/uni_doesnotexist/rename',
    form: { name: 'Tên mới' },
    audience: admin,
  },
  {
    method: 'POST',
    path: '/console/units/uni_doesnotexist/close',
    form: { onDate: '2030-01-01' },
    audience: admin,
  },
];
export const platformRoutes: ProtectedRoute[] = [];
