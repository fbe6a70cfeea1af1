/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The portal's front page, procedure search and a procedure's page: everything a citizen reads
// before filing. Any procedure is one click from the home page (the "3 clicks" rule).

import { Frame } from '../shared/forms.tsx';
import type { Locale } from '../shared/i18n.ts';
import { type AuthPageBase, authHref } from '../shared/page-base.ts';
import { portalMoney } from './format.ts';
import { type PortalStringKey, portalProcessingTime, portalText } from './strings.ts';

export type PortalPageBase = AuthPageBase;

export interface PortalLocalized {
  vi: string;
  en: string;
}

export interface PortalProcedureCard {
  code: string;
  name: PortalLocalized;
  sector: string;
  /** Both labels, e.g. "Toàn trình (mức độ 4)". */
  onlineLevel: PortalLocalized;
  processingTime: { value: number; unit: string };
  /** The fees every applicant pays, in đồng; conditional fees come on top. */
  feeFrom: number;
}

export interface PortalProcedureDetail extends PortalProcedureCard {
  description: PortalLocalized;
  audience: 'citizen' | 'business' | 'both';
  legalBasis: { document: string; title: string }[];
  fees: { name: PortalLocalized; amount: number; conditional: boolean }[];
  documents: {
    name: PortalLocalized;
    required: boolean;
    originals: number;
    copies: number;
    conditional: boolean;
    /** Set when the agency published a template to download. */
    templateFile?: string | undefined;
  }[];
}

export const say = (page: { locale: Locale }, key: PortalStringKey) => portalText(page.locale, key);

/** The language a GET form must carry, so that a search keeps the chosen language. */
export function LangInput(props: { lang?: Locale | undefined }) {
  return props.lang ? <input type="hidden" name="lang" value={props.lang} /> : null;
}

function SearchForm(props: { page: PortalPageBase; q?: string; id: string }) {
  const { page } = props;
  const input = `${props.id}-q`;
  return (
    <form method="get" action={`${page.basePath}/procedures`} class="portal-search" id={props.id}>
      <LangInput lang={page.lang} />
      <label for={input}>{say(page, 'searchLabel')}</label>
      <p id={`${input}-hint`} class="hint">
        {say(page, 'searchHint')}
      </p>
      <div class="portal-search-row">
        <input id={input} name="q" type="search" value={props.q ?? ''} aria-describedby={`${input}-hint`} />
        <button type="submit" class="button" id={`${props.id}-submit`}>
          {say(page, 'searchButton')}
        </button>
      </div>
    </form>
  );
}

function ProcedureList(props: { page: PortalPageBase; procedures: PortalProcedureCard[] }) {
  const { page } = props;
  return (
    <ul class="procedure-list">
      {props.procedures.map((p) => (
        <li>
          <a href={authHref(page, `/procedures/${encodeURIComponent(p.code)}`)}>{p.name[page.locale]}</a>
          <p class="procedure-meta">
            <span>{p.sector}</span> · <span>{p.onlineLevel[page.locale]}</span> ·{' '}
            <span>{portalProcessingTime(page.locale, p.processingTime)}</span>
          </p>
        </li>
      ))}
    </ul>
  );
}

export interface PortalHomeProps extends PortalPageBase {
  procedures: PortalProcedureCard[];
  /** How many of the most used procedures the front page lists. */
  popularCount?: number;
  suspended: boolean;
  signedIn: boolean;
}

export function PortalHomePage(page: PortalHomeProps) {
  const popular = page.procedures.slice(0, page.popularCount ?? 8);
  const links: [string, PortalStringKey][] = page.signedIn
    ? [
        ['/dossiers', 'myDossiersLink'],
        ['/track', 'trackLink'],
      ]
    : [
        ['/dossiers', 'myDossiersLink'],
        ['/track', 'trackLink'],
        ['/sign-in', 'signInLink'],
        ['/register', 'registerLink'],
      ];
  return (
    <Frame {...page} title={`${say(page, 'homeTitle')} — ${page.siteName}`} path="/">
      {page.suspended ? (
        <div class="banner" role="status">
          <strong>{say(page, 'suspendedTitle')}.</strong> {say(page, 'suspendedBody')}
        </div>
      ) : null}
      <p>{say(page, 'homeIntro')}</p>
      <SearchForm page={page} id="home-search" />
      <h2>{say(page, 'popularTitle')}</h2>
      {popular.length ? (
        <ProcedureList page={page} procedures={popular} />
      ) : (
        <p class="muted">{say(page, 'noProcedures')}</p>
      )}
      <p>
        <a href={authHref(page, '/procedures')} id="all-procedures">
          {say(page, 'allProcedures')}
        </a>
      </p>
      <h2>{say(page, 'yourServicesTitle')}</h2>
      <ul class="links portal-links">
        {links.map(([path, key]) => (
          <li>
            <a href={authHref(page, path)}>{say(page, key)}</a>
          </li>
        ))}
      </ul>
    </Frame>
  );
}

export function PortalProcedureSearchPage(
  page: PortalPageBase & { q: string; procedures: PortalProcedureCard[] },
) {
  const back = { href: authHref(page, '/'), label: say(page, 'backHome') };
  return (
    <Frame {...page} title={say(page, 'resultsTitle')} path="/procedures" back={back}>
      <SearchForm page={page} q={page.q} id="procedure-search" />
      <p role="status" id="result-count">
        {page.q ? `${say(page, 'resultsFor')} “${page.q}”: ` : ''}
        {`${page.procedures.length} ${say(page, 'resultsCount')}`}
      </p>
      {page.procedures.length ? (
        <ProcedureList page={page} procedures={page.procedures} />
      ) : (
        <p>{say(page, 'noResults')}</p>
      )}
    </Frame>
  );
}

const audienceKey = {
  citizen: 'audienceCitizen',
  business: 'audienceBusiness',
  both: 'audienceBoth',
} as const;

function FeeList(props: { page: PortalPageBase; fees: PortalProcedureDetail['fees'] }) {
  const { page } = props;
  if (!props.fees.length) return <dd>{say(page, 'free')}</dd>;
  return (
    <dd>
      <ul class="plain">
        {props.fees.map((fee) => (
          <li>
            {fee.name[page.locale]}:{' '}
            <strong>{fee.amount ? portalMoney(fee.amount) : say(page, 'free')}</strong>
            {fee.conditional ? ` (${say(page, 'whenApplicable')})` : ''}
          </li>
        ))}
      </ul>
    </dd>
  );
}

function DocumentTable(props: { page: PortalPageBase; procedure: PortalProcedureDetail }) {
  const { page, procedure } = props;
  if (!procedure.documents.length) return <p>{say(page, 'noDocuments')}</p>;
  const quantity = (d: PortalProcedureDetail['documents'][number]) =>
    [
      d.originals ? `${d.originals} ${say(page, 'originals')}` : '',
      d.copies ? `${d.copies} ${say(page, 'copies')}` : '',
    ]
      .filter(Boolean)
      .join(', ');
  return (
    <div class="table-wrap">
      <table class="console-table">
        <caption class="visually-hidden">{say(page, 'documentsTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{say(page, 'documentName')}</th>
            <th scope="col">{say(page, 'documentCopies')}</th>
            <th scope="col">{say(page, 'documentTemplate')}</th>
          </tr>
        </thead>
        <tbody>
          {procedure.documents.map((d) => (
            <tr>
              <th scope="row" class="document-name">
                {d.name[page.locale]}{' '}
                <span class="muted">
                  ({say(page, d.required ? 'required' : 'optional')}
                  {d.conditional ? `, ${say(page, 'whenApplicable')}` : ''})
                </span>
              </th>
              <td>{quantity(d)}</td>
              <td>
                {d.templateFile ? (
                  <a
                    href={`${page.basePath}/api/procedures/${encodeURIComponent(procedure.code)}/templates/${encodeURIComponent(d.templateFile)}`}
                    download
                  >
                    {say(page, 'downloadTemplate')}
                    <span class="visually-hidden"> {d.name[page.locale]}</span>
                  </a>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function PortalProcedurePage(page: PortalPageBase & { procedure: PortalProcedureDetail }) {
  const { procedure } = page;
  const back = { href: authHref(page, '/procedures'), label: say(page, 'backToProcedures') };
  const start = authHref(page, `/dossiers/new?procedure=${encodeURIComponent(procedure.code)}`);
  return (
    <Frame
      {...page}
      title={procedure.name[page.locale]}
      path={`/procedures/${encodeURIComponent(procedure.code)}`}
      back={back}
    >
      <p>{procedure.description[page.locale]}</p>
      <dl class="summary procedure-facts">
        <dt>{say(page, 'procedureCode')}</dt>
        <dd>
          <code>{procedure.code}</code>
        </dd>
        <dt>{say(page, 'sector')}</dt>
        <dd>{procedure.sector}</dd>
        <dt>{say(page, 'audience')}</dt>
        <dd>{say(page, audienceKey[procedure.audience])}</dd>
        <dt>{say(page, 'onlineLevel')}</dt>
        <dd>{procedure.onlineLevel[page.locale]}</dd>
        <dt>{say(page, 'processingTime')}</dt>
        <dd>{portalProcessingTime(page.locale, procedure.processingTime)}</dd>
        <dt>{say(page, 'fees')}</dt>
        <FeeList page={page} fees={procedure.fees} />
      </dl>
      <p>
        <a class="button button-start" href={start} id="start-dossier">
          {say(page, 'startDossier')}
        </a>
      </p>
      <p class="hint">{say(page, 'startNeedsAccount')}</p>
      <h2>{say(page, 'documentsTitle')}</h2>
      <DocumentTable page={page} procedure={procedure} />
      <h2>{say(page, 'legalBasis')}</h2>
      <ul class="plain">
        {procedure.legalBasis.map((law) => (
          <li>
            <strong>{law.document}</strong> — {law.title}
          </li>
        ))}
      </ul>
    </Frame>
  );
}
