/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// What the citizen sees once the dossier is submitted: its code and tracking key (all that public
// tracking needs), its status by the national portal's name, the due date once the desk has
// received it, and the printed receipt (Circular 03/2025/TT-VPCP form 01) when there is one.

import { Frame } from '../../shared/forms.tsx';
import { NationalStatusTag } from '../../shared/national-status.tsx';
import { authHref } from '../../shared/page-base.ts';
import { formatDateTime, formatMoney } from './format.ts';
import { type PortalFormStringKey, portalFormText } from './strings.ts';
import type { PortalFormBase } from './types.ts';

export interface DossierReceiptPageProps extends PortalFormBase {
  dossierId: string;
  procedureName: string;
  code: string;
  /** Null when this page cannot know it (it is printed on the receipt PDF). */
  trackingKey: string | null;
  nationalStatus: number | null;
  submittedAt: string | null;
  /** Set once the desk received the dossier: the resolution clock starts then, not at submission. */
  dueAt: string | null;
  feeTotal: number;
  /** A QR code of the tracking link as an SVG document (no inline style: it passes the CSP). */
  qrSvg?: string | undefined;
}

export function DossierReceiptPage(page: DossierReceiptPageProps) {
  const { locale } = page;
  const say = (key: PortalFormStringKey) => portalFormText(locale, key);
  const path = `/dossiers/${page.dossierId}`;
  const received = page.dueAt !== null;
  const track = new URLSearchParams({
    code: page.code,
    ...(page.trackingKey ? { key: page.trackingKey } : {}),
  });
  return (
    <Frame {...page} title={say('receiptTitle')} path={`${path}/receipt`}>
      <div class="pf-panel" role="status">
        <p class="pf-panel-label">{say('codeLabel')}</p>
        <p class="pf-code" id="dossier-code">
          {page.code}
        </p>
        {page.trackingKey ? (
          <>
            <p class="pf-panel-label">{say('keyLabel')}</p>
            <p class="pf-code" id="tracking-key">
              {page.trackingKey}
            </p>
          </>
        ) : null}
      </div>
      <p>{page.trackingKey ? say('keyHint') : say('keyOnReceipt')}</p>
      <dl class="summary">
        <dt>{say('procedureLabel')}</dt>
        <dd>{page.procedureName}</dd>
        {page.submittedAt ? (
          <>
            <dt>{say('submittedAtLabel')}</dt>
            <dd>{formatDateTime(locale, page.submittedAt)}</dd>
          </>
        ) : null}
        <dt>{say('statusLabel')}</dt>
        <dd>
          <NationalStatusTag locale={locale} nationalStatus={page.nationalStatus} />
        </dd>
        {page.dueAt ? (
          <>
            <dt>{say('dueLabel')}</dt>
            <dd id="due-at">{formatDateTime(locale, page.dueAt)}</dd>
          </>
        ) : null}
        <dt>{say('feeDueLabel')}</dt>
        <dd>{formatMoney(locale, page.feeTotal)}</dd>
      </dl>
      {page.qrSvg ? (
        // Raw markup on purpose: the SVG is generated on the server from the tracking link, never from input.
        <figure class="pf-qr" aria-label={say('qrLabel')} dangerouslySetInnerHTML={{ __html: page.qrSvg }} />
      ) : null}
      <ul class="links">
        {received ? (
          <li>
            <a id="receipt-pdf" href={authHref(page, `/api${path}/forms/receipt`)}>
              {say('receiptPdf')}
            </a>
          </li>
        ) : null}
        <li>
          <a href={authHref(page, `/track?${track.toString()}`)}>{say('trackLink')}</a>
        </li>
      </ul>
      {received ? null : (
        <>
          <h2>{say('nextHeading')}</h2>
          <p>{say('nextBeforeReceipt')}</p>
        </>
      )}
    </Frame>
  );
}
