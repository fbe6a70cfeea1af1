import { describe, expect, it } from 'vitest';
import { dossierEmailTemplates, InvalidEmailPayloadError } from './parse-payload.ts';
import { renderOutboxEmail } from './render-outbox-email.ts';

type DossierTemplate = (typeof dossierEmailTemplates)[number];

// As the engine writes it (packages/engine/src/dossiers/notifications.ts).
const base = {
  to: 'citizen@example.vn',
  dossierId: 'dos_01jx',
  code: '000.00.13.H38-250724-0042',
  procedureName: { vi: 'Đăng ký khai sinh', en: 'Birth registration' },
  dueAt: '2025-07-30T03:00:00.000Z',
};
const dataFor: Record<DossierTemplate, Record<string, unknown>> = {
  'dossier.received': {},
  'dossier.supplement_requested': {
    missing: [{ document: 'Giấy chứng sinh', reason: 'Chưa có bản chính' }],
    sequence: 1,
    countsAsLate: false,
  },
  'dossier.refused': { reason: 'Không thuộc thẩm quyền' },
  'dossier.result_ready': { resultDocuments: ['doc_1'] },
  'dossier.apology': { newDueDate: '2025-08-04', reason: 'Chờ ý kiến phối hợp' },
  'dossier.due_soon': {},
};
const payloadOf = (template: DossierTemplate, extra: Record<string, unknown> = {}) => ({
  template,
  ...base,
  data: dataFor[template],
  ...extra,
});

describe('renderOutboxEmail', () => {
  it.each([
    {
      template: 'dossier.received' as const,
      locale: undefined,
      subject: 'Hồ sơ 000.00.13.H38-250724-0042 đã được tiếp nhận',
    },
    {
      template: 'dossier.received' as const,
      locale: 'en',
      subject: 'Dossier 000.00.13.H38-250724-0042 has been received',
    },
    {
      template: 'dossier.supplement_requested' as const,
      locale: 'vi',
      subject: 'Hồ sơ 000.00.13.H38-250724-0042 cần bổ sung giấy tờ',
    },
    {
      template: 'dossier.refused' as const,
      locale: 'en',
      subject: 'Dossier 000.00.13.H38-250724-0042 was not accepted',
    },
    {
      template: 'dossier.result_ready' as const,
      locale: undefined,
      subject: 'Hồ sơ 000.00.13.H38-250724-0042 đã có kết quả',
    },
    {
      template: 'dossier.apology' as const,
      locale: 'en',
      subject: 'Dossier 000.00.13.H38-250724-0042: apology and new appointment date',
    },
    {
      template: 'dossier.due_soon' as const,
      locale: null,
      subject: 'Hồ sơ 000.00.13.H38-250724-0042 sắp đến hạn trả kết quả',
    },
  ])('$template with locale $locale', ({ template, locale, subject }) => {
    const rendered = renderOutboxEmail(payloadOf(template, locale === undefined ? {} : { locale }));
    expect(rendered.to).toBe('citizen@example.vn');
    expect(rendered.subject).toBe(subject);
  });

  it('carries the event data into the body', () => {
    expect(renderOutboxEmail(payloadOf('dossier.refused')).text).toContain(
      '\nLý do: Không thuộc thẩm quyền\n',
    );
    expect(renderOutboxEmail(payloadOf('dossier.supplement_requested')).text).toContain(
      '\n1. Giấy chứng sinh (lý do: Chưa có bản chính)\n',
    );
    const apology = renderOutboxEmail(payloadOf('dossier.apology')).text;
    expect(apology).toContain(
      '\nNgày hẹn trả kết quả trước đây: 30/07/2025\nNgày hẹn trả kết quả mới: 04/08/2025\n',
    );
  });

  // A generated sweep over every template, language and link, for what must hold of any email.
  const links = [{}, { trackingUrl: 'https://a.motcua.vn/h/1' }, { siteUrl: 'http://localhost:3000/t/hue' }];
  const combinations = dossierEmailTemplates.flatMap((template) =>
    (['vi', 'en'] as const).flatMap((locale) => links.map((link) => ({ template, locale, link }))),
  );
  it.each(combinations)('$template $locale $link: code, name, one-line subject, no placeholders', (c) => {
    const { subject, text } = renderOutboxEmail(payloadOf(c.template, { locale: c.locale, ...c.link }));
    expect(subject).toContain(base.code);
    expect(subject).not.toMatch(/[\r\n]/);
    expect(text).toContain(base.code);
    expect(text).toContain(base.procedureName[c.locale]);
    expect(text).not.toContain(base.procedureName[c.locale === 'vi' ? 'en' : 'vi']);
    expect(text).not.toMatch(/undefined|null|NaN|\[object/);
    expect(text).not.toContain(base.to);
    expect(text).not.toContain(base.dossierId);
    expect(text.endsWith('.\n')).toBe(true);
    const url = Object.values(c.link)[0];
    if (url === undefined) expect(text).not.toMatch(/https?:/);
    else expect(text).toContain(url);
  });
});

describe('a wrong payload', () => {
  it.each([
    { payload: null, path: 'payload' },
    { payload: [], path: 'payload' },
    { payload: payloadOf('dossier.received', { template: 'dossier.opened' }), path: 'template' },
    { payload: payloadOf('dossier.received', { to: undefined }), path: 'to' },
    { payload: payloadOf('dossier.received', { to: 'a@example.vn, b@example.vn' }), path: 'to' },
    { payload: payloadOf('dossier.received', { to: 'Ann <a@example.vn>' }), path: 'to' },
    { payload: payloadOf('dossier.received', { to: 'no-at-sign' }), path: 'to' },
    { payload: payloadOf('dossier.received', { code: '' }), path: 'code' },
    { payload: payloadOf('dossier.received', { procedureName: 'Khai sinh' }), path: 'procedureName' },
    {
      payload: payloadOf('dossier.received', { procedureName: { vi: 'Khai sinh' } }),
      path: 'procedureName.en',
    },
    { payload: payloadOf('dossier.received', { dueAt: 'tomorrow' }), path: 'dueAt' },
    { payload: payloadOf('dossier.received', { locale: 'fr' }), path: 'locale' },
    { payload: payloadOf('dossier.received', { trackingUrl: 'javascript:alert(1)' }), path: 'trackingUrl' },
    { payload: payloadOf('dossier.received', { siteUrl: 'https://a b' }), path: 'siteUrl' },
    { payload: payloadOf('dossier.received', { data: 'x' }), path: 'data' },
    { payload: payloadOf('dossier.refused', { data: {} }), path: 'data.reason' },
    { payload: payloadOf('dossier.refused', { data: { reason: '   ' } }), path: 'data.reason' },
    { payload: payloadOf('dossier.supplement_requested', { data: { missing: [] } }), path: 'data.missing' },
    {
      payload: payloadOf('dossier.supplement_requested', { data: { missing: [{ document: 'A' }] } }),
      path: 'data.missing.0.reason',
    },
    {
      payload: payloadOf('dossier.supplement_requested', {
        data: { missing: [{ document: 'A', reason: 'B' }], note: 3 },
      }),
      path: 'data.note',
    },
    {
      payload: payloadOf('dossier.apology', { data: { reason: 'x', newDueDate: '2025-02-30' } }),
      path: 'data.newDueDate',
    },
    {
      payload: payloadOf('dossier.apology', { data: { reason: 'x', newDueDate: '04/08/2025' } }),
      path: 'data.newDueDate',
    },
    { payload: payloadOf('dossier.due_soon', { dueAt: null }), path: 'dueAt' },
  ])('is refused at $path', ({ payload, path }) => {
    let caught: unknown;
    try {
      renderOutboxEmail(payload);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidEmailPayloadError);
    expect((caught as InvalidEmailPayloadError).path).toBe(path);
    // The message names the field, never the value (an address, a citizen's words).
    expect((caught as Error).message).not.toContain('@');
  });
});
