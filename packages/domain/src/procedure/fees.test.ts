import { describe, expect, it } from 'vitest';
import { field, makeVersion, text } from '../../test/procedure-fixtures.ts';
import { PreconditionFailedError } from '../errors.ts';
import { birthRegistration } from './catalog/birth-registration.ts';
import { constructionPermit } from './catalog/construction-permit.ts';
import { judicialRecord } from './catalog/judicial-record.ts';
import { permanentResidence } from './catalog/permanent-residence.ts';
import { computeFees } from './fees.ts';

const amounts = (breakdown: { items: { id: string; amount: number }[] }) =>
  breakdown.items.map((item) => [item.id, item.amount]);

describe('computeFees on the starter catalog', () => {
  it.each<[string, Record<string, unknown>, [string, number][], number]>([
    [
      'one certificate, standard',
      { fee_group: 'standard', certificate_count: 1 },
      [['judicial_record_fee', 200_000]],
      200_000,
    ],
    [
      'two certificates cost nothing extra',
      { fee_group: 'standard', certificate_count: 2 },
      [['judicial_record_fee', 200_000]],
      200_000,
    ],
    [
      'four certificates, reduced: 100,000 + 2 × 5,000',
      { fee_group: 'reduced', certificate_count: 4 },
      [
        ['judicial_record_fee_reduced', 100_000],
        ['extra_certificate_3', 5_000],
        ['extra_certificate_4', 5_000],
      ],
      110_000,
    ],
    [
      'five certificates, exempt: only the extra certificates',
      { fee_group: 'exempt', certificate_count: 5 },
      [
        ['extra_certificate_3', 5_000],
        ['extra_certificate_4', 5_000],
        ['extra_certificate_5', 5_000],
      ],
      15_000,
    ],
  ])('judicial record: %s', (_, values, items, total) => {
    const fees = computeFees(judicialRecord, values);
    expect(amounts(fees)).toEqual(items);
    expect(fees.total).toBe(total);
  });

  it('charges the online residence fee unless the applicant is exempt', () => {
    expect(computeFees(permanentResidence, { fee_exempt: false }).total).toBe(10_000);
    expect(computeFees(permanentResidence, { fee_exempt: true })).toEqual({ items: [], total: 0 });
  });

  it('keeps the bilingual fee name for the receipt', () => {
    expect(computeFees(constructionPermit, {}).items).toEqual([
      {
        id: 'building_permit_fee',
        name: {
          vi: 'Lệ phí cấp giấy phép xây dựng nhà ở riêng lẻ',
          en: 'Building permit fee (detached house)',
        },
        amount: 75_000,
      },
    ]);
  });

  it('registers a birth on time for free', () => {
    expect(computeFees(birthRegistration, {})).toEqual({ items: [], total: 0 });
  });
});

describe('computeFees', () => {
  const gate = field({ id: 'express', type: 'checkbox' });
  const fee = (id: string, amount: number) => ({ id, name: text(id), amount });

  it('applies a fee only when its condition holds on the values', () => {
    const version = makeVersion([gate], {
      fees: [
        fee('base', 50_000),
        { ...fee('express', 30_000), showWhen: { field: 'express', equals: true } },
      ],
    });
    expect(computeFees(version, { express: true }).total).toBe(80_000);
    expect(computeFees(version, { express: false }).total).toBe(50_000);
  });

  it('refuses to total beyond Number.MAX_SAFE_INTEGER', () => {
    const half = 2 ** 52;
    const version = makeVersion([gate], { fees: [fee('a', half), fee('b', half)] });
    expect(() => computeFees(version, {})).toThrow(PreconditionFailedError);
    expect(() => computeFees(version, {})).toThrow(expect.objectContaining({ code: 'fee_total_overflow' }));
  });

  it('accepts a total of exactly Number.MAX_SAFE_INTEGER', () => {
    const version = makeVersion([gate], { fees: [fee('a', 2 ** 52), fee('b', 2 ** 52 - 1)] });
    expect(computeFees(version, {}).total).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('refuses an amount that slipped past the schema', () => {
    const version = makeVersion([gate], { fees: [fee('odd', 0.5)] });
    expect(() => computeFees(version, {})).toThrow(expect.objectContaining({ code: 'invalid_fee' }));
  });
});
