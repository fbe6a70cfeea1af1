/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The sign-in, second-factor, registration, password-reset and account pages: plain forms that
// work without JavaScript, with an error summary linking to each field and messages tied to it.
import type { Child } from 'hono/jsx';
import { type AuthStringKey, authText, roleName } from './auth-strings.ts';
import type { Locale } from './i18n.ts';
import { Layout } from './layout.tsx';

export interface FormError {
  /** The field's name (and id); absent for a problem of the whole form. */
  field?: string;
  message: string;
}

export interface AuthPageBase {
  locale: Locale;
  siteName: string;
  /** '' on a tenant host, '/t/<slug>' on the path fallback. */
  basePath: string;
  /** Carried on links and form actions when the person chose a language with `?lang=`. */
  lang?: Locale | undefined;
  errors?: FormError[];
}

/** A link inside the tenant's site, keeping the chosen language. */
export function authHref(page: Pick<AuthPageBase, 'basePath' | 'lang'>, path: string): string {
  const [pathname = '', query = ''] = path.split('?');
  const params = new URLSearchParams(query);
  if (page.lang) params.set('lang', page.lang);
  const search = params.toString();
  return `${page.basePath}${pathname}${search ? `?${search}` : ''}`;
}

function Frame(props: AuthPageBase & { title: string; path: string; children?: Child }) {
  const { locale, errors = [] } = props;
  const title = errors.length ? `${authText(locale, 'errorPrefix')} ${props.title}` : props.title;
  return (
    <Layout
      locale={locale}
      title={title}
      siteName={props.siteName}
      path={props.path}
      basePath={props.basePath}
    >
      <h1>{props.title}</h1>
      <ErrorSummary locale={locale} errors={errors} />
      {props.children}
    </Layout>
  );
}

function ErrorSummary({ locale, errors }: { locale: Locale; errors: FormError[] }) {
  if (!errors.length) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
      <h2 id="error-summary-title">{authText(locale, 'errorSummaryTitle')}</h2>
      <ul>
        {errors.map((error) => (
          <li>{error.field ? <a href={`#${error.field}`}>{error.message}</a> : error.message}</li>
        ))}
      </ul>
    </div>
  );
}

interface FieldProps {
  locale: Locale;
  name: string;
  label: string;
  type?: string;
  value?: string;
  hint?: string;
  autocomplete?: string;
  inputmode?: 'numeric';
  errors?: FormError[] | undefined;
}

function Field({
  locale,
  name,
  label,
  type = 'text',
  value,
  hint,
  autocomplete,
  inputmode,
  errors,
}: FieldProps) {
  const error = errors?.find((e) => e.field === name);
  const described = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={name}>{label}</label>
      {hint ? (
        <p id={`${name}-hint`} class="hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${name}-error`} class="error-message">
          <span class="visually-hidden">{authText(locale, 'errorPrefix')} </span>
          {error.message}
        </p>
      ) : null}
      <input
        id={name}
        name={name}
        type={type}
        value={value}
        autocomplete={autocomplete}
        inputmode={inputmode}
        aria-describedby={described || undefined}
        aria-invalid={error ? 'true' : undefined}
      />
    </div>
  );
}

function Form(props: { action: string; button: string; children?: Child }) {
  return (
    <form method="post" action={props.action} novalidate>
      {props.children}
      <button type="submit" class="button">
        {props.button}
      </button>
    </form>
  );
}

const text = (page: AuthPageBase, key: AuthStringKey) => authText(page.locale, key);

export function SignInPage(page: AuthPageBase & { email?: string; registered?: boolean }) {
  return (
    <Frame {...page} title={text(page, 'signInTitle')} path="/sign-in">
      {page.registered ? (
        <div class="banner info" role="status">
          {text(page, 'registered')}
        </div>
      ) : null}
      <p>{text(page, 'signInIntro')}</p>
      <Form action={authHref(page, '/sign-in')} button={text(page, 'signInButton')}>
        <Field
          locale={page.locale}
          name="email"
          type="email"
          label={text(page, 'email')}
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

export function RegisterPage(page: AuthPageBase & { email?: string; fullName?: string }) {
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
          autocomplete="email"
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
  kind: 'staff' | 'citizen';
  role: string | null;
}

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
        <dt>{text(page, 'kind')}</dt>
        <dd>{text(page, page.kind === 'staff' ? 'kindStaff' : 'kindCitizen')}</dd>
        {page.role ? (
          <>
            <dt>{text(page, 'role')}</dt>
            <dd>{roleName(page.locale, page.role)}</dd>
          </>
        ) : null}
      </dl>
      <Form action={authHref(page, '/sign-out')} button={text(page, 'signOutButton')} />
    </Frame>
  );
}
