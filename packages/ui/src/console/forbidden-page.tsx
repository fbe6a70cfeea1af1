/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The page a signed-in person gets for a console page their role may not open.
import { ConsoleFrame, type ConsolePageBase, say } from './parts.tsx';

export function ForbiddenPage(page: ConsolePageBase & { path: string }) {
  return (
    <ConsoleFrame {...page} title={say(page, 'forbiddenTitle')} path={page.path} back>
      <p>{say(page, 'forbiddenBody')}</p>
    </ConsoleFrame>
  );
}
