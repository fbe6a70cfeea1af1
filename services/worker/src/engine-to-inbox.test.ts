// From a dossier step to the citizen's inbox: the engine writes the outbox row in the step's
// unit of work, the worker hears the commit and delivers the rendered email once.
import { newId, withTenant } from '@motcua/db';
import { citizens } from '@motcua/db/tenant';
import { createTestTenant, useIsolatedTestDatabase } from '@motcua/db/testing';
import { actOnDossier, publishVersion, saveDossier } from '@motcua/engine';
import { testProcedure } from '@motcua/engine/testing';
import { createMailer } from '@motcua/mail';
import { startSmtpServer, type TestSmtpServer } from '@motcua/mail/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningWorker, startWorker } from './worker.ts';

const { database } = useIsolatedTestDatabase(6);
let smtp: TestSmtpServer;
let worker: RunningWorker | undefined;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await worker?.stop();
  await smtp.close();
});

describe('a dossier step reaches the inbox', () => {
  it('emails the citizen once when the desk asks for a supplement, with the code and the missing list', async () => {
    const slug = await createTestTenant(database);
    const citizenId = newId('usr');
    await withTenant(database, slug, async (db) => {
      await publishVersion(db, testProcedure, 'test');
      await db.insert(citizens).values({ id: citizenId, email: 'thu@example.vn', fullName: 'Đỗ Thị Thu' });
    });
    worker = await startWorker({
      database,
      mailer: createMailer({ smtpUrl: smtp.url, from: 'Motcua <no-reply@motcua.vn>', log: () => {} }),
      sweepIntervalMs: 3_600_000,
    });
    await worker.idle();
    const now = new Date('2026-03-02T02:00:00Z');
    const saved = await saveDossier(
      { database, slug, actor: { kind: 'citizen', id: citizenId }, now: () => now },
      {
        procedureCode: testProcedure.code,
        answers: {
          full_name: 'Đỗ Thị Thu',
          citizen_id: '001090000002',
          phone: '0912345679',
          purpose: 'xin_viec',
        },
        submit: true,
      },
    );
    await actOnDossier(
      { database, slug, actor: { kind: 'staff', id: 'usr_desk', role: 'reception' }, now: () => now },
      {
        dossierId: saved.dossier.id,
        action: 'request_supplement',
        input: { missing: [{ document: 'Bản sao CCCD', reason: 'Ảnh mờ' }] },
      },
    );
    const mail = await smtp.waitFor('thu@example.vn', { timeoutMs: 5_000 });
    expect(mail.subject).toContain(saved.dossier.code ?? 'no code');
    expect(mail.text).toContain('Bản sao CCCD');
    expect(mail.text).toContain('Ảnh mờ');
    await worker.idle();
    expect(smtp.messagesTo('thu@example.vn')).toHaveLength(1);
  });
});
