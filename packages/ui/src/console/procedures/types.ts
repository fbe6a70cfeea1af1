// What the procedure editor's pages show. The API maps the stored draft onto these shapes in the
// page's language, so this package needs no domain types.
import type { AuthPageBase } from '../../shared/page-base.ts';

export type ProcedurePageBase = AuthPageBase;
export type ProcedureStatus = 'draft' | 'published' | 'withdrawn';

/** Banners after a redirect (`?done=`). */
export const procedureNotices = ['created', 'saved', 'removed', 'moved', 'withdrawn'] as const;
export type ProcedureNotice = (typeof procedureNotices)[number];

export interface ProcedureListRow {
  code: string;
  name: string;
  status: ProcedureStatus;
  currentVersion: number | null;
  unpublishedChanges: boolean;
  problemCount: number;
}

/** A problem of the draft as the stored document states it: its path, kind and the rule's words. */
export interface DraftProblemView {
  path: string;
  code: string;
}

export interface ProcedureFieldRow {
  key: string;
  type: string;
  label: string;
  required: boolean;
  /** The field's show-when condition in words; undefined when it is always shown. */
  shownWhen?: string | undefined;
}

export interface ProcedureDocumentRow {
  id: string;
  name: string;
  required: boolean;
  originals: number;
  copies: number;
}

export interface ProcedureFeeRow {
  name: string;
  amount: number;
  conditional: boolean;
}

export interface ProcedureStepRow {
  name: string;
  role: string;
  hours: number;
}

export interface ProcedureOverview {
  code: string;
  name: string;
  status: ProcedureStatus;
  currentVersion: number | null;
  unpublishedChanges: boolean;
  general: {
    nameVi: string;
    nameEn: string;
    description: string;
    sector: string;
    competentUnit: string;
    audience: string;
    onlineLevel: string;
    legalBasis: { document: string; title: string }[];
  };
  fields: ProcedureFieldRow[];
  documents: ProcedureDocumentRow[];
  fees: ProcedureFeeRow[];
  processingTime?: { value: number; unit: string } | undefined;
  steps: ProcedureStepRow[];
  problems: DraftProblemView[];
  /** Field keys and paper ids by position, so that a problem links to the item to fix. */
  fieldKeys: string[];
  documentIds: string[];
}

/** An edit page's form: the values to show (the draft's, or what was posted) and its problems. */
export interface EditFormValues {
  code: string;
  name: string;
  values: Record<string, string>;
}

/** What the general, processing-time, fee and step pages are given. */
export type ProcedureEditPageProps = ProcedurePageBase & EditFormValues;

/** A refused edit's problem, tied to the form input at fault. */
export interface EditProblemView {
  input: string;
  code: string;
}
