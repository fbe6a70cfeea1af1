import { describe, expect, it } from 'vitest';
import type { Locale } from '../shared/i18n.ts';
import { OpsTenantListPage, type TenantListRow } from './tenant-list-page.tsx';
import { OpsTenantPage, type TenantPageProps } from './tenant-page.tsx';
import { formatMonth, formatStorage, UsageCell, type UsageView } from './usage.tsx';

const html = async (element: unknown) => String(await (element as { toString(): unknown }).toString());

describe('formatStorage', () => {
  it.each([
    [0, '0 MB', '0 MB'],
    [1, '< 0,1 MB', '< 0.1 MB'],
    [49_999, '< 0,1 MB', '< 0.1 MB'],
    [50_000, '0,1 MB', '0.1 MB'],
    [1_003_500, '1 MB', '1 MB'],
    [1_500_000, '1,5 MB', '1.5 MB'],
    [999_949_999, '999,9 MB', '999.9 MB'],
    [999_950_000, '1 GB', '1 GB'],
    [4_000_000_000, '4 GB', '4 GB'],
    [5_250_000_000, '5,3 GB', '5.3 GB'],
    [2_500_000_000_000, '2.500 GB', '2,500 GB'],
  ])('%d bytes: %s, %s', (bytes, vi, en) => {
    expect(formatStorage('vi', bytes)).toBe(vi);
    expect(formatStorage('en', bytes)).toBe(en);
  });

  it('never shows less for more bytes', () => {
    const value = (text: string) => {
      const [number = '', unit] = text.replace('< ', '').split(' ');
      return Number(number.replaceAll(',', '')) * (unit === 'GB' ? 1000 : 1);
    };
    let previous = -1;
    for (let bytes = 0; bytes < 3e9; bytes = Math.floor(bytes * 1.37) + 7_919) {
      const shown = value(formatStorage('en', bytes));
      expect(shown, String(bytes)).toBeGreaterThanOrEqual(previous);
      previous = shown;
    }
  });
});

describe('formatMonth', () => {
  it.each([
    ['2026-11', 'tháng 11/2026', 'November 2026'],
    ['2027-01', 'tháng 1/2027', 'January 2027'],
  ])('%s', (month, vi, en) => {
    expect(formatMonth('vi', month)).toBe(vi);
    expect(formatMonth('en', month)).toBe(en);
  });
});

const usage: UsageView = {
  month: '2026-11',
  monthReceived: 1234,
  staffSeats: 8,
  storageBytes: 1_250_000_000,
  measuredAt: new Date('2026-11-20T02:15:00.000Z'),
};

describe('UsageCell', () => {
  it.each([
    [
      'vi',
      usage,
      '1.234 hồ sơ tiếp nhận trong tháng 11/2026<br/>8 cán bộ đang hoạt động<br/>dung lượng tệp 1,3 GB',
    ],
    ['en', usage, '1,234 dossiers received in November 2026<br/>8 staff seats<br/>1.3 GB of files stored'],
    [
      'en',
      { ...usage, monthReceived: 1, staffSeats: 1, storageBytes: 0 },
      '1 dossier received in November 2026<br/>1 staff seat<br/>0 MB of files stored',
    ],
    ['vi', null, '<span class="muted">Chưa có số liệu đo</span>'],
    ['en', undefined, '<span class="muted">Not measured yet</span>'],
  ] as const)('%s %o', async (locale, shown, expected) => {
    expect(await html(UsageCell({ locale, usage: shown }))).toBe(expected);
  });
});

const base = { siteName: 'Motcua', basePath: '', operator: { fullName: 'Vận hành', role: 'owner' } };

function row(i: number, measured: boolean): TenantListRow {
  // The longest an agency's name may be (200 characters), as a worst case for the page weight.
  const name = `Ủy ban nhân dân tỉnh Thử Nghiệm số ${i} `.padEnd(200, 'đ');
  return {
    slug: `tinh-thu-nghiem-so-${String(i).padStart(3, '0')}-abcdefghij`,
    name,
    kind: 'province',
    status: 'active',
    schemaVersion: 3,
    createdAt: new Date('2026-01-01T00:00:00Z'),
    usage: measured ? { ...usage, monthReceived: 123_456 + i, storageBytes: 999_000_000_000 + i } : null,
  };
}

describe('the agency list with its Usage column', () => {
  it.each(['vi', 'en'] as const)('stays under 60 KB with 50 long rows (%s)', async (locale: Locale) => {
    const page = await html(
      OpsTenantListPage({
        ...base,
        locale,
        tenants: Array.from({ length: 50 }, (_, i) => row(i, i % 10 !== 0)),
        schemaHead: 4,
        page: 1,
        pageCount: 3,
      }),
    );
    expect(new TextEncoder().encode(page).length).toBeLessThan(60_000);
    const headers = [...page.matchAll(/<th scope="col">([^<]*)<\/th>/g)].map((m) => m[1]);
    expect(headers).toEqual(
      locale === 'vi'
        ? [
            'Tên cơ quan',
            'Mã định danh',
            'Loại',
            'Trạng thái',
            'Phiên bản dữ liệu',
            'Mức sử dụng',
            'Ngày tạo',
          ]
        : ['Agency', 'Slug', 'Kind', 'Status', 'Schema version', 'Usage', 'Created'],
    );
    const rows = [...page.matchAll(/<tr><th scope="row">[\s\S]*?<\/tr>/g)].map((m) => m[0]);
    expect(rows).toHaveLength(50);
    // Each row has one cell per header.
    for (const r of rows) expect([...r.matchAll(/<t[hd][ >]/g)]).toHaveLength(7);
    const notMeasured = locale === 'vi' ? 'Chưa có số liệu đo' : 'Not measured yet';
    expect(rows.filter((r) => r.includes(notMeasured))).toHaveLength(5);
    expect(rows[1]).toContain(locale === 'vi' ? '123.457 hồ sơ tiếp nhận' : '123,457 dossiers received');
  });
});

describe('the agency page’s usage', () => {
  const props: TenantPageProps = {
    ...base,
    locale: 'vi',
    tenant: {
      slug: 'hue',
      name: 'UBND thành phố Huế',
      kind: 'province',
      status: 'active',
      adminEmail: 'quantri@hue.gov.vn',
      schemaVersion: 4,
      createdAt: new Date('2026-01-01T00:00:00Z'),
      suspendedAt: null,
      suspendedReason: null,
    },
    schemaHead: 4,
    run: null,
    portalUrl: 'http://hue.motcua.test/',
    canManage: true,
  };

  it('shows the figures and when they were measured, in Vietnam time', async () => {
    const page = await html(OpsTenantPage({ ...props, usage }));
    expect(page).toContain('<h2>Mức sử dụng</h2>');
    expect(page).toContain('<dt>Hồ sơ tiếp nhận trong tháng 11/2026</dt><dd>1.234</dd>');
    expect(page).toContain('<dt>Cán bộ đang hoạt động</dt><dd>8</dd>');
    expect(page).toContain('<dt>Dung lượng tệp đã lưu</dt><dd>1,3 GB</dd>');
    // 02:15 UTC is 09:15 in Vietnam.
    expect(page).toMatch(/<dt>Số liệu đo lúc<\/dt><dd>[^<]*09:15[^<]*20\/11\/(20)?26[^<]*<\/dd>/);
  });

  it('says when the agency has not been measured yet', async () => {
    const page = await html(OpsTenantPage({ ...props, locale: 'en', usage: null }));
    expect(page).toContain('<h2>Usage</h2>');
    expect(page).toContain('<p class="muted" id="ops-usage">Not measured yet</p>');
    expect(page).not.toContain('Last measured');
  });
});
