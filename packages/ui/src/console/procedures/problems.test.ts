import { describe, expect, it } from 'vitest';
import { legalBasisRows } from './general-pages.tsx';
import { describeDraftProblem, procedureEditErrors } from './problems.ts';
import { procedureRowCount } from './row-pages.tsx';

const overview = { fieldKeys: ['full_name', 'purpose'], documentIds: ['to_khai'] };

describe('what blocks publishing, in words', () => {
  it.each([
    ['name.en', 'required', 'vi', '/general', 'Thông tin chung — Tên (tiếng Anh): chưa có'],
    ['name.en', 'required', 'en', '/general', 'General information — Name (English): is missing'],
    [
      'legalBasis.1.title',
      'too_long',
      'vi',
      '/general',
      'Thông tin chung — Căn cứ pháp lý Trích yếu: quá dài',
    ],
    [
      'form.fields.1.options.0.value',
      'duplicate',
      'vi',
      '/fields/purpose',
      'Biểu mẫu “purpose” — Các lựa chọn Giá trị: bị trùng, mỗi mục cần một mã riêng',
    ],
    ['form.fields.7.label.vi', 'required', 'en', '/fields', 'Form Row 8 — Label (Vietnamese): is missing'],
    ['form.fields', 'required', 'vi', '/fields', 'Biểu mẫu: chưa có'],
    [
      'documents.0.acceptedTypes',
      'required',
      'en',
      '/documents/to_khai',
      'Required papers “to_khai” — File types: is missing',
    ],
    ['fees.0.amount', 'invalid', 'vi', '/fees', 'Phí, lệ phí Dòng 1 — Số tiền: chưa hợp lệ'],
    ['processingTime', 'required', 'vi', '/time', 'Thời hạn giải quyết: chưa có'],
    [
      'workflow.steps',
      'budget',
      'en',
      '/steps',
      'Workflow steps: need more hours than the processing time allows',
    ],
    [
      'form.fields.1.showWhen',
      'condition_field',
      'vi',
      '/fields/purpose',
      'Biểu mẫu “purpose” — Điều kiện hiển thị: có điều kiện hiển thị dựa vào trường không nằm phía trên',
    ],
    ['', 'something_new', 'en', '/general', 'General information: is not valid'],
  ] as const)('%s (%s, %s) → %s', (path, code, locale, href, text) => {
    expect(describeDraftProblem(locale, { path, code }, overview)).toEqual({ href, text });
  });
});

describe('a refused edit’s errors', () => {
  it.each([
    ['name-en', 'required', { field: 'name-en', message: 'Nhập “Tên thủ tục (tiếng Anh)”.' }],
    ['audience', 'required', { field: 'audience', message: 'Chọn “Đối tượng thực hiện”.' }],
    [
      'fee-amount-2',
      'invalid',
      {
        field: 'fee-amount-2',
        message: 'Kiểm tra lại “Số tiền (đồng) (dòng 3)”. Số nguyên, ví dụ 50000 hoặc 50.000.',
      },
    ],
    [
      'field-key',
      'duplicate',
      { field: 'field-key', message: '“Mã trường” đã được dùng; hãy chọn mã khác.' },
    ],
    ['sector', 'too_long', { field: 'sector', message: '“Lĩnh vực” quá dài; hãy rút gọn.' }],
    [
      'time-value',
      'budget',
      {
        field: 'time-value',
        message: 'Tổng số giờ của các bước vượt quá thời hạn giải quyết (8 giờ mỗi ngày làm việc).',
      },
    ],
    [
      'remove',
      'referenced',
      {
        message:
          'Mục này đang được dùng bởi điều kiện hiển thị hoặc trường tải lên khác; hãy sửa chỗ đó trước.',
      },
    ],
    [
      'move',
      'condition_field',
      { message: 'Không thể chuyển: trường có điều kiện phải nằm dưới trường mà nó phụ thuộc.' },
    ],
    ['move', 'first', { message: 'Trường này đã ở đầu biểu mẫu.' }],
  ] as const)('%s %s', (input, code, expected) => {
    expect(procedureEditErrors('vi', [{ input, code }])).toEqual([expected]);
  });

  it('speaks English on an English page', () => {
    expect(procedureEditErrors('en', [{ input: 'step-role-0', code: 'required' }])).toEqual([
      { field: 'step-role-0', message: 'Choose “Done by (row 1)”.' },
    ]);
  });
});

describe('how many rows a table page shows', () => {
  it.each([
    [{}, 3],
    [{ 'fee-name-vi-0': 'Lệ phí' }, 3],
    [{ 'fee-name-vi-4': 'Lệ phí', 'fee-amount-1': '5' }, 7],
    [{ 'fee-name-vi-4': ' ' }, 3],
    [{ 'fee-name-vi-60': 'x' }, 50],
  ])('fees %j → %i', (values, rows) => {
    expect(procedureRowCount(values, 'fee')).toBe(rows);
  });

  it('does not count a step row for its role alone, which always has a value', () => {
    expect(procedureRowCount({ 'step-role-9': 'approver', 'step-name-vi-1': 'Thẩm định' }, 'step')).toBe(4);
    expect(legalBasisRows({ 'legal-title-5': 'x' })).toBe(8);
    expect(legalBasisRows({ 'legal-title-5': '' })).toBe(3);
  });
});
