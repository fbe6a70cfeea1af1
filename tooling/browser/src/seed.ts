// The people and agencies a scenario starts from: an agency provisioned the way an operator
// does it (schema, roles, the starter catalog, its first admin invited), and staff put
// straight into it when a scenario is not about how they got there.
import { randomBytes } from 'node:crypto';
import type { AppDeps } from '@motcua/api';
import {
  createTotpSecret,
  hashPassword,
  registerCitizen,
  resendFirstAdminInvitation,
  upsertOperator,
} from '@motcua/auth';
import { newId, type TenantSlug, withTenant } from '@motcua/db';
import { staffUsers } from '@motcua/db/tenant';
import { testSlug } from '@motcua/db/testing';
import { provisionTenant } from '@motcua/provisioning';
import { deliverTenantOutbox } from '@motcua/worker';

export interface Agency {
  slug: TenantSlug;
  name: string;
  adminEmail: string;
}

export async function provisionAgency(deps: AppDeps, name = 'UBND tỉnh Thử Nghiệm'): Promise<Agency> {
  const slug = testSlug('br');
  const adminEmail = `quantri@${slug}.gov.vn`;
  const { run } = await provisionTenant(deps.provisioning, {
    slug,
    name,
    kind: 'province',
    adminEmail,
    actor: 'browser-tests',
  });
  if (run.status !== 'succeeded') throw new Error(`provisioning ${slug} failed: ${run.error ?? run.status}`);
  return { slug, name, adminEmail };
}

/**
 * The first admin's invitation link, as the operator's "send a new invitation" mails it (the
 * one provisioning queued points at the agency's own host, which the browser does not use) and
 * the outbox worker delivers it; `origin` is where the browser reaches the app.
 */
export async function firstAdminInvitationLink(deps: AppDeps, agency: Agency, origin: string) {
  await resendFirstAdminInvitation(
    deps.database,
    agency.slug,
    agency.adminEmail,
    { linkBase: `${origin}/t/${agency.slug}`, siteName: agency.name },
    { actor: 'operator:browser-tests' },
  );
  let link = '';
  await deliverTenantOutbox({
    database: deps.database,
    slug: agency.slug,
    mailer: {
      send: async (message) => {
        link = /https?:\/\/\S+accept-invitation\?token=\S+/.exec(message.text)?.[0] ?? link;
      },
    },
  });
  if (!link) throw new Error('the invitation email carried no link');
  return link;
}

export interface StaffMember {
  email: string;
  password: string;
  fullName: string;
  /** Base32 secret of an admin's authenticator. */
  totpSecret?: string;
}

type Role = 'admin' | 'reception' | 'specialist' | 'approver' | 'clerk' | 'viewer';

/** An active member of staff with a password (and, for an admin, an enrolled authenticator). */
export async function addStaffMember(deps: AppDeps, agency: Agency, role: Role): Promise<StaffMember> {
  const member: StaffMember = {
    email: `${role}-${randomBytes(3).toString('hex')}@${agency.slug}.gov.vn`,
    password: 'Lua-Chon-Mat-Khau-2026',
    fullName: role === 'admin' ? 'Trần Quản Trị' : `Cán bộ ${role}`,
    ...(role === 'admin' ? { totpSecret: createTotpSecret() } : {}),
  };
  const passwordHash = await hashPassword(member.password);
  await withTenant(deps.database, agency.slug, (db) =>
    db.insert(staffUsers).values({
      id: newId('usr'),
      email: member.email,
      fullName: member.fullName,
      role,
      status: 'active',
      passwordHash,
      ...(member.totpSecret ? { totpSecret: member.totpSecret, totpEnrolledAt: new Date() } : {}),
    }),
  );
  return member;
}

export interface Citizen {
  fullName: string;
  email: string;
  password: string;
}

/** A citizen who registered earlier (through the same verb as the registration page). */
export async function addCitizen(deps: AppDeps, agency: Agency, fullName: string): Promise<Citizen> {
  const citizen = {
    fullName,
    email: `cong-dan-${randomBytes(4).toString('hex')}@example.vn`,
    password: 'Hoa-Sen-Tren-Ho-2026',
  };
  await registerCitizen({ database: deps.database, slug: agency.slug }, { ...citizen, consent: true });
  return citizen;
}

/** A platform operator (role `operator`: may onboard and change agencies) with an authenticator. */
export async function addOperator(deps: AppDeps): Promise<StaffMember> {
  const operator = {
    email: `van-hanh-${randomBytes(3).toString('hex')}@ops.example.vn`,
    password: 'Van-Hanh-Nen-Tang-2026',
    fullName: 'Đỗ Văn Hành',
    totpSecret: createTotpSecret(),
  };
  await upsertOperator(deps.database, { ...operator, role: 'operator' });
  return operator;
}
