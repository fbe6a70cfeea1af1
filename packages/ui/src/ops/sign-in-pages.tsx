/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The operator's sign-in steps on the platform host: password, then the TOTP code, or enrolling
// an authenticator first (operators must have one). Plain forms, no JavaScript.

import { authText } from '../shared/auth-strings.ts';
import { groupSecret } from '../shared/format.ts';
import { Field, Form } from '../shared/forms.tsx';
import { OpsFrame, type OpsPageBase, opsHref, say } from './parts.tsx';

export function OpsSignInPage(page: OpsPageBase & { email?: string }) {
  return (
    <OpsFrame {...page} title={say(page, 'signInTitle')} path="/ops/sign-in">
      <p>{say(page, 'signInIntro')}</p>
      <form method="post" action={opsHref(page, '/ops/sign-in')} id="ops-sign-in-form" novalidate>
        <Field
          locale={page.locale}
          name="email"
          type="email"
          label={authText(page.locale, 'email')}
          value={page.email ?? ''}
          autocomplete="username"
          errors={page.errors}
        />
        <Field
          locale={page.locale}
          name="password"
          type="password"
          label={authText(page.locale, 'password')}
          autocomplete="current-password"
          errors={page.errors}
        />
        <button type="submit" class="button" id="ops-sign-in-button">
          {authText(page.locale, 'signInButton')}
        </button>
      </form>
    </OpsFrame>
  );
}

function CodeField(page: OpsPageBase) {
  return (
    <Field
      locale={page.locale}
      name="code"
      label={authText(page.locale, 'totpLabel')}
      hint={authText(page.locale, 'totpHint')}
      autocomplete="one-time-code"
      inputmode="numeric"
      errors={page.errors}
    />
  );
}

export function OpsTotpPage(page: OpsPageBase) {
  return (
    <OpsFrame {...page} title={authText(page.locale, 'totpTitle')} path="/ops/sign-in/totp">
      <Form action={opsHref(page, '/ops/sign-in/totp')} button={authText(page.locale, 'continue')}>
        <CodeField {...page} />
      </Form>
    </OpsFrame>
  );
}

export function OpsTotpEnrolPage(page: OpsPageBase & { uri: string; secret: string }) {
  return (
    <OpsFrame {...page} title={say(page, 'enrolTitle')} path="/ops/sign-in/totp/enrol">
      <p>{say(page, 'enrolIntro')}</p>
      <dl class="summary">
        <dt>{say(page, 'enrolSecret')}</dt>
        <dd>
          <code class="secret">{groupSecret(page.secret)}</code>
        </dd>
        <dt>{say(page, 'enrolUri')}</dt>
        <dd>
          <code class="secret">{page.uri}</code>
        </dd>
      </dl>
      <Form action={opsHref(page, '/ops/sign-in/totp/enrol')} button={say(page, 'enrolButton')}>
        {/* Echoed back only to show the same secret again after a wrong code; the stored one is checked. */}
        <input type="hidden" name="secret" value={page.secret} />
        <CodeField {...page} />
      </Form>
    </OpsFrame>
  );
}
