// Rows for the usage tests (imported by tests only), written straight into an agency's schema in
// its own unit of work: only the columns usage reads matter, the rest is the minimum allowed.
import { type Database, newId, type TenantSlug, withTenant } from '@motcua/db';
import { dossierDocuments, dossiers, procedures, procedureVersions, staffUsers } from '@motcua/db/tenant';

export interface TestDossier {
  submittedAt?: string;
  receivedAt?: string;
  /** Files of the dossier: [size in bytes, status]. */
  files?: [number, 'pending' | 'verified' | 'rejected'][];
}

export interface TestAgencyData {
  dossiers?: TestDossier[];
  staff?: ('invited' | 'active' | 'disabled')[];
}

export async function addUsageRows(database: Database, slug: TenantSlug, data: TestAgencyData) {
  await withTenant(database, slug, async (db) => {
    for (const status of data.staff ?? []) {
      const id = newId('usr');
      await db
        .insert(staffUsers)
        .values({ id, email: `${id}@example.vn`, fullName: id, role: 'clerk', status });
    }
    if (!data.dossiers?.length) return;
    const procedureId = newId('prc');
    const versionId = newId('prv');
    await db.insert(procedures).values({ id: procedureId, code: procedureId, draft: {} });
    await db
      .insert(procedureVersions)
      .values({ id: versionId, procedureId, version: 1, document: {}, publishedBy: 'test' });
    for (const dossier of data.dossiers) {
      const id = newId('dos');
      const state = dossier.receivedAt ? 'received' : dossier.submittedAt ? 'submitted' : 'draft';
      await db.insert(dossiers).values({
        id,
        procedureVersionId: versionId,
        procedureCode: procedureId,
        ownerId: 'usr_citizen',
        state,
        answers: {},
        ...(dossier.submittedAt ? { submittedAt: new Date(dossier.submittedAt) } : {}),
        ...(dossier.receivedAt ? { receivedAt: new Date(dossier.receivedAt) } : {}),
      });
      for (const [sizeBytes, status] of dossier.files ?? []) {
        const documentId = newId('doc');
        await db.insert(dossierDocuments).values({
          id: documentId,
          dossierId: id,
          kind: 'input',
          slot: 'giay_to',
          fileName: 'to-khai.pdf',
          contentType: 'application/pdf',
          sizeBytes,
          storageKey: `dossiers/${id}/${documentId}`,
          status,
          uploadedBy: 'usr_citizen',
        });
      }
    }
  });
}

/** The figures of a usage row that the tests compare. */
export const figuresOf = (row: {
  dossiersReceived: number;
  dossiersSubmitted: number;
  storageBytes: number;
  staffSeats: number;
}) => ({
  received: row.dossiersReceived,
  submitted: row.dossiersSubmitted,
  storage: row.storageBytes,
  seats: row.staffSeats,
});
