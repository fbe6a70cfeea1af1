// Which ports the launcher's servers use. A port set in the environment must be free, or the
// start stops naming it; otherwise the port chosen last time (.data/ports.json), else the
// default, else any free one — so that a second checkout starts beside a running one, and a
// restart keeps its addresses.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export class LauncherError extends Error {
  override name = 'LauncherError';
}

export interface PortRequest {
  /** Key in .data/ports.json. */
  key: 'postgres' | 's3' | 'api';
  /** What uses it, for messages. */
  label: string;
  variable: string;
  /** The variable's value when it is set. */
  explicit: number | undefined;
  fallback: number;
  /** The address the server will listen on. */
  host: string;
}

export interface PortChoice {
  port: number;
  /** Set when the port is not the one asked for or the default, to tell the user. */
  note?: string;
}

/** Free when a listener can be opened there now; 0 means "any" and is always free. */
export async function isPortFree(port: number, host: string): Promise<boolean> {
  if (port === 0) return true;
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') resolve(false);
      else reject(new LauncherError(`Cannot listen on ${host}:${port}: ${error.message}`));
    });
    probe.listen({ port, host }, () => probe.close(() => resolve(true)));
  });
}

async function anyFreePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen({ port: 0, host }, () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

type Remembered = Partial<Record<PortRequest['key'], number>>;

function readRemembered(file: string): Remembered {
  if (!existsSync(file)) return {};
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Remembered;
  } catch {
    return {}; // a damaged file only loses the preference
  }
}

export async function choosePort(request: PortRequest, dataDir: string): Promise<PortChoice> {
  const { key, label, variable, explicit, fallback, host } = request;
  if (explicit !== undefined) {
    if (await isPortFree(explicit, host)) return { port: explicit };
    throw new LauncherError(
      `${variable}=${explicit}: port ${explicit} on ${host} is taken by another program; free it, choose another port, or unset ${variable} to let npm start pick a free one.`,
    );
  }
  const file = join(dataDir, 'ports.json');
  const remembered = readRemembered(file);
  const preferred = remembered[key] ?? fallback;
  if (await isPortFree(preferred, host)) return { port: preferred };
  const port = await anyFreePort(host);
  writeFileSync(file, `${JSON.stringify({ ...readRemembered(file), [key]: port }, null, 2)}\n`, {
    mode: 0o600,
  });
  return {
    port,
    note: `${label}: port ${preferred} is taken (another checkout's npm start?), using ${port}; kept in ${file} for the next start (set ${variable} to choose one)`,
  };
}
