/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// Public tracking by the dossier code and the key printed on the receipt: a GET form (the result
// can be bookmarked on the person's own phone), and where the dossier is, without any names.

import { Field, Frame } from '../shared/forms.tsx';
import { authHref } from '../shared/page-base.ts';
import { LangInput, type PortalLocalized, type PortalPageBase, say } from './catalog-pages.tsx';
import { DateFacts, type DossierDates, StatusTag, StepList } from './parts.tsx';

export interface PortalTrackedView extends DossierDates {
  code: string;
  procedureCode: string;
  procedureName: PortalLocalized | null;
  nationalStatus: number | null;
  steps: { action: string; at: string }[];
}

export interface PortalTrackPageProps extends PortalPageBase {
  code?: string;
  trackingKey?: string;
  result?: PortalTrackedView | undefined;
}

export function PortalTrackPage(page: PortalTrackPageProps) {
  const { result } = page;
  const back = { href: authHref(page, '/'), label: say(page, 'backHome') };
  return (
    <Frame {...page} title={say(page, 'trackTitle')} path="/track" back={back}>
      <p>{say(page, 'trackIntro')}</p>
      <form method="get" action={`${page.basePath}/track`} id="track-form" novalidate>
        <LangInput lang={page.lang} />
        <Field
          locale={page.locale}
          name="code"
          label={say(page, 'trackCode')}
          hint={say(page, 'trackCodeHint')}
          value={page.code ?? ''}
          autocomplete="off"
          errors={page.errors}
        />
        <Field
          locale={page.locale}
          name="key"
          label={say(page, 'trackKey')}
          hint={say(page, 'trackKeyHint')}
          value={page.trackingKey ?? ''}
          autocomplete="off"
          errors={page.errors}
        />
        <button type="submit" class="button" id="track-submit">
          {say(page, 'trackButton')}
        </button>
      </form>
      {result ? (
        <section aria-labelledby="track-result" class="track-result">
          <h2 id="track-result">{say(page, 'resultTitle')}</h2>
          <dl class="summary">
            <dt>{say(page, 'dossierCode')}</dt>
            <dd>
              <code>{result.code}</code>
            </dd>
            <dt>{say(page, 'procedure')}</dt>
            <dd>{result.procedureName ? result.procedureName[page.locale] : result.procedureCode}</dd>
            <dt>{say(page, 'status')}</dt>
            <dd>
              <StatusTag locale={page.locale} nationalStatus={result.nationalStatus} />
            </dd>
            <DateFacts locale={page.locale} dates={result} />
          </dl>
          <h3>{say(page, 'stepsTitle')}</h3>
          <StepList locale={page.locale} steps={result.steps} />
        </section>
      ) : null}
    </Frame>
  );
}
