/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The console's front page for every staff role: what needs attention, then the admin's links.
// Mounted by routes/console in place of its own home.
import { can } from '@motcua/auth';
import { DossierConsoleHome } from '@motcua/ui';
import { type Ctx, gate, pageBase, readsDossiers } from './gate.tsx';
import { attentionCounts, queueLimit } from './load.ts';

export async function consoleHomeHandler(c: Ctx) {
  const base = pageBase(c);
  const g = await gate(c, base);
  if (g.response) return g.response;
  const { role, fullName } = g.principal;
  const counts = readsDossiers(role) ? await attentionCounts(g.ctx) : null;
  return c.html(
    <DossierConsoleHome
      {...base}
      fullName={fullName}
      role={role}
      counts={counts}
      countCap={queueLimit}
      adminLinks={{
        staff: can(role, 'staff.manage'),
        apiKeys: can(role, 'api_keys.manage'),
        audit: can(role, 'audit.read'),
        settings: can(role, 'settings.manage'),
      }}
    />,
  );
}
