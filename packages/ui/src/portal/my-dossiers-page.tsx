/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// A signed-in citizen's dossiers, newest first, and the confirmation step before withdrawing
// one (withdrawal cannot be undone, so it is never a single click).

import { TextAreaControl } from '../shared/components.tsx';
import { Frame } from '../shared/forms.tsx';
import { authHref } from '../shared/page-base.ts';
import { type PortalLocalized, type PortalPageBase, say } from './catalog-pages.tsx';
import { formatDate } from './format.ts';
import { StatusTag } from './parts.tsx';

export interface PortalDossierRow {
  id: string;
  code: string | null;
  procedureCode: string;
  procedureName: PortalLocalized | null;
  state: string;
  nationalStatus: number | null;
  dueAt: string | null;
}

export function PortalMyDossiersPage(page: PortalPageBase & { dossiers: PortalDossierRow[] }) {
  const name = (d: PortalDossierRow) => (d.procedureName ? d.procedureName[page.locale] : d.procedureCode);
  return (
    <Frame {...page} title={say(page, 'myDossiersTitle')} path="/dossiers">
      {page.dossiers.length ? (
        <div class="table-wrap">
          <table class="console-table dossier-table" id="my-dossiers">
            <caption class="visually-hidden">{say(page, 'myDossiersTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{say(page, 'dossierCode')}</th>
                <th scope="col">{say(page, 'procedure')}</th>
                <th scope="col">{say(page, 'status')}</th>
                <th scope="col">{say(page, 'dueAt')}</th>
              </tr>
            </thead>
            <tbody>
              {page.dossiers.map((d) => (
                <tr>
                  <th scope="row">
                    {d.state === 'draft' ? (
                      <a href={authHref(page, `/dossiers/${d.id}/edit`)}>
                        {say(page, 'continueDraft')}
                        <span class="visually-hidden">: {name(d)}</span>
                      </a>
                    ) : (
                      <a href={authHref(page, `/dossiers/${d.id}`)}>{d.code ?? d.id}</a>
                    )}
                  </th>
                  <td>{name(d)}</td>
                  <td>
                    <StatusTag locale={page.locale} nationalStatus={d.nationalStatus} />
                  </td>
                  <td>{formatDate(d.dueAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{say(page, 'myDossiersEmpty')}</p>
      )}
      <p>
        <a href={authHref(page, '/procedures')}>{say(page, 'allProcedures')}</a>
      </p>
    </Frame>
  );
}

export interface PortalWithdrawPageProps extends PortalPageBase {
  dossier: { id: string; code: string | null; procedureName: string; revision: number };
  reason?: string;
}

export function PortalWithdrawPage(page: PortalWithdrawPageProps) {
  const { dossier } = page;
  const back = authHref(page, `/dossiers/${dossier.id}`);
  return (
    <Frame
      {...page}
      title={say(page, 'withdrawConfirmTitle')}
      path={`/dossiers/${dossier.id}/withdraw`}
      back={{ href: back, label: say(page, 'backToDossier') }}
    >
      <p>
        <strong>{dossier.code ?? ''}</strong> — {dossier.procedureName}
      </p>
      <div class="banner warning" role="note">
        {say(page, 'withdrawWarning')}
      </div>
      <form
        method="post"
        action={authHref(page, `/dossiers/${dossier.id}/withdraw`)}
        id="withdraw-form"
        novalidate
      >
        <input type="hidden" name="revision" value={String(dossier.revision)} />
        <TextAreaControl
          locale={page.locale}
          id="reason"
          label={say(page, 'withdrawReason')}
          value={page.reason}
          errors={page.errors}
        />
        <div class="button-row">
          <button type="submit" class="button button-warning" id="withdraw-confirm">
            {say(page, 'withdrawButton')}
          </button>
          <a href={back} id="withdraw-cancel">
            {say(page, 'cancel')}
          </a>
        </div>
      </form>
    </Frame>
  );
}

/** A staff member on a citizen's page: 403, with the way to where they belong. */
export function PortalCitizensOnlyPage(page: PortalPageBase & { path: string }) {
  return (
    <Frame {...page} title={say(page, 'citizensOnlyTitle')} path={page.path}>
      <p>{say(page, 'citizensOnlyBody')}</p>
      <p>
        <a href={authHref(page, '/console')}>{say(page, 'toConsole')}</a>
      </p>
    </Frame>
  );
}
