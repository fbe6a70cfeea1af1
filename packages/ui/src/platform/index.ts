// The platform host's own pages: the landing page. (The API reference at /docs is Scalar's.)
export { PlatformLanding } from './landing-page.tsx';
