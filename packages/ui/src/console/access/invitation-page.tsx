/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// Where an invited member of staff, following the emailed link, chooses a password and so joins
// the agency's console. Outside /console: they have no session yet.
import { authText } from '../../shared/auth-strings.ts';
import { Field, Form } from '../../shared/forms.tsx';
import { authHref } from '../../shared/page-base.ts';
import { ConsoleFrame, type ConsolePageBase, say } from '../parts.tsx';

export function AcceptInvitationPage(page: ConsolePageBase & { token: string; done?: boolean }) {
  if (page.done) {
    return (
      <ConsoleFrame {...page} title={say(page, 'acceptDoneTitle')} path="/accept-invitation">
        <p role="status">{say(page, 'acceptDoneBody')}</p>
        <p>
          <a href={authHref(page, '/sign-in')}>{say(page, 'signIn')}</a>
        </p>
      </ConsoleFrame>
    );
  }
  return (
    <ConsoleFrame {...page} title={say(page, 'acceptTitle')} path="/accept-invitation">
      <p>{say(page, 'acceptIntro')}</p>
      <Form action={authHref(page, '/accept-invitation')} button={say(page, 'acceptButton')}>
        <input type="hidden" name="token" value={page.token} />
        <Field
          locale={page.locale}
          name="password"
          type="password"
          label={authText(page.locale, 'newPassword')}
          hint={authText(page.locale, 'passwordHint')}
          autocomplete="new-password"
          errors={page.errors}
        />
      </Form>
    </ConsoleFrame>
  );
}
