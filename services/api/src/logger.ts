// Structured JSON logs, one line per event. Callers pass fields, never whole requests, so
// tokens, cookies and personal data do not reach the log; known secret keys are masked anyway.
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
type Fields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: Fields): void;
  info(msg: string, fields?: Fields): void;
  warn(msg: string, fields?: Fields): void;
  error(msg: string, fields?: Fields): void;
  child(fields: Fields): Logger;
}

const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };
const secretKey = /pass|secret|token|authorization|cookie|api[-_]?key/i;

function mask(fields: Fields): Fields {
  const out: Fields = {};
  for (const [key, value] of Object.entries(fields)) out[key] = secretKey.test(key) ? '[redacted]' : value;
  return out;
}

export function createLogger(
  level: LogLevel = 'info',
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  base: Fields = {},
): Logger {
  const log = (at: Exclude<LogLevel, 'silent'>, msg: string, fields: Fields = {}) => {
    if (order[at] < order[level]) return;
    write(
      JSON.stringify({ time: new Date().toISOString(), level: at, msg, ...mask({ ...base, ...fields }) }),
    );
  };
  return {
    debug: (msg, fields) => log('debug', msg, fields),
    info: (msg, fields) => log('info', msg, fields),
    warn: (msg, fields) => log('warn', msg, fields),
    error: (msg, fields) => log('error', msg, fields),
    child: (fields) => createLogger(level, write, { ...base, ...fields }),
  };
}
