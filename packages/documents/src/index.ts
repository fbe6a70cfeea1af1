// Printable documents (PDF) and QR codes for the one-stop shop (Circular 03/2025/TT-VPCP, appendix I).
export { type ApologyData, renderApologyPdf } from './apology-pdf.ts';
export {
  type ControlSlipData,
  type HandOff,
  renderControlSlipPdf,
  type Timeliness,
} from './control-slip-pdf.ts';
export { formatDate, formatDateLine, formatDateTime } from './format-date.ts';
export { qrPng, qrSvg } from './qr.ts';
export { type ReceiptData, type ReceivedDocument, renderReceiptPdf } from './receipt-pdf.ts';
export { type RefusalData, renderRefusalPdf } from './refusal-pdf.ts';
export { renderStopNoticePdf, type StopNoticeData } from './stop-notice-pdf.ts';
export {
  type MissingItem,
  renderSupplementRequestPdf,
  type SupplementRequestData,
} from './supplement-request-pdf.ts';
export type { AgencyInfo, DossierInfo, FormBase, Locale, RenderOptions } from './types.ts';
