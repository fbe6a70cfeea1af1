// Test support for the dossier form pages (imported from tests only): a procedure with every
// field type of the form evaluator, a condition on a field, a paper and a fee, and the checks
// every page gets.
import { expect } from 'vitest';
import type { TestApp } from '../../testing.ts';

const pdfOnly = { acceptedTypes: ['pdf'], maxSizeBytes: 1_000_000 } as const;

export const everyFieldProcedure = {
  code: '1.000003.H48',
  name: { vi: 'Thủ tục có mọi loại câu hỏi', en: 'A procedure with every kind of question' },
  description: { vi: 'Dùng cho kiểm thử biểu mẫu.', en: 'For the form tests.' },
  sector: 'Tư pháp',
  competentUnitCode: 'STP',
  audience: 'citizen',
  onlineLevel: 'full',
  legalBasis: [{ document: 'Luật 28/2009/QH12', title: 'Luật Lý lịch tư pháp' }],
  processingTime: { value: 3, unit: 'working_days' },
  fees: [
    { id: 'le_phi', name: { vi: 'Lệ phí', en: 'Fee' }, amount: 50_000 },
    {
      id: 'phi_uy_quyen',
      name: { vi: 'Phí ủy quyền', en: 'Representation fee' },
      amount: 20_000,
      showWhen: { field: 'filed_by', equals: 'representative' },
    },
  ],
  documents: [
    {
      id: 'id_card',
      name: { vi: 'Bản sao căn cước', en: 'Copy of the identity card' },
      required: true,
      copies: { originals: 0, copies: 1 },
      ...pdfOnly,
    },
    {
      id: 'authorisation',
      name: { vi: 'Văn bản ủy quyền', en: 'Power of attorney' },
      required: true,
      copies: { originals: 1, copies: 0 },
      ...pdfOnly,
      showWhen: { field: 'filed_by', equals: 'representative' },
    },
    {
      id: 'photo',
      name: { vi: 'Ảnh chân dung', en: 'Portrait photo' },
      required: false,
      copies: { originals: 1, copies: 0 },
      acceptedTypes: ['jpeg', 'png'],
      maxSizeBytes: 500_000,
    },
  ],
  form: {
    fields: [
      {
        id: 'full_name',
        type: 'text',
        label: { vi: 'Họ và tên', en: 'Full name' },
        required: true,
        maxLength: 100,
      },
      { id: 'note', type: 'long_text', label: { vi: 'Ghi chú', en: 'Notes' }, required: false },
      {
        id: 'copies',
        type: 'number',
        label: { vi: 'Số bản', en: 'Number of copies' },
        required: true,
        integer: true,
        min: 1,
        max: 5,
      },
      {
        id: 'birth_date',
        type: 'date',
        label: { vi: 'Ngày sinh', en: 'Date of birth' },
        required: true,
        max: 'today',
      },
      {
        id: 'purpose',
        type: 'select',
        label: { vi: 'Mục đích', en: 'Purpose' },
        required: true,
        options: [
          { value: 'xin_viec', label: { vi: 'Xin việc', en: 'Employment' } },
          { value: 'khac', label: { vi: 'Khác', en: 'Other' } },
        ],
      },
      {
        id: 'filed_by',
        type: 'radio',
        label: { vi: 'Người nộp', en: 'Who is applying' },
        required: true,
        options: [
          { value: 'self', label: { vi: 'Tự nộp', en: 'Myself' } },
          { value: 'representative', label: { vi: 'Người đại diện', en: 'A representative' } },
        ],
      },
      {
        id: 'authorisation_file',
        type: 'file',
        label: { vi: 'Văn bản ủy quyền', en: 'Power of attorney' },
        required: true,
        document: 'authorisation',
        showWhen: { field: 'filed_by', equals: 'representative' },
      },
      { id: 'email', type: 'email', label: { vi: 'Email', en: 'Email' }, required: false },
      { id: 'phone', type: 'phone', label: { vi: 'Số điện thoại', en: 'Phone' }, required: true },
      {
        id: 'citizen_id',
        type: 'citizen_id',
        label: { vi: 'Số định danh cá nhân', en: 'Personal ID number' },
        required: true,
      },
      { id: 'address', type: 'address', label: { vi: 'Nơi cư trú', en: 'Address' }, required: true },
      {
        id: 'id_card_file',
        type: 'file',
        label: { vi: 'Bản sao căn cước', en: 'Copy of the identity card' },
        required: true,
        document: 'id_card',
      },
      {
        id: 'agree',
        type: 'checkbox',
        label: { vi: 'Tôi cam đoan thông tin là đúng', en: 'I declare the information is true' },
        required: true,
      },
    ],
  },
  workflow: {
    steps: [
      {
        id: 'tham_dinh',
        name: { vi: 'Thẩm định', en: 'Appraisal' },
        role: 'specialist',
        budgetWorkingHours: 16,
      },
    ],
  },
};

/** Answers that pass, as the form posts them (the file comes separately). */
export const goodForm: Record<string, string> = {
  _shown:
    'full_name,note,copies,birth_date,purpose,filed_by,email,phone,citizen_id,address,id_card_file,agree',
  full_name: 'Nguyễn Thị Hường',
  note: 'Dòng một\r\nDòng hai',
  copies: '2',
  birth_date: '1990-05-17',
  purpose: 'xin_viec',
  filed_by: 'self',
  email: 'huong@example.vn',
  phone: '0912 345 678',
  citizen_id: '048190001234',
  'address.province': '48',
  'address.commune': 'Phường Hải Châu',
  'address.street': '12 Lê Duẩn',
  agree: 'true',
};

export const pdfBytes = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');

/** A browser without JavaScript on one tenant host: cookie, same-origin Origin, no redirects followed. */
export function citizenBrowser(t: TestApp, host: string, cookie: string | undefined) {
  const send = (path: string, init: { method?: string; body?: FormData } = {}) =>
    t.request(path, {
      host,
      method: init.method ?? 'GET',
      headers: { origin: `http://${host}`, accept: 'text/html', ...(cookie ? { cookie } : {}) },
      ...(init.body ? { body: init.body } : {}),
    });
  return {
    get: (path: string) => send(path),
    /** A multipart post, as the dossier form sends it. */
    post(path: string, fields: Record<string, string>, files: Record<string, File> = {}) {
      const body = new FormData();
      for (const [name, value] of Object.entries(fields)) body.append(name, value);
      for (const [name, file] of Object.entries(files)) body.append(name, file);
      return send(path, { method: 'POST', body });
    },
    /** A url-encoded post, as the review page's submit form sends it. */
    postForm(path: string, fields: Record<string, string>) {
      return t.request(path, {
        host,
        method: 'POST',
        headers: {
          origin: `http://${host}`,
          accept: 'text/html',
          'content-type': 'application/x-www-form-urlencoded',
          ...(cookie ? { cookie } : {}),
        },
        body: new URLSearchParams(fields).toString(),
      });
    },
  };
}

/**
 * Every visible control has a label; no inline script, style or handler; headings in order; the
 * page says its language and stays under the page budget (60 KB of HTML).
 */
export function expectAccessiblePage(html: string, lang: 'vi' | 'en') {
  expect(html).toContain(`<html lang="${lang}">`);
  // Script only from a file of this site, never inline.
  const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)];
  for (const [tag, body] of scripts) {
    expect(body, tag).toBe('');
    expect(tag).toMatch(/^<script src="(\/t\/[^/]+)?\/assets\/portal-form\/upload\.js" defer=""><\/script>$/);
  }
  expect(html.replace(/<script\b[^>]*><\/script>/g, '')).not.toMatch(/<script|\sstyle=|\son[a-z]+=/i);
  expect(new TextEncoder().encode(html).length).toBeLessThan(60_000);
  const controls = [...html.matchAll(/<(input|select|textarea)\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => !/type="hidden"/.test(tag));
  for (const control of controls) {
    const id = /\sid="([^"]+)"/.exec(control)?.[1];
    expect(id, control).toBeTruthy();
    expect(html, control).toMatch(new RegExp(`<label for="${id}"`));
  }
  const headings = [...html.matchAll(/<h([1-6])/g)].map((m) => Number(m[1]));
  expect(headings[0]).toBe(1);
  for (const [i, level] of headings.entries()) {
    if (i > 0) expect(level - (headings[i - 1] ?? 1)).toBeLessThanOrEqual(1);
  }
  // Every link of the error summary goes to an element of the page.
  const summary = /<div class="error-summary"[\s\S]*?<\/div>/.exec(html)?.[0] ?? '';
  for (const [, anchor] of summary.matchAll(/href="#([^"]+)"/g)) {
    expect(html, `summary link #${anchor}`).toContain(`id="${anchor}"`);
  }
}
