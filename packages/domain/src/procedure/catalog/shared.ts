// Building blocks the starter procedures share, so that the same question reads the same way in
// every procedure a citizen meets.
import type { FormField } from '../form-field.ts';
import type { RequiredDocument } from '../procedure-version.ts';

type Field<T extends FormField['type']> = Extract<FormField, { type: T }>;

/** Scans of papers: PDF or a phone photo, 10 MiB each. */
export const scan = { acceptedTypes: ['pdf', 'jpeg', 'png'], maxSizeBytes: 10 * 1024 * 1024 } satisfies Pick<
  RequiredDocument,
  'acceptedTypes' | 'maxSizeBytes'
>;

/** Drawings and other multi-page documents, which only make sense as PDF. */
export const pdfOnly = { acceptedTypes: ['pdf'], maxSizeBytes: 20 * 1024 * 1024 } satisfies Pick<
  RequiredDocument,
  'acceptedTypes' | 'maxSizeBytes'
>;

export const oneOriginal = { originals: 1, copies: 0 };
export const oneCopy = { originals: 0, copies: 1 };

export function personName(id: string, vi: string, en: string, required = true): Field<'text'> {
  return {
    id,
    type: 'text',
    label: { vi, en },
    required,
    maxLength: 100,
    // Letters (with Vietnamese diacritics), spaces and the apostrophe of some ethnic-minority names.
    pattern: {
      regex: "\\p{L}[\\p{L}\\p{M} ']*",
      message: {
        vi: 'Họ và tên chỉ gồm chữ cái và dấu cách, viết đủ dấu tiếng Việt',
        en: 'Use letters and spaces only, with Vietnamese accents',
      },
    },
  };
}

export function citizenId(id: string, vi: string, en: string): Field<'citizen_id'> {
  return {
    id,
    type: 'citizen_id',
    label: { vi, en },
    help: {
      vi: 'Số định danh cá nhân gồm 12 chữ số, in trên thẻ căn cước',
      en: 'The 12-digit personal identification number printed on the identity card',
    },
    required: true,
  };
}

export function mobilePhone(id: string): Field<'phone'> {
  return {
    id,
    type: 'phone',
    label: { vi: 'Số điện thoại di động', en: 'Mobile phone number' },
    help: {
      vi: 'Để cơ quan báo khi hồ sơ cần bổ sung hoặc có kết quả',
      en: 'So the agency can tell you when something is missing or the result is ready',
    },
    required: true,
  };
}

/**
 * The applicant's sworn statement that the declaration is true, which every declaration form
 * ends with. Required and never pre-ticked: Law 91/2025/QH15 asks for an explicit act.
 */
export const declaration: Field<'checkbox'> = {
  id: 'declaration_confirmed',
  type: 'checkbox',
  label: {
    vi: 'Tôi cam đoan những nội dung khai trên là đúng sự thật và chịu trách nhiệm trước pháp luật',
    en: 'I declare that the information above is true and I am responsible for it before the law',
  },
  required: true,
};

/** Who files: the applicant or someone they authorised (Civil Code 2015 arts. 138–143). */
export const filedBy: Field<'radio'> = {
  id: 'filed_by',
  type: 'radio',
  label: { vi: 'Người nộp hồ sơ', en: 'Who is filing' },
  required: true,
  options: [
    { value: 'self', label: { vi: 'Tự nộp', en: 'The applicant' } },
    { value: 'representative', label: { vi: 'Người được ủy quyền', en: 'An authorised representative' } },
  ],
};

export const authorisationDocument: RequiredDocument = {
  id: 'authorisation',
  name: { vi: 'Văn bản ủy quyền (được chứng thực)', en: 'Certified power of attorney' },
  required: true,
  copies: oneOriginal,
  templateFile: 'mau-van-ban-uy-quyen.docx',
  ...scan,
  showWhen: { field: 'filed_by', equals: 'representative' },
};

export const authorisationFile: Field<'file'> = {
  id: 'authorisation_file',
  type: 'file',
  label: { vi: 'Văn bản ủy quyền', en: 'Power of attorney' },
  required: true,
  document: 'authorisation',
  showWhen: { field: 'filed_by', equals: 'representative' },
};
