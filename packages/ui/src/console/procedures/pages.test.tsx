/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { describe, expect, it } from 'vitest';
import { ProcedureFieldListPage } from './field-pages.tsx';
import { ProcedureGeneralPage } from './general-pages.tsx';
import { ProcedureFeesPage, ProcedureStepsPage } from './row-pages.tsx';

const base = { locale: 'vi' as const, siteName: 'Sở Tư pháp', basePath: '' };
const bytes = async (page: unknown) => new TextEncoder().encode(String(await page)).length;

/** Values for `rows` filled rows of a table page. */
function filled(prefix: 'fee' | 'step', rows: number) {
  const values: Record<string, string> = {};
  for (let row = 0; row < rows; row++) {
    values[`${prefix}-id-${row}`] = `${prefix}_so_${row}`;
    values[`${prefix}-name-vi-${row}`] = `Bước xử lý thứ ${row}`;
    values[`${prefix}-name-en-${row}`] = `Step number ${row}`;
    values[`${prefix}-${prefix === 'fee' ? 'amount' : 'hours'}-${row}`] = '1500000';
  }
  return values;
}

describe('page budgets (60 KB of HTML)', () => {
  it('hold for the largest tables the pages show', async () => {
    const common = { ...base, code: '1.000001.H48', name: 'Cấp giấy xác nhận' };
    expect(await bytes(<ProcedureFeesPage {...common} values={filled('fee', 48)} />)).toBeLessThan(60_000);
    // Forty steps: a role list on every row makes the table the heaviest; no procedure comes near.
    expect(await bytes(<ProcedureStepsPage {...common} values={filled('step', 40)} />)).toBeLessThan(60_000);
    const legal: Record<string, string> = {};
    for (let row = 0; row < 20; row++) {
      legal[`legal-document-${row}`] = `Nghị định ${row}/2020/NĐ-CP`;
      legal[`legal-title-${row}`] = 'Quy định chi tiết một số điều của luật';
    }
    expect(await bytes(<ProcedureGeneralPage {...common} values={legal} />)).toBeLessThan(60_000);
  });

  it('hold for a form of 50 fields', async () => {
    const fields = Array.from({ length: 50 }, (_, i) => ({
      key: `truong_thong_tin_${i}`,
      type: 'text',
      label: `Thông tin của người nộp hồ sơ số ${i}`,
      required: true,
      shownWhen: i % 2 ? '“Mục đích” là “Khác”' : undefined,
    }));
    expect(
      await bytes(<ProcedureFieldListPage {...base} code="1.000001" name="Thủ tục" fields={fields} />),
    ).toBeLessThan(60_000);
  });

  it('points later rows to the first row’s hint instead of repeating it', async () => {
    const html = String(await (<ProcedureFeesPage {...base} code="1.000001" name="x" values={{}} />));
    expect(html.match(/Ví dụ: Lệ phí đăng ký\./g)).toHaveLength(1);
    expect(html).toMatch(/id="fee-name-vi-2"[^>]*aria-describedby="fee-name-vi-0-hint"/);
  });
});
