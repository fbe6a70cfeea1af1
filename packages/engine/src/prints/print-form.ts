// A dossier printed on one of the forms of Circular 03/2025/TT-VPCP (appendix I), for its
// citizen or for staff who may see it. A staff or integration print is written to the audit log
// in the same unit of work (Law 91/2025/QH15: every view and export of personal data is logged);
// the PDF is drawn inside it too, so a print that fails leaves no audit row behind.
import { recordAudit } from '@motcua/auth';
import { withTenant } from '@motcua/db';
import { dossiers } from '@motcua/db/tenant';
import {
  type Locale,
  renderApologyPdf,
  renderControlSlipPdf,
  renderReceiptPdf,
  renderRefusalPdf,
  renderStopNoticePdf,
  renderSupplementRequestPdf,
} from '@motcua/documents';
import { ForbiddenError, NotFoundError, ValidationError } from '@motcua/domain';
import { eq } from 'drizzle-orm';
import { type EngineContext, nowOf } from '../context.ts';
import { canSee } from '../dossiers/actor.ts';
import {
  buildApologyData,
  buildControlSlipData,
  buildReceiptData,
  buildRefusalData,
  buildStopNoticeData,
  buildSupplementRequestData,
} from './form-data.ts';
import { formFileName, isCitizenForm, isPrintableForm, type PrintableForm, printableForms } from './forms.ts';
import { loadPrintFacts, type PrintFacts } from './print-facts.ts';

export interface PrintOptions {
  locale: Locale;
  /** The agency's site, e.g. `https://da-nang.motcua.vn`, for the receipt's tracking link and QR code. */
  siteOrigin: string;
}

export interface PrintedForm {
  fileName: string;
  pdf: Buffer;
}

type Printer = (facts: PrintFacts, locale: Locale) => Promise<Buffer>;

const printers: Record<PrintableForm, Printer> = {
  receipt: (facts, locale) => renderReceiptPdf(buildReceiptData(facts, locale), { locale }),
  'supplement-request': (facts, locale) =>
    renderSupplementRequestPdf(buildSupplementRequestData(facts, locale), { locale }),
  refusal: (facts, locale) => renderRefusalPdf(buildRefusalData(facts, locale), { locale }),
  apology: (facts, locale) => renderApologyPdf(buildApologyData(facts, locale), { locale }),
  'stop-notice': (facts, locale) => renderStopNoticePdf(buildStopNoticeData(facts, locale), { locale }),
  'control-slip': (facts, locale) => renderControlSlipPdf(buildControlSlipData(facts, locale), { locale }),
};

export async function printDossierForm(
  ctx: EngineContext,
  dossierId: string,
  form: string,
  options: PrintOptions,
): Promise<PrintedForm> {
  if (!isPrintableForm(form)) {
    throw new ValidationError('There is no such form.', [
      { path: 'form', message: `One of: ${printableForms.join(', ')}.` },
    ]);
  }
  const now = nowOf(ctx);
  return withTenant(ctx.database, ctx.slug, async (db) => {
    const [row] = await db.select().from(dossiers).where(eq(dossiers.id, dossierId));
    if (!row || !(await canSee(db, ctx.actor, row))) throw new NotFoundError('No such dossier.');
    if (ctx.actor.kind === 'citizen' && !isCitizenForm(form)) {
      throw new ForbiddenError('This form is for the agency’s staff.');
    }
    const facts = await loadPrintFacts(db, {
      slug: ctx.slug,
      dossier: row,
      siteOrigin: options.siteOrigin,
      now,
    });
    const pdf = await printers[form](facts, options.locale);
    if (ctx.actor.kind !== 'citizen') {
      await recordAudit(db, {
        actor: ctx.actor,
        action: 'dossier.form_printed',
        subject: row.id,
        requestId: ctx.requestId ?? null,
        ip: ctx.ip ?? null,
        details: { form },
      });
    }
    return { fileName: formFileName(row.code ?? row.id, form), pdf };
  });
}
