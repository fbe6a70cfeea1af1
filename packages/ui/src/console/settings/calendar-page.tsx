/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The agency's own days off and working days over the national calendar.
import { authHref } from '../../shared/page-base.ts';
import { Control, errorOf, InlineError, SettingsFrame, type SettingsPageBase } from './parts.tsx';
import { type SettingsStringKey, settingsShownDate, settingsText, weekdayOf } from './strings.ts';

export interface SettingsCalendarRow {
  /** yyyy-mm-dd */
  date: string;
  kind: 'off' | 'working';
  name: string;
}

export interface SettingsCalendarPageProps extends SettingsPageBase {
  overrides: SettingsCalendarRow[];
  /** After a change: what was done and to which date. */
  notice?: { action: 'added' | 'removed'; date: string } | undefined;
  values?: { date?: string; kind?: string; name?: string };
}

const kindKey = { off: 'kindOff', working: 'kindWorking' } as const;

export function SettingsCalendarPage(page: SettingsCalendarPageProps) {
  const say = (key: SettingsStringKey) => settingsText(page.locale, key);
  const notice = page.notice
    ? `${say(page.notice.action === 'added' ? 'calendarAdded' : 'calendarRemoved')} ${settingsShownDate(page.notice.date)}.`
    : undefined;
  const kindError = errorOf(page.errors, 'kind');
  const chosenKind = page.values?.kind ?? 'off';
  return (
    <SettingsFrame
      {...page}
      title={say('calendarTitle')}
      path="/console/calendar"
      notice={notice}
      anchors={{ kind: 'kind-off' }}
    >
      <p>{say('calendarIntro')}</p>
      {page.overrides.length ? (
        <div class="table-wrap">
          <table class="console-table" id="calendar-table">
            <caption class="visually-hidden">{say('calendarTable')}</caption>
            <thead>
              <tr>
                <th scope="col">{say('colDate')}</th>
                <th scope="col">{say('colKind')}</th>
                <th scope="col">{say('colName')}</th>
                <th scope="col">{say('colAction')}</th>
              </tr>
            </thead>
            <tbody>
              {page.overrides.map((o) => (
                <tr id={`day-${o.date}`}>
                  <th scope="row">
                    <time datetime={o.date}>{settingsShownDate(o.date)}</time>
                    <span class="muted"> {weekdayOf(page.locale, o.date)}</span>
                  </th>
                  <td>
                    <span class={`day-kind day-${o.kind}`}>{say(kindKey[o.kind])}</span>
                  </td>
                  <td>{o.name}</td>
                  <td>
                    <form
                      method="post"
                      action={authHref(page, `/console/calendar/${o.date}/remove`)}
                      id={`remove-form-${o.date}`}
                    >
                      <button type="submit" class="button secondary" id={`remove-${o.date}`}>
                        {say('remove')}
                        <span class="visually-hidden"> {settingsShownDate(o.date)}</span>
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p id="calendar-empty">{say('calendarEmpty')}</p>
      )}
      <h2 id="add-day-title">{say('addDayTitle')}</h2>
      <form method="post" action={authHref(page, '/console/calendar')} id="calendar-add" novalidate>
        <Control page={page} id="date" label={say('dateLabel')} hint={say('dateHint')}>
          {(describedBy, invalid) => (
            <input
              id="date"
              name="date"
              type="date"
              value={page.values?.date ?? ''}
              aria-describedby={describedBy}
              aria-invalid={invalid ? 'true' : undefined}
            />
          )}
        </Control>
        <fieldset
          class={kindError ? 'field field-error' : 'field'}
          aria-describedby={kindError ? 'kind-error' : undefined}
        >
          <legend>{say('kindLegend')}</legend>
          <InlineError page={page} id="kind-error" error={kindError} />
          {(['off', 'working'] as const).map((kind) => (
            <div class="radio">
              <input
                id={`kind-${kind}`}
                name="kind"
                type="radio"
                value={kind}
                checked={chosenKind === kind}
              />
              <label for={`kind-${kind}`}>{say(kindKey[kind])}</label>
            </div>
          ))}
        </fieldset>
        <Control page={page} id="name" label={say('dayNameLabel')} hint={say('dayNameHint')}>
          {(describedBy, invalid) => (
            <input
              id="name"
              name="name"
              type="text"
              value={page.values?.name ?? ''}
              maxlength={200}
              autocomplete="off"
              aria-describedby={describedBy}
              aria-invalid={invalid ? 'true' : undefined}
            />
          )}
        </Control>
        <button type="submit" class="button" id="calendar-add-button">
          {say('addDayButton')}
        </button>
      </form>
    </SettingsFrame>
  );
}
