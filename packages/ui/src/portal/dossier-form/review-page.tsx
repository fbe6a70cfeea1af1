/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The check-your-answers page: every answer with a link back to change it, the files, the fees
// the answers make due, and the one button that submits.

import { Banner } from '../../shared/components.tsx';
import { Frame } from '../../shared/forms.tsx';
import { authHref } from '../../shared/page-base.ts';
import { FileList } from './documents.tsx';
import { fileInputId, inputId } from './fields.tsx';
import { formatMoney } from './format.ts';
import { type PortalFormStringKey, portalFormText } from './strings.ts';
import type { DocumentView, PortalFormBase } from './types.ts';

export interface ReviewRow {
  fieldId: string;
  label: string;
  /** One line each; empty when the optional question was left blank. */
  lines: string[];
  /** Where "Change" goes on the form; the field's own input when absent. */
  anchor?: string;
}

export interface DossierReviewPageProps extends PortalFormBase {
  dossierId: string;
  procedureName: string;
  /** The draft's revision this page shows: submitting a different one goes back here. */
  revision: number;
  answers: ReviewRow[];
  documents: DocumentView[];
  fees: { name: string; amount: number }[];
  feeTotal: number;
  /** The draft changed since the person last looked. */
  stale?: boolean;
}

export function DossierReviewPage(page: DossierReviewPageProps) {
  const { locale } = page;
  const say = (key: PortalFormStringKey) => portalFormText(locale, key);
  const path = `/dossiers/${page.dossierId}`;
  const edit = (anchor: string) => `${authHref(page, `${path}/edit`)}#${anchor}`;
  return (
    <Frame
      {...page}
      title={say('reviewTitle')}
      path={`${path}/review`}
      before={
        <p class="pf-caption">
          <a href={authHref(page, `${path}/edit`)}>{say('backToForm')}</a>
        </p>
      }
    >
      {page.stale ? <Banner kind="warning">{say('staleNotice')}</Banner> : null}
      <p class="pf-lede">{page.procedureName}</p>
      <h2>{say('answersHeading')}</h2>
      <dl class="pf-review">
        {page.answers.map((row) => (
          <div class="pf-review-row">
            <dt>{row.label}</dt>
            <dd>
              {row.lines.length ? (
                row.lines.map((line) => <span class="pf-line">{line}</span>)
              ) : (
                <span class="muted">{say('notGiven')}</span>
              )}
            </dd>
            <dd class="pf-change">
              <a href={edit(row.anchor ?? inputId(row.fieldId))}>
                {say('change')}
                <span class="visually-hidden"> “{row.label}”</span>
              </a>
            </dd>
          </div>
        ))}
      </dl>
      {page.documents.length ? (
        <>
          <h2>{say('documentsHeading')}</h2>
          <dl class="pf-review">
            {page.documents.map((document) => (
              <div class="pf-review-row">
                <dt>{document.name}</dt>
                <dd>
                  <FileList locale={locale} files={document.files} />
                </dd>
                <dd class="pf-change">
                  <a href={edit(fileInputId(document.id))}>
                    {say('change')}
                    <span class="visually-hidden"> “{document.name}”</span>
                  </a>
                </dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}
      <h2>{say('feesHeading')}</h2>
      {page.fees.length ? (
        <>
          <div class="table-wrap">
            <table class="pf-fees">
              <caption class="visually-hidden">{say('feesHeading')}</caption>
              <thead>
                <tr>
                  <th scope="col">{say('feeItem')}</th>
                  <th scope="col" class="pf-amount">
                    {say('feeAmount')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {page.fees.map((fee) => (
                  <tr>
                    <td>{fee.name}</td>
                    <td class="pf-amount">{formatMoney(locale, fee.amount)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{say('feeTotal')}</th>
                  <td class="pf-amount" id="fee-total">
                    {formatMoney(locale, page.feeTotal)}
                  </td>
                </tr>
              </tfoot>
            </table>
          </div>
          <p class="hint">{say('feeLater')}</p>
        </>
      ) : (
        <p>{say('noFee')}</p>
      )}
      <form id="submit-form" method="post" action={authHref(page, `${path}/submit`)} novalidate>
        <input type="hidden" name="revision" value={String(page.revision)} />
        <p>{say('submitIntro')}</p>
        <button type="submit" id="submit-dossier" class="button">
          {say('submitButton')}
        </button>
      </form>
    </Frame>
  );
}
