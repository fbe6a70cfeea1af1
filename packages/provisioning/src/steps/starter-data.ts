// What a new agency starts with: its own root unit, a few units typical of its kind that the
// agency admin renames or retires, and default settings. Codes are stable, which is what
// makes seeding idempotent (units are unique by code and validity date).
import type { TenantKind } from '@motcua/db/platform';
import type { UnitKind } from '@motcua/db/tenant';

export interface StarterUnit {
  code: string;
  name: string;
  kind: UnitKind;
}

/** The agency itself; every starter unit hangs below it. */
export const rootUnitCode = 'AGENCY';

const provinceUnits: StarterUnit[] = [
  { code: 'VP-UBND', name: 'Văn phòng UBND', kind: 'department' },
  { code: 'TT-PVHCC', name: 'Trung tâm Phục vụ hành chính công', kind: 'centre' },
  { code: 'STP', name: 'Sở Tư pháp', kind: 'department' },
  { code: 'SXD', name: 'Sở Xây dựng', kind: 'department' },
  { code: 'PHUONG-01', name: 'UBND Phường 1', kind: 'commune' },
  { code: 'XA-01', name: 'UBND Xã 1', kind: 'commune' },
];

const ministryUnits: StarterUnit[] = [
  { code: 'VPB', name: 'Văn phòng Bộ', kind: 'department' },
  { code: 'BP-TNTKQ', name: 'Bộ phận Tiếp nhận và Trả kết quả', kind: 'centre' },
  { code: 'VU-PC', name: 'Vụ Pháp chế', kind: 'department' },
  { code: 'VU-KHTC', name: 'Vụ Kế hoạch - Tài chính', kind: 'department' },
  { code: 'CUC-01', name: 'Cục Quản lý chuyên ngành', kind: 'department' },
];

export function starterUnits(kind: TenantKind): StarterUnit[] {
  return kind === 'province' ? provinceUnits : ministryUnits;
}

export interface StarterSetting {
  key: string;
  value: unknown;
}

export function starterSettings(tenant: { name: string; kind: TenantKind }): StarterSetting[] {
  return [
    { key: 'display_name', value: tenant.name },
    { key: 'kind', value: tenant.kind },
    { key: 'locale', value: 'vi' },
    { key: 'timezone', value: 'Asia/Ho_Chi_Minh' },
    {
      key: 'branding',
      value: {
        // The red and gold of Vietnamese public-service portals; the agency changes them.
        primaryColor: '#b91c1c',
        accentColor: '#f5b301',
        textOnPrimary: '#ffffff',
        logoKey: null,
      },
    },
  ];
}
