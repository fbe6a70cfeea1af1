/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// One input per field type of the procedure's form, each with its label, hint and error message
// tied to it by aria-describedby. Names are the field ids the answers are stored under; ids are
// prefixed so that an author's field called `main` cannot clash with the page's own ids.
import { described, ErrorMessage } from '../../shared/forms.tsx';
import type { Locale } from '../../shared/i18n.ts';
import { DocumentBlock } from './documents.tsx';
import { portalFormText } from './strings.ts';
import type {
  AddressPart,
  ChoiceView,
  DocumentView,
  FieldErrorView,
  FieldView,
  TextLikeKind,
} from './types.ts';

export const inputId = (fieldId: string) => `f-${fieldId}`;
export const fileInputId = (documentId: string) => `doc-${documentId}-file`;

/** Where the error summary's link for a problem goes: the input the person must change. */
export function anchorOf(error: FieldErrorView, fields: FieldView[]): string | undefined {
  if (error.documentId) return fileInputId(error.documentId);
  if (!error.fieldId) return undefined;
  const field = fields.find((f) => f.id === error.fieldId);
  if (field?.kind === 'file') return fileInputId(field.document.id);
  if (field?.kind === 'radio') return `${inputId(field.id)}-0`;
  if (field?.kind === 'address') return `${inputId(field.id)}-${error.part ?? 'province'}`;
  return inputId(error.fieldId);
}

interface FieldProps<K extends FieldView['kind']> {
  locale: Locale;
  field: Extract<FieldView, { kind: K }>;
  error: FieldErrorView | undefined;
  uploadAction: string;
}

function Label(props: { locale: Locale; field: FieldView; for?: string; legend?: boolean }) {
  const optional = props.field.required ? null : (
    <span class="pf-optional"> {portalFormText(props.locale, 'optional')}</span>
  );
  if (props.legend) {
    return (
      <legend>
        {props.field.label}
        {optional}
      </legend>
    );
  }
  return (
    <label for={props.for}>
      {props.field.label}
      {optional}
    </label>
  );
}

function Hint(props: { id: string; text: string | undefined }) {
  return props.text ? (
    <p id={props.id} class="hint">
      {props.text}
    </p>
  ) : null;
}

const toFormError = (error: FieldErrorView | undefined) => (error ? { message: error.message } : undefined);

/** The hint the field shows: the author's help, else a format reminder for types that need one. */
function hintOf(locale: Locale, field: FieldView): string | undefined {
  if (field.hint) return field.hint;
  if (field.kind === 'date') return portalFormText(locale, 'dateHint');
  if (field.kind === 'citizen_id') return portalFormText(locale, 'citizenIdHint');
  return undefined;
}

// Numbers take a plain text box with a numeric keyboard: type="number" silently drops what it cannot parse.
const inputTypes: Record<Exclude<TextLikeKind, 'long_text'>, string> = {
  text: 'text',
  number: 'text',
  date: 'date',
  email: 'email',
  phone: 'tel',
  citizen_id: 'text',
};
const autocompletes: Partial<Record<FieldView['kind'], string>> = { email: 'email', phone: 'tel' };

function TextLikeField({ locale, field, error }: FieldProps<TextLikeKind>) {
  const id = inputId(field.id);
  const hint = hintOf(locale, field);
  const describedBy = described(hint && `${id}-hint`, error && `${id}-error`);
  const invalid = error ? 'true' : undefined;
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <Label locale={locale} field={field} for={id} />
      <Hint id={`${id}-hint`} text={hint} />
      <ErrorMessage locale={locale} id={`${id}-error`} error={toFormError(error)} />
      {field.kind === 'long_text' ? (
        <textarea id={id} name={field.id} rows={5} aria-describedby={describedBy} aria-invalid={invalid}>
          {field.value}
        </textarea>
      ) : (
        <input
          id={id}
          name={field.id}
          type={inputTypes[field.kind]}
          value={field.value}
          class={field.kind === 'citizen_id' || field.kind === 'number' ? 'pf-short' : undefined}
          inputmode={
            field.kind === 'citizen_id' || (field.kind === 'number' && field.integer)
              ? 'numeric'
              : field.kind === 'number'
                ? 'decimal'
                : undefined
          }
          autocomplete={autocompletes[field.kind] ?? (field.kind === 'citizen_id' ? 'off' : undefined)}
          spellcheck={field.kind === 'citizen_id' ? false : undefined}
          aria-describedby={describedBy}
          aria-invalid={invalid}
        />
      )}
    </div>
  );
}

function SelectInput(props: {
  id: string;
  name: string;
  locale: Locale;
  options: ChoiceView[];
  value: string;
  describedBy: string | undefined;
  invalid: boolean;
}) {
  return (
    <select
      id={props.id}
      name={props.name}
      aria-describedby={props.describedBy}
      aria-invalid={props.invalid ? 'true' : undefined}
    >
      <option value="">{portalFormText(props.locale, 'chooseOne')}</option>
      {props.options.map((option) => (
        <option value={option.value} selected={option.value === props.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}

function SelectField({ locale, field, error }: FieldProps<'select'>) {
  const id = inputId(field.id);
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <Label locale={locale} field={field} for={id} />
      <Hint id={`${id}-hint`} text={field.hint} />
      <ErrorMessage locale={locale} id={`${id}-error`} error={toFormError(error)} />
      <SelectInput
        id={id}
        name={field.id}
        locale={locale}
        options={field.options}
        value={field.value}
        describedBy={described(field.hint && `${id}-hint`, error && `${id}-error`)}
        invalid={Boolean(error)}
      />
    </div>
  );
}

function RadioField({ locale, field, error }: FieldProps<'radio'>) {
  const id = inputId(field.id);
  return (
    <fieldset
      class={error ? 'field field-error' : 'field'}
      aria-describedby={described(field.hint && `${id}-hint`, error && `${id}-error`)}
    >
      <Label locale={locale} field={field} legend />
      <Hint id={`${id}-hint`} text={field.hint} />
      <ErrorMessage locale={locale} id={`${id}-error`} error={toFormError(error)} />
      {field.options.map((option, index) => (
        <div class="pf-choice">
          <input
            id={`${id}-${index}`}
            name={field.id}
            type="radio"
            value={option.value}
            checked={option.value === field.value}
          />
          <label for={`${id}-${index}`}>{option.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

function CheckboxField({ locale, field, error }: FieldProps<'checkbox'>) {
  const id = inputId(field.id);
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <Hint id={`${id}-hint`} text={field.hint} />
      <ErrorMessage locale={locale} id={`${id}-error`} error={toFormError(error)} />
      <div class="checkbox">
        <input
          id={id}
          name={field.id}
          type="checkbox"
          value="true"
          checked={field.checked}
          aria-describedby={described(field.hint && `${id}-hint`, error && `${id}-error`)}
          aria-invalid={error ? 'true' : undefined}
        />
        <Label locale={locale} field={field} for={id} />
      </div>
    </div>
  );
}

function AddressField({ locale, field, error }: FieldProps<'address'>) {
  const id = inputId(field.id);
  const describedFor = (part: AddressPart) =>
    described(field.hint && `${id}-hint`, error && (error.part ?? 'province') === part && `${id}-error`);
  const invalid = (part: AddressPart) => Boolean(error && (error.part ?? 'province') === part);
  const text = (part: 'commune' | 'street', label: 'addressCommune' | 'addressStreet') => (
    <div class="pf-part">
      <label for={`${id}-${part}`}>{portalFormText(locale, label)}</label>
      <input
        id={`${id}-${part}`}
        name={`${field.id}.${part}`}
        type="text"
        value={field.value[part]}
        aria-describedby={describedFor(part)}
        aria-invalid={invalid(part) ? 'true' : undefined}
      />
    </div>
  );
  return (
    <fieldset class={error ? 'field field-error pf-address' : 'field pf-address'}>
      <Label locale={locale} field={field} legend />
      <Hint id={`${id}-hint`} text={field.hint} />
      <ErrorMessage locale={locale} id={`${id}-error`} error={toFormError(error)} />
      <div class="pf-part">
        <label for={`${id}-province`}>{portalFormText(locale, 'addressProvince')}</label>
        <SelectInput
          id={`${id}-province`}
          name={`${field.id}.province`}
          locale={locale}
          options={field.provinces}
          value={field.value.province}
          describedBy={describedFor('province')}
          invalid={invalid('province')}
        />
      </div>
      {text('commune', 'addressCommune')}
      {text('street', 'addressStreet')}
    </fieldset>
  );
}

function FileField({ locale, field, error, uploadAction }: FieldProps<'file'>) {
  const document: DocumentView = { ...field.document, name: field.label, required: field.required };
  return (
    <DocumentBlock
      locale={locale}
      document={document}
      hint={field.hint}
      error={error}
      uploadAction={uploadAction}
    />
  );
}

export function DossierField(props: {
  locale: Locale;
  field: FieldView;
  errors: FieldErrorView[];
  uploadAction: string;
}) {
  const { field } = props;
  const error = props.errors.find(
    (e) => e.fieldId === field.id || (field.kind === 'file' && e.documentId === field.document.id),
  );
  const common = { locale: props.locale, error, uploadAction: props.uploadAction };
  switch (field.kind) {
    case 'select':
      return <SelectField {...common} field={field} />;
    case 'radio':
      return <RadioField {...common} field={field} />;
    case 'checkbox':
      return <CheckboxField {...common} field={field} />;
    case 'address':
      return <AddressField {...common} field={field} />;
    case 'file':
      return <FileField {...common} field={field} />;
    default:
      return <TextLikeField {...common} field={field} />;
  }
}
