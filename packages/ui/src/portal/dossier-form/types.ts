// What the dossier form pages show, already in the page's language. The API maps the procedure
// version and the dossier onto these shapes, so this package needs no domain types.
import type { AuthPageBase } from '../../shared/page-base.ts';

export type PortalFormBase = Omit<AuthPageBase, 'errors'>;

export interface ChoiceView {
  value: string;
  label: string;
}

/** A file of the dossier as the page lists it; `rejected` files were removed from storage. */
export interface UploadedFileView {
  id: string;
  fileName: string;
  sizeBytes: number;
  status: 'pending' | 'verified' | 'rejected';
}

/** A paper the procedure asks for, with the files uploaded for it so far. */
export interface DocumentView {
  id: string;
  name: string;
  required: boolean;
  /** Upper-case names of the accepted types, e.g. ['PDF', 'JPG']. */
  acceptedTypes: string[];
  maxSizeBytes: number;
  /** Where the blank template can be downloaded, when the procedure offers one. */
  templateHref?: string | undefined;
  files: UploadedFileView[];
}

interface FieldBase {
  id: string;
  label: string;
  hint?: string | undefined;
  required: boolean;
}

export type TextLikeKind = 'text' | 'long_text' | 'number' | 'date' | 'email' | 'phone' | 'citizen_id';

export type FieldView =
  | (FieldBase & { kind: TextLikeKind; value: string; integer?: boolean })
  | (FieldBase & { kind: 'select'; value: string; options: ChoiceView[] })
  | (FieldBase & { kind: 'radio'; value: string; options: ChoiceView[] })
  | (FieldBase & { kind: 'checkbox'; checked: boolean })
  | (FieldBase & {
      kind: 'address';
      value: { province: string; commune: string; street: string };
      provinces: ChoiceView[];
    })
  | (FieldBase & { kind: 'file'; document: DocumentView });

export type AddressPart = 'province' | 'commune' | 'street';

/** A problem with one answer (`part` for an address), one document's files, or the whole form. */
export interface FieldErrorView {
  fieldId?: string;
  part?: AddressPart;
  documentId?: string;
  message: string;
}
