/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// Where an agency admin without an authenticator yet enrols one during sign-in: the secret to
// add to the app, and the first code to confirm it.
import { authText } from '../../shared/auth-strings.ts';
import { groupSecret } from '../../shared/format.ts';
import { Field, Form } from '../../shared/forms.tsx';
import { authHref } from '../../shared/page-base.ts';
import { ConsoleFrame, type ConsolePageBase, say } from '../parts.tsx';

export function TotpEnrolPage(page: ConsolePageBase & { uri: string; secret: string }) {
  return (
    <ConsoleFrame {...page} title={say(page, 'enrolTitle')} path="/sign-in/totp/enrol">
      <p>{say(page, 'enrolIntro')}</p>
      <dl class="summary">
        <dt>{say(page, 'enrolUri')}</dt>
        <dd>
          <code class="secret">{page.uri}</code>
        </dd>
        <dt>{say(page, 'enrolSecret')}</dt>
        <dd>
          <code class="secret">{groupSecret(page.secret)}</code>
        </dd>
      </dl>
      <h2>{say(page, 'enrolConfirmTitle')}</h2>
      <Form action={authHref(page, '/sign-in/totp/enrol')} button={say(page, 'enrolButton')}>
        <input type="hidden" name="secret" value={page.secret} />
        <Field
          locale={page.locale}
          name="code"
          label={authText(page.locale, 'totpLabel')}
          hint={authText(page.locale, 'totpHint')}
          autocomplete="one-time-code"
          inputmode="numeric"
          errors={page.errors}
        />
      </Form>
    </ConsoleFrame>
  );
}
