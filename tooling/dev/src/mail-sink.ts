// A local SMTP server for `npm start` when no SMTP_URL is given: every message the platform
// sends (invitations, reset links, dossier notices) is written as a readable .eml file under
// .data/mail/, instead of scrolling past in the log.
import { mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';

export interface MailSink {
  url: string;
  dir: string;
  close(): Promise<void>;
}

export async function startMailSink(dir: string): Promise<MailSink> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  let count = 0;
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    // Senders keep connections open for reuse; on Ctrl-C do not wait for them (default 30 s).
    closeTimeout: 200,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        count += 1;
        const to = (session.envelope.rcptTo[0]?.address ?? 'unknown').replace(/[^a-z0-9@._-]/gi, '_');
        const name = `${new Date().toISOString().replaceAll(':', '-')}-${String(count).padStart(4, '0')}-${to}.eml`;
        writeFileSync(join(dir, name), Buffer.concat(chunks), { mode: 0o600 });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    dir,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
