/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The first console home, with the admin's links to staff, API keys and the audit trail. The
// dossier console's home (DossierConsoleHome) replaced it; no route renders it any more.
import { roleName } from '../../shared/auth-strings.ts';
import { authHref } from '../../shared/page-base.ts';
import { ConsoleFrame, type ConsolePageBase, say } from '../parts.tsx';
import type { ConsoleStringKey } from '../strings.ts';

export function ConsoleHome(page: ConsolePageBase & { fullName: string; role: string }) {
  const links: [string, ConsoleStringKey][] = [
    ['/console/staff', 'staffTitle'],
    ['/console/api-keys', 'apiKeysTitle'],
    ['/console/audit', 'auditTitle'],
  ];
  return (
    <ConsoleFrame {...page} title={say(page, 'consoleTitle')} path="/console">
      <p>{say(page, 'consoleIntro')}</p>
      <p>
        {say(page, 'signedInAs')} {page.fullName} ({roleName(page.locale, page.role)})
      </p>
      <ul class="links">
        {links.map(([path, key]) => (
          <li>
            <a href={authHref(page, path)}>{say(page, key)}</a>
          </li>
        ))}
      </ul>
    </ConsoleFrame>
  );
}
