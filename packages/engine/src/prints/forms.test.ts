import { describe, expect, it } from 'vitest';
import { isCitizenDownload } from './download-document.ts';
import { formFileName, isCitizenForm, isPrintableForm, printableForms, toAsciiFileName } from './forms.ts';
import { createRandom } from './test-fixtures.ts';

describe('which forms the citizen may print', () => {
  it.each([
    ['receipt', true],
    ['supplement-request', true],
    ['refusal', true],
    ['apology', true],
    ['stop-notice', true],
    ['control-slip', false],
  ] as const)('%s → %s', (form, expected) => {
    expect(isCitizenForm(form)).toBe(expected);
  });

  it.each(['receipt', 'control-slip'])('knows %s', (form) => expect(isPrintableForm(form)).toBe(true));
  it.each(['register', 'RECEIPT', '', 'receipt '])('does not know "%s"', (form) =>
    expect(isPrintableForm(form)).toBe(false),
  );
});

describe('formFileName', () => {
  it.each([
    ['000.00.13.H48-260212-0042', 'receipt', '000.00.13.H48-260212-0042-receipt.pdf'],
    ['DANANG-260212-0001', 'control-slip', 'DANANG-260212-0001-control-slip.pdf'],
    ['Sở "TP"/Đà Nẵng-01', 'refusal', 'So_TP_Da_Nang-01-refusal.pdf'],
    ['../../etc', 'apology', 'etc-apology.pdf'],
    ['"; x=y', 'stop-notice', 'x_y-stop-notice.pdf'],
    ['đ', 'receipt', 'd-receipt.pdf'],
    ['€ 😀', 'receipt', 'dossier-receipt.pdf'],
    ['-.-', 'receipt', 'dossier-receipt.pdf'],
  ] as const)('%s on %s → %s', (code, form, expected) => {
    expect(formFileName(code, form)).toBe(expected);
  });

  it('is always a plain ASCII name a header can carry unescaped, ending in the form', () => {
    const random = createRandom(2026);
    const alphabet = [...'aZ09.-_ "\';\\/\r\n\tđĐạ€😀%*'];
    for (let i = 0; i < 1000; i += 1) {
      const code = Array.from({ length: random.int(0, 30) }, () => random.pick(alphabet)).join('');
      const form = random.pick(printableForms);
      const name = formFileName(code, form);
      expect(name, JSON.stringify(code)).toMatch(/^[A-Za-z0-9][A-Za-z0-9._-]*\.pdf$/);
      expect(name.endsWith(`-${form}.pdf`)).toBe(true);
      expect(name).not.toContain('..');
    }
  });
});

describe('toAsciiFileName', () => {
  it.each([
    ['Bản sao CCCD.pdf', 'Ban_sao_CCCD.pdf'],
    ['Giấy xác nhận (bản chính).PDF', 'Giay_xac_nhan_ban_chinh_.PDF'],
    ['ĐƠN ĐỀ NGHỊ.jpeg', 'DON_DE_NGHI.jpeg'],
    ['..\\..\\boot.ini', 'boot.ini'],
    ['tệp "lạ";\r\nX-Injected: 1.png', 'tep_la_X-Injected_1.png'],
    ['báo-cáo..final.pdf', 'bao-cao.final.pdf'],
  ])('%s → %s', (name, expected) => {
    expect(toAsciiFileName(name)).toBe(expected);
  });
});

describe('isCitizenDownload', () => {
  const input = { id: 'doc_in', kind: 'input' } as const;
  const result = { id: 'doc_res', kind: 'result' } as const;
  it.each([
    ['their own input, at any stage', 'in_progress', input, [], true],
    ['a result before it is issued', 'approved', result, [], false],
    ['an issued result', 'result_issued', result, ['doc_res'], true],
    ['a returned result', 'result_returned', result, ['doc_res'], true],
    ['a result file the issue did not name', 'result_returned', result, ['doc_other'], false],
    ['a result named but the dossier stopped', 'stopped', result, ['doc_res'], false],
  ] as const)('%s', (_name, state, document, issued, expected) => {
    expect(isCitizenDownload({ state }, document, issued)).toBe(expected);
  });
});
