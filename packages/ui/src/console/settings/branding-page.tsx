/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The agency's colours (a readable pair only, with its contrast shown and a sample drawn in the
// saved colours) and its logo (upload, replace, remove).
import { authHref } from '../../shared/page-base.ts';
import { Control, SettingsFrame, type SettingsPageBase } from './parts.tsx';
import { type SettingsStringKey, settingsShownRatio, settingsText } from './strings.ts';

export interface SettingsBrandingPageProps extends SettingsPageBase {
  branding: {
    primaryColor: string;
    textOnPrimary: string;
    accentColor: string;
    /** Rounded down to two decimals. */
    contrast: number;
    /** Changes with every new logo, so that the image address does too (the logo is cached for minutes). */
    logoVersion: string | null;
  };
  notice?: 'colours' | 'logo' | 'logoRemoved' | undefined;
  values?: { primaryColor?: string; textOnPrimary?: string };
}

const noticeKey = { colours: 'coloursSaved', logo: 'logoSaved', logoRemoved: 'logoRemoved' } as const;

export function SettingsBrandingPage(page: SettingsBrandingPageProps) {
  const say = (key: SettingsStringKey) => settingsText(page.locale, key);
  const b = page.branding;
  const colourInput =
    (name: 'primaryColor' | 'textOnPrimary') => (describedBy: string | undefined, invalid: boolean) => (
      <input
        id={name}
        name={name}
        type="text"
        value={page.values?.[name] ?? b[name]}
        maxlength={7}
        spellcheck={false}
        autocomplete="off"
        class="colour-input"
        aria-describedby={describedBy}
        aria-invalid={invalid ? 'true' : undefined}
      />
    );
  return (
    <SettingsFrame
      {...page}
      title={say('brandingTitle')}
      path="/console/branding"
      notice={page.notice ? say(noticeKey[page.notice]) : undefined}
    >
      <p>{say('brandingIntro')}</p>
      <h2 id="colours-title">{say('coloursTitle')}</h2>
      <dl class="summary" id="current-colours">
        <dt>{say('primaryColorLabel')}</dt>
        <dd>
          <code>{b.primaryColor}</code>
        </dd>
        <dt>{say('textOnPrimaryLabel')}</dt>
        <dd>
          <code>{b.textOnPrimary}</code>
        </dd>
        <dt>{say('accentColorLabel')}</dt>
        <dd>
          <code>{b.accentColor}</code>
        </dd>
        <dt>{say('contrastLabel')}</dt>
        <dd id="contrast">{`${settingsShownRatio(page.locale, b.contrast)}:1`}</dd>
      </dl>
      <p class="hint">{say('contrastNote')}</p>
      {/* The sample's colours come from a stylesheet written from the saved setting: no inline style under the CSP. */}
      <link
        rel="stylesheet"
        href={authHref(
          page,
          `/console/branding/sample.css?v=${b.primaryColor.slice(1)}${b.textOnPrimary.slice(1)}`,
        )}
      />
      <section class="brand-sample-wrap" aria-labelledby="sample-title">
        <h3 id="sample-title">{say('sampleTitle')}</h3>
        <div class="brand-sample" id="brand-sample">
          <p class="brand-sample-heading">{page.siteName}</p>
          <p>{say('sampleText')}</p>
          <p class="brand-sample-button">{say('sampleHeading')}</p>
        </div>
      </section>
      <form
        method="post"
        action={authHref(page, '/console/branding/colours')}
        id="branding-colours"
        novalidate
      >
        <Control page={page} id="primaryColor" label={say('primaryColorLabel')} hint={say('colourHint')}>
          {colourInput('primaryColor')}
        </Control>
        <Control page={page} id="textOnPrimary" label={say('textOnPrimaryLabel')} hint={say('colourHint')}>
          {colourInput('textOnPrimary')}
        </Control>
        <button type="submit" class="button" id="save-colours">
          {say('saveColours')}
        </button>
      </form>
      <h2 id="logo-title">{say('logoTitle')}</h2>
      {b.logoVersion ? (
        <p class="current-logo">
          <img
            src={authHref(page, `/assets/logo?v=${encodeURIComponent(b.logoVersion)}`)}
            alt={`${say('currentLogo')} ${page.siteName}`}
            id="current-logo"
          />
        </p>
      ) : (
        <p id="no-logo">{say('noLogo')}</p>
      )}
      <form
        method="post"
        action={authHref(page, '/console/branding/logo')}
        enctype="multipart/form-data"
        id="branding-logo"
        novalidate
      >
        <Control page={page} id="logo" label={say('logoLabel')} hint={say('logoHint')}>
          {(describedBy, invalid) => (
            <input
              id="logo"
              name="logo"
              type="file"
              accept="image/png,image/jpeg,image/webp"
              aria-describedby={describedBy}
              aria-invalid={invalid ? 'true' : undefined}
            />
          )}
        </Control>
        <button type="submit" class="button" id="upload-logo">
          {say('uploadLogo')}
        </button>
      </form>
      {b.logoVersion ? (
        <form
          method="post"
          action={authHref(page, '/console/branding/logo/remove')}
          id="branding-logo-remove"
        >
          <button type="submit" class="button secondary" id="remove-logo">
            {say('removeLogo')}
          </button>
        </form>
      ) : null}
    </SettingsFrame>
  );
}
