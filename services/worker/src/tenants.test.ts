import { describe, expect, it } from 'vitest';
import { readTenantOfSchema } from './tenants.ts';

describe('readTenantOfSchema', () => {
  it.each([
    ['t_hue', 'hue'],
    ['t_da_nang', 'da-nang'],
    ['t_ho_chi_minh_2', 'ho-chi-minh-2'],
    ['platform', null],
    ['public', null],
    ['t_', null],
    ['t_x', null],
    ['t_hue_owner', null],
    ['t_da__nang', null],
    ['t_Hue', null],
    ['t_hue; drop table x', null],
    ['t_test', null],
  ])('%s → %s', (schema, slug) => {
    expect(readTenantOfSchema(schema)).toBe(slug);
  });
});
