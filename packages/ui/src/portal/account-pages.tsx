/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The agency site's sign-in, second-factor, registration, password-reset and account pages
// (citizens and staff alike sign in here): plain forms that work without JavaScript, with an
// error summary linking to each field and messages tied to it.

import { type AuthStringKey, authText, roleName } from '../shared/auth-strings.ts';
import { Banner } from '../shared/components.tsx';
import { Field, Form, Frame } from '../shared/forms.tsx';
import { type AuthPageBase, authHref } from '../shared/page-base.ts';

const text = (page: AuthPageBase, key: AuthStringKey) => authText(page.locale, key);

export function SignInPage(page: AuthPageBase & { email?: string; registered?: boolean }) {
  return (
    <Frame {...page} title={text(page, 'signInTitle')} path="/sign-in">
      {page.registered ? <Banner>{text(page, 'registered')}</Banner> : null}
      <p>{text(page, 'signInIntro')}</p>
      <Form action={authHref(page, '/sign-in')} button={text(page, 'signInButton')}>
        <Field
          locale={page.locale}
          name="email"
          label={text(page, 'emailOrPhone')}
          value={page.email ?? ''}
          autocomplete="username"
          errors={page.errors}
        />
        <Field
          locale={page.locale}
          name="password"
          type="password"
          label={text(page, 'password')}
          autocomplete="current-password"
          errors={page.errors}
        />
      </Form>
      <ul class="links">
        <li>
          <a href={authHref(page, '/reset-password')}>{text(page, 'forgotPassword')}</a>
        </li>
        <li>
          <a href={authHref(page, '/register')}>{text(page, 'noAccount')}</a>
        </li>
      </ul>
    </Frame>
  );
}

export function TotpPage(page: AuthPageBase) {
  return (
    <Frame {...page} title={text(page, 'totpTitle')} path="/sign-in/totp">
      <Form action={authHref(page, '/sign-in/totp')} button={text(page, 'continue')}>
        <Field
          locale={page.locale}
          name="code"
          label={text(page, 'totpLabel')}
          hint={text(page, 'totpHint')}
          autocomplete="one-time-code"
          inputmode="numeric"
          errors={page.errors}
        />
      </Form>
    </Frame>
  );
}

export function RegisterPage(page: AuthPageBase & { email?: string; phone?: string; fullName?: string }) {
  const consentError = page.errors?.find((e) => e.field === 'consent');
  const described = ['consent-text', consentError ? 'consent-error' : ''].filter(Boolean).join(' ');
  return (
    <Frame {...page} title={text(page, 'registerTitle')} path="/register">
      <Form action={authHref(page, '/register')} button={text(page, 'registerButton')}>
        <Field
          locale={page.locale}
          name="fullName"
          label={text(page, 'fullName')}
          value={page.fullName ?? ''}
          autocomplete="name"
          errors={page.errors}
        />
        <Field
          locale={page.locale}
          name="email"
          type="email"
          label={text(page, 'email')}
          value={page.email ?? ''}
          hint={text(page, 'contactHint')}
          autocomplete="email"
          errors={page.errors}
        />
        <Field
          locale={page.locale}
          name="phone"
          type="tel"
          label={text(page, 'phone')}
          value={page.phone ?? ''}
          autocomplete="tel"
          errors={page.errors}
        />
        <Field
          locale={page.locale}
          name="password"
          type="password"
          label={text(page, 'password')}
          hint={text(page, 'passwordHint')}
          autocomplete="new-password"
          errors={page.errors}
        />
        <fieldset class={consentError ? 'field field-error' : 'field'}>
          <legend>{text(page, 'consentHeading')}</legend>
          <p id="consent-text">{text(page, 'consentText')}</p>
          {consentError ? (
            <p id="consent-error" class="error-message">
              <span class="visually-hidden">{text(page, 'errorPrefix')} </span>
              {consentError.message}
            </p>
          ) : null}
          <div class="checkbox">
            <input
              id="consent"
              name="consent"
              type="checkbox"
              value="yes"
              aria-describedby={described}
              aria-invalid={consentError ? 'true' : undefined}
            />
            <label for="consent">{text(page, 'consentLabel')}</label>
          </div>
        </fieldset>
      </Form>
    </Frame>
  );
}

export function ResetRequestPage(page: AuthPageBase & { email?: string; sent?: boolean }) {
  if (page.sent) {
    return (
      <Frame {...page} title={text(page, 'resetSentTitle')} path="/reset-password">
        <p role="status">{text(page, 'resetSentBody')}</p>
        <p>
          <a href={authHref(page, '/sign-in')}>{text(page, 'signInTitle')}</a>
        </p>
      </Frame>
    );
  }
  return (
    <Frame {...page} title={text(page, 'resetTitle')} path="/reset-password">
      <p>{text(page, 'resetIntro')}</p>
      <Form action={authHref(page, '/reset-password')} button={text(page, 'resetSendButton')}>
        <Field
          locale={page.locale}
          name="email"
          type="email"
          label={text(page, 'email')}
          value={page.email ?? ''}
          autocomplete="email"
          errors={page.errors}
        />
      </Form>
    </Frame>
  );
}

export function ResetConfirmPage(page: AuthPageBase & { token: string; done?: boolean }) {
  if (page.done) {
    return (
      <Frame {...page} title={text(page, 'resetDoneTitle')} path="/reset-password">
        <p role="status">{text(page, 'resetDoneBody')}</p>
        <p>
          <a href={authHref(page, '/sign-in')}>{text(page, 'signInTitle')}</a>
        </p>
      </Frame>
    );
  }
  return (
    <Frame {...page} title={text(page, 'resetNewTitle')} path="/reset-password">
      <Form action={authHref(page, '/reset-password')} button={text(page, 'resetSaveButton')}>
        <input type="hidden" name="token" value={page.token} />
        <Field
          locale={page.locale}
          name="password"
          type="password"
          label={text(page, 'newPassword')}
          hint={text(page, 'passwordHint')}
          autocomplete="new-password"
          errors={page.errors}
        />
      </Form>
    </Frame>
  );
}

export interface AccountPageProps extends AuthPageBase {
  fullName: string;
  email: string | null;
  /** +84… as stored; shown as a Vietnamese reader writes it, 0912 345 678. */
  phone?: string | null;
  kind: 'staff' | 'citizen';
  role: string | null;
}

const localPhone = (phone: string) => `0${phone.slice(3)}`.replace(/^(\d{4})(\d{3})(\d{3})$/, '$1 $2 $3');

export function AccountPage(page: AccountPageProps) {
  return (
    <Frame {...page} title={text(page, 'accountTitle')} path="/account">
      <dl class="summary">
        <dt>{text(page, 'name')}</dt>
        <dd>{page.fullName}</dd>
        {page.email ? (
          <>
            <dt>{text(page, 'email')}</dt>
            <dd>{page.email}</dd>
          </>
        ) : null}
        {page.phone ? (
          <>
            <dt>{text(page, 'phone')}</dt>
            <dd>{localPhone(page.phone)}</dd>
          </>
        ) : null}
        <dt>{text(page, 'kind')}</dt>
        <dd>{text(page, page.kind === 'staff' ? 'kindStaff' : 'kindCitizen')}</dd>
        {page.role ? (
          <>
            <dt>{text(page, 'role')}</dt>
            <dd>{roleName(page.locale, page.role)}</dd>
          </>
        ) : null}
      </dl>
      <p>
        {page.kind === 'staff' ? (
          <a class="button" href={authHref(page, '/console')} id="account-next">
            {text(page, 'accountNextStaff')}
          </a>
        ) : (
          <a class="button" href={authHref(page, '/dossiers')} id="account-next">
            {text(page, 'accountNextCitizen')}
          </a>
        )}
      </p>
      <Form action={authHref(page, '/sign-out')} button={text(page, 'signOutButton')} />
    </Frame>
  );
}
