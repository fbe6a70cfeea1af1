// From a dossier step to the citizen's inbox: the engine writes the outbox row in the step's
// unit of work, the worker hears the commit and delivers the rendered email once.
import { newId, withTenant } from '@motcua/db';
import { citizens, staffUsers } from '@motcua/db/tenant';
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

  it('tells the officer holding a dossier that it is due soon, on the sweep, once', async () => {
    const slug = await createTestTenant(database);
    const citizenId = newId('usr');
    const officerId = newId('usr');
    await withTenant(database, slug, async (db) => {
      await publishVersion(db, testProcedure, 'test');
      await db.insert(citizens).values({ id: citizenId, email: 'hoa@example.vn', fullName: 'Lý Thị Hoa' });
      await db.insert(staffUsers).values({
        id: officerId,
        email: 'thuly@a.gov.vn',
        fullName: 'Thụ lý',
        role: 'specialist',
        status: 'active',
      });
    });
    // Received Mon 2 Mar 2026 10:00, three working days: due Thu 5 Mar 17:00.
    const monday = new Date('2026-03-02T03:00:00Z');
    const saved = await saveDossier(
      { database, slug, actor: { kind: 'citizen', id: citizenId }, now: () => monday },
      {
        procedureCode: testProcedure.code,
        answers: {
          full_name: 'Lý Thị Hoa',
          citizen_id: '001090000004',
          phone: '0912345672',
          purpose: 'xin_viec',
        },
        submit: true,
      },
    );
    const desk = {
      database,
      slug,
      actor: { kind: 'staff' as const, id: 'usr_desk', role: 'reception' as const },
      now: () => monday,
    };
    await actOnDossier(desk, { dossierId: saved.dossier.id, action: 'receive', input: {} });
    await actOnDossier(desk, {
      dossierId: saved.dossier.id,
      action: 'assign',
      input: { assigneeId: officerId },
    });
    await worker?.stop();
    const thursday = new Date('2026-03-05T02:00:00Z'); // 09:00 in Vietnam
    worker = await startWorker({
      database,
      mailer: createMailer({ smtpUrl: smtp.url, from: 'Motcua <no-reply@motcua.vn>', log: () => {} }),
      sweepIntervalMs: 3_600_000,
      now: () => thursday,
    });
    const mail = await smtp.waitFor('thuly@a.gov.vn', { timeoutMs: 5_000 });
    expect(mail.subject).toBe(`Hồ sơ ${saved.dossier.code} sắp đến hạn trả kết quả`);
    await worker.sweep();
    await worker.idle();
    expect(smtp.messagesTo('thuly@a.gov.vn')).toHaveLength(1);
  });
});
