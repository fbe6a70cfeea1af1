/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The console's front page: what needs attention now (new, due soon, late, waiting for me,
// waiting for a supplement), each a count linking to the filtered queue, then the admin's links.

import { roleName } from '../../shared/auth-strings.ts';
import { Frame } from '../../shared/forms.tsx';
import { authHref } from '../../shared/page-base.ts';
import { type ConsoleStringKey, consoleText } from '../strings.ts';
import { say } from './components.tsx';
import type { ConsoleDossierStringKey } from './strings.ts';
import type { ConsoleAttentionCounts, ConsolePage } from './types.ts';

export interface DossierConsoleHomeProps extends ConsolePage {
  fullName: string;
  role: string;
  /** Null for a role that reads no dossiers. */
  counts: ConsoleAttentionCounts | null;
  /** How far a count goes: a list of this many is shown as "N+". */
  countCap: number;
  adminLinks: { staff: boolean; apiKeys: boolean; audit: boolean; settings: boolean };
}

const attention: [keyof ConsoleAttentionCounts, ConsoleDossierStringKey, string][] = [
  ['submitted', 'attentionNew', '/console/dossiers?state=submitted'],
  ['late', 'attentionLate', '/console/dossiers?due=late'],
  ['dueSoon', 'attentionDueSoon', '/console/dossiers?due=due_soon'],
  ['mine', 'attentionMine', '/console/dossiers?mine=1'],
  ['supplementRequested', 'attentionSupplement', '/console/dossiers?state=supplement_requested'],
];

export function DossierConsoleHome(page: DossierConsoleHomeProps) {
  const admin: [boolean, string, ConsoleStringKey][] = [
    [page.adminLinks.settings, '/console/procedures', 'proceduresLink'],
    [page.adminLinks.staff, '/console/staff', 'staffTitle'],
    [page.adminLinks.settings, '/console/units', 'unitsLink'],
    [page.adminLinks.settings, '/console/calendar', 'calendarLink'],
    [page.adminLinks.settings, '/console/branding', 'brandingLink'],
    [page.adminLinks.apiKeys, '/console/api-keys', 'apiKeysTitle'],
    [page.adminLinks.audit, '/console/audit', 'auditTitle'],
  ];
  const shown = admin.filter(([allowed]) => allowed);
  const counts = page.counts;
  return (
    <Frame {...page} title={consoleText(page.locale, 'consoleTitle')} path="/console">
      <p>
        {consoleText(page.locale, 'signedInAs')} {page.fullName} ({roleName(page.locale, page.role)})
      </p>
      {counts ? (
        <>
          <h2>{say(page, 'attentionTitle')}</h2>
          <p>{say(page, 'homeIntro')}</p>
          <ul class="attention">
            {attention.map(([key, label, path]) => (
              <li>
                <a href={authHref(page, path)} id={`attention-${key}`}>
                  <span class="attention-count">
                    {counts[key] >= page.countCap ? `${page.countCap}+` : counts[key]}
                  </span>{' '}
                  <span>{say(page, label)}</span>
                </a>
              </li>
            ))}
          </ul>
          <p>
            <a href={authHref(page, '/console/dossiers')} id="queue-link">
              {say(page, 'queueLink')}
            </a>
          </p>
        </>
      ) : null}
      {shown.length ? (
        <>
          <h2>{say(page, 'manageTitle')}</h2>
          <ul class="links">
            {shown.map(([, path, key]) => (
              <li>
                <a href={authHref(page, path)}>{consoleText(page.locale, key)}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Frame>
  );
}
