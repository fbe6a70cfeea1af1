// Answers to the five starter procedures (packages/domain/src/procedure/catalog) as a citizen
// would give them, and the papers each needs attached.
import { citizenEmail, type DemoCitizen, type DemoTenantPeople } from './demo-people.ts';

export const procedureCodes = {
  birth: '1.001193',
  residence: '1.004222',
  judicialRecord: '2.000488',
  householdBusiness: '2.000720',
  buildingPermit: '1.009994',
} as const;

/** A paper the citizen (input) or the agency (result) attaches: `field` is the form field it answers. */
export interface DemoFile {
  slot: string;
  fileName: string;
  field?: string;
}

export interface DemoFiling {
  procedureCode: string;
  /** Index of the citizen who files it. */
  owner: number;
  answers: Record<string, unknown>;
  files: DemoFile[];
}

const declared = { declaration_confirmed: true };

function person(tenant: DemoTenantPeople, index: number): DemoCitizen {
  const citizen = tenant.citizens[index];
  if (!citizen) throw new Error(`${tenant.slug} has no demo citizen ${index}.`);
  return citizen;
}

const address = (tenant: DemoTenantPeople, place: DemoCitizen['address']) => ({
  province: tenant.province,
  ...place,
});

export function judicialRecord(
  tenant: DemoTenantPeople,
  index: number,
  options: { purpose: string; type?: 'no_1' | 'no_2'; count?: number },
): DemoFiling {
  const p = person(tenant, index);
  const type = options.type ?? 'no_1';
  return {
    procedureCode: procedureCodes.judicialRecord,
    owner: index,
    answers: {
      certificate_type: type,
      applicant_full_name: p.fullName,
      applicant_citizen_id: p.citizenId,
      applicant_birth_date: p.birthDate,
      applicant_phone: p.phone,
      applicant_email: citizenEmail(tenant.slug, index),
      residence_address: address(tenant, p.address),
      purpose: options.purpose,
      // Law on Judicial Records art. 45(2): only certificate no. 1 may be asked for by someone else.
      ...(type === 'no_1' ? { filed_by: 'self' } : {}),
      certificate_count: options.count ?? 1,
      fee_group: 'standard',
      ...declared,
    },
    files: [],
  };
}

export function householdBusiness(tenant: DemoTenantPeople, index: number, business: number): DemoFiling {
  const p = person(tenant, index);
  const lines = [
    'Bán lẻ cà phê, đồ uống không cồn\nBán lẻ bánh ngọt',
    'Bán lẻ lương thực, thực phẩm\nDịch vụ ăn uống',
    'Sửa chữa, bảo dưỡng mô tô, xe máy',
  ];
  return {
    procedureCode: procedureCodes.householdBusiness,
    owner: index,
    answers: {
      business_name: tenant.businesses[business],
      owner_full_name: p.fullName,
      owner_citizen_id: p.citizenId,
      owner_phone: p.phone,
      owner_email: citizenEmail(tenant.slug, index),
      business_address: address(tenant, p.address),
      business_lines: lines[business],
      capital_vnd: [150_000_000, 80_000_000, 45_000_000][business],
      employee_count: [3, 2, 1][business],
      founded_by: 'individual',
      filed_by: 'self',
      ...declared,
    },
    files: [],
  };
}

export function residence(
  tenant: DemoTenantPeople,
  index: number,
  basis: 'own_home' | 'relative_home' | 'rented_or_borrowed',
): DemoFiling {
  const p = person(tenant, index);
  const files: DemoFile[] = [];
  const answers: Record<string, unknown> = {
    applicant_full_name: p.fullName,
    applicant_citizen_id: p.citizenId,
    applicant_phone: p.phone,
    new_address: address(
      tenant,
      basis === 'rented_or_borrowed' ? tenant.places.rented : tenant.places.newHome,
    ),
    residence_basis: basis,
    ...declared,
  };
  if (basis !== 'relative_home') {
    const fileName = basis === 'own_home' ? 'giay-chung-nhan-quyen-su-dung-dat.pdf' : 'hop-dong-thue-nha.pdf';
    files.push({ field: 'lawful_residence_file', slot: 'lawful_residence_proof', fileName });
  } else {
    answers.relationship_to_owner = 'parent';
    files.push({
      field: 'relationship_proof_file',
      slot: 'relationship_proof',
      fileName: 'giay-khai-sinh.pdf',
    });
  }
  if (basis !== 'own_home') {
    answers.owner_citizen_id = tenant.ownerCitizenId;
    files.push({ field: 'owner_consent_file', slot: 'owner_consent', fileName: 'y-kien-dong-y-chu-ho.pdf' });
  }
  if (basis === 'rented_or_borrowed') answers.floor_area_per_person = 18;
  return { procedureCode: procedureCodes.residence, owner: index, answers, files };
}

export function buildingPermit(tenant: DemoTenantPeople, index: number, floors: number): DemoFiling {
  const p = person(tenant, index);
  return {
    procedureCode: procedureCodes.buildingPermit,
    owner: index,
    answers: {
      applicant_full_name: p.fullName,
      applicant_citizen_id: p.citizenId,
      applicant_phone: p.phone,
      site_address: address(tenant, tenant.places.site),
      map_sheet_number: '12',
      parcel_number: String(300 + floors * 17),
      land_area_m2: 96.5,
      ground_floor_area_m2: 80,
      floors,
      has_basement: false,
      has_adjacent_buildings: true,
      ...declared,
    },
    files: [
      { field: 'land_use_certificate_file', slot: 'land_use_certificate', fileName: 'so-do-thua-dat.pdf' },
      { field: 'design_drawings_file', slot: 'design_drawings', fileName: 'ban-ve-thiet-ke.pdf' },
      {
        field: 'adjacent_commitment_file',
        slot: 'adjacent_works_commitment',
        fileName: 'ban-cam-ket-an-toan-cong-trinh-lien-ke.pdf',
      },
    ],
  };
}

export function birth(tenant: DemoTenantPeople, which: 0 | 1, bornOn: string): DemoFiling {
  const b = tenant.births[which];
  const p = person(tenant, b.declarant);
  return {
    procedureCode: procedureCodes.birth,
    owner: b.declarant,
    answers: {
      declarant_relation: 'parent',
      declarant_citizen_id: p.citizenId,
      declarant_phone: p.phone,
      child_full_name: b.child,
      child_sex: b.sex,
      child_birth_date: bornOn,
      child_birth_place: tenant.hospital,
      child_ethnicity: 'Kinh',
      birth_evidence: 'birth_notice',
      mother_full_name: b.mother,
      father_full_name: b.father,
      ...declared,
    },
    files: [{ field: 'birth_notice_file', slot: 'birth_notice', fileName: 'giay-chung-sinh.pdf' }],
  };
}
