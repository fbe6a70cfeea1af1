/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The general part (names, description, who it is for, legal basis, online level, competent
// unit) and the processing time, each on its own page.
import type { Locale } from '../../shared/i18n.ts';
import {
  EditForm,
  EditorFrame,
  hintFor,
  procedureHref,
  SelectInput,
  say,
  TextArea,
  TextInput,
} from './components.tsx';
import { procedureText } from './strings.ts';
import type { ProcedureEditPageProps } from './types.ts';

const choose = (locale: Locale): [string, string] => ['', procedureText(locale, 'chooseOne')];
const audiences = ['citizen', 'business', 'both'] as const;
const levels = ['full', 'partial'] as const;
const units = ['working_days', 'calendar_days', 'working_hours', 'months'] as const;

/** How many legal-basis rows the page shows: every filled one and two empty ones, at least three. */
export function legalBasisRows(values: Record<string, string>): number {
  const filled = Object.keys(values)
    .map((key) => /^legal-(?:document|title)-(\d+)$/.exec(key)?.[1])
    .filter(
      (n): n is string =>
        n !== undefined && Boolean(values[`legal-document-${n}`] || values[`legal-title-${n}`]),
    )
    .map(Number);
  return Math.min(20, Math.max(3, ...filled.map((n) => n + 3)));
}

export function ProcedureGeneralPage(page: ProcedureEditPageProps) {
  const common = { locale: page.locale, values: page.values, errors: page.errors };
  const s = (key: Parameters<typeof say>[1]) => say(page, key);
  const rows = legalBasisRows(page.values);
  return (
    <EditorFrame
      {...page}
      title={s('partGeneral')}
      caption={`${page.code} — ${page.name}`}
      path={`/console/procedures/${page.code}/general`}
      back={[procedureHref(page, page.code), 'backToOverview']}
    >
      <EditForm action={procedureHref(page, page.code, '/general')} id="general-form" button={s('save')}>
        <TextInput {...common} name="name-vi" label={s('nameVi')} hint={s('nameViHint')} />
        <TextInput {...common} name="name-en" label={s('nameEn')} hint={s('nameEnHint')} />
        <TextArea {...common} name="description-vi" label={s('descriptionVi')} hint={s('descriptionHint')} />
        <TextArea {...common} name="description-en" label={s('descriptionEn')} hint={s('descriptionHint')} />
        <TextInput {...common} name="sector" label={s('sector')} hint={s('sectorHint')} />
        <TextInput
          {...common}
          name="competent-unit"
          label={s('competentUnit')}
          hint={s('competentUnitHint')}
        />
        <SelectInput
          {...common}
          name="audience"
          label={s('audience')}
          hint={s('audienceHint')}
          options={[choose(page.locale), ...audiences.map((a): [string, string] => [a, s(`audience_${a}`)])]}
        />
        <SelectInput
          {...common}
          name="online-level"
          label={s('onlineLevel')}
          hint={s('onlineLevelHint')}
          options={[choose(page.locale), ...levels.map((l): [string, string] => [l, s(`level_${l}`)])]}
        />
        <fieldset class="pe-rows" aria-describedby="legal-basis-hint">
          <legend>{s('legalBasis')}</legend>
          <p id="legal-basis-hint" class="hint">
            {s('legalBasisHint')}
          </p>
          {Array.from({ length: rows }, (_, row) => (
            <fieldset class="pe-row">
              <legend>
                {s('row')} {row + 1}
              </legend>
              <TextInput
                {...common}
                name={`legal-document-${row}`}
                label={s('legalDocument')}
                {...hintFor(row, 'legal-document', s('legalDocumentHint'))}
              />
              <TextInput
                {...common}
                name={`legal-title-${row}`}
                label={s('legalTitle')}
                {...hintFor(row, 'legal-title', s('legalTitleHint'))}
              />
            </fieldset>
          ))}
        </fieldset>
      </EditForm>
    </EditorFrame>
  );
}

export function ProcedureTimePage(page: ProcedureEditPageProps) {
  const common = { locale: page.locale, values: page.values, errors: page.errors };
  const s = (key: Parameters<typeof say>[1]) => say(page, key);
  return (
    <EditorFrame
      {...page}
      title={s('partTime')}
      caption={`${page.code} — ${page.name}`}
      path={`/console/procedures/${page.code}/time`}
      back={[procedureHref(page, page.code), 'backToOverview']}
    >
      <EditForm action={procedureHref(page, page.code, '/time')} id="time-form" button={s('save')}>
        <TextInput
          {...common}
          name="time-value"
          label={s('timeValue')}
          hint={s('timeValueHint')}
          inputmode="numeric"
          class="pe-short"
        />
        <SelectInput
          {...common}
          name="time-unit"
          label={s('timeUnit')}
          hint={s('timeUnitHint')}
          options={[choose(page.locale), ...units.map((u): [string, string] => [u, s(`unit_${u}`)])]}
        />
      </EditForm>
    </EditorFrame>
  );
}
