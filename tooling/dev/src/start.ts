// `npm start`: the whole platform on one machine — embedded PostgreSQL and S3 (unless the
// environment names real ones), migrations, demo data, and the API on PORT (3000).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { closeDeps, createDeps, createLogger, loadApiEnv, startServer } from '@motcua/api';
import { ConfigError, parseEnv, serverEnv } from '@motcua/config';
import { createDatabase, migrateFleet } from '@motcua/db';
import { measureFleetUsage } from '@motcua/provisioning';
import { PostgresSetupError } from '@motcua/testing';
import { createUploadExpiryJob, startWorker } from '@motcua/worker';
import { z } from 'zod';
import { demoTenants, seedDemo, seedDemoOperators } from './demo.ts';
import { seedDemoDossiers } from './demo-dossiers.ts';
import { createLifecycle, type Lifecycle } from './lifecycle.ts';
import { startMailSink } from './mail-sink.ts';
import { choosePort, LauncherError } from './ports.ts';
import { defaultPorts, startStack } from './stack.ts';

/** PORT and HOST as the API reads them; PORT unset (or empty) lets the launcher move off a taken 3000. */
const apiPortEnv = z.object({
  PORT: z.preprocess((v) => (v === '' ? undefined : v), serverEnv.shape.PORT.unwrap().optional()),
  HOST: serverEnv.shape.HOST,
});

async function main(life: Lifecycle) {
  const started = performance.now();
  const stack = await startStack(process.env, life);
  const { dataDir, secrets } = stack;
  const sink = process.env.SMTP_URL ? undefined : await startMailSink(join(dataDir, 'mail'));
  if (sink) life.onStop(() => sink.close());

  const api = parseEnv(apiPortEnv);
  const apiPort = await choosePort(
    {
      key: 'api',
      label: 'API',
      variable: 'PORT',
      explicit: api.PORT,
      fallback: defaultPorts.api,
      host: api.HOST,
    },
    dataDir,
  );
  if (apiPort.note) stack.notes.push(apiPort.note);
  const env = loadApiEnv({
    ...process.env,
    PORT: String(apiPort.port),
    DATABASE_URL: stack.databaseUrl,
    MOTCUA_OPS_TOKEN: process.env.MOTCUA_OPS_TOKEN ?? secrets.opsToken,
    MOTCUA_SECRET_KEY: process.env.MOTCUA_SECRET_KEY ?? secrets.secretKey,
    ...(sink ? { SMTP_URL: sink.url } : {}),
    ...(stack.s3
      ? {
          S3_ENDPOINT: stack.s3.endpoint,
          S3_ACCESS_KEY_ID: stack.s3.accessKeyId,
          S3_SECRET_ACCESS_KEY: stack.s3.secretAccessKey,
        }
      : {}),
  });
  const migrator = createDatabase({ url: env.DATABASE_URL, max: 4 });
  const fleet = await migrateFleet(migrator).finally(() => migrator.close());
  if (fleet.failed.length > 0) {
    throw new LauncherError(
      `Migrations failed for ${fleet.failed.map((f) => `${f.slug}: ${f.error}`).join('; ')}`,
    );
  }

  const logger = createLogger(env.LOG_LEVEL === 'info' ? 'warn' : env.LOG_LEVEL);
  const deps = await createDeps(env, logger);
  const closeOnlyDeps = life.onStop(() => closeDeps(deps));
  const demoSecrets = { password: secrets.demoPassword, totpKey: secrets.demoTotpKey };
  const accounts = await seedDemo(deps.provisioning, demoSecrets);
  const { citizens, dossiers } = await seedDemoDossiers(deps.provisioning, demoSecrets);
  const operators = await seedDemoOperators(deps.database, demoSecrets);
  const server = await startServer(env, deps);
  closeOnlyDeps();
  life.onStop(() => server.close());
  // The outbox worker in the same process: dossier emails go out (to .data/mail without SMTP_URL).
  const worker = await startWorker({
    database: deps.database,
    mailer: deps.mailer,
    logger: logger.child({ component: 'worker' }),
    stopTimeoutMs: 3_000,
    measureUsage: (day) => measureFleetUsage(deps.provisioning, day),
    uploadExpiry: createUploadExpiryJob({
      database: deps.database,
      storage: deps.storage,
      olderThanMinutes: env.UPLOAD_EXPIRY_MINUTES,
      now: () => new Date(),
      logger,
    }),
  });
  life.onStop(() => worker.stop());

  const base = `http://${env.PLATFORM_DOMAIN}:${server.port}`;
  const tenants = demoTenants.map((t) => ({
    ...t,
    portalUrl: `http://${t.slug}.${env.PLATFORM_DOMAIN}:${server.port}/`,
    pathUrl: `${base}/t/${t.slug}/`,
  }));
  const demo = {
    baseUrl: base,
    docsUrl: `${base}/docs`,
    openapiUrl: `${base}/openapi.json`,
    operator: {
      kind: 'bootstrap-token',
      header: `Authorization: Bearer ${env.MOTCUA_OPS_TOKEN}`,
      token: env.MOTCUA_OPS_TOKEN,
    },
    password: secrets.demoPassword,
    operators,
    tenants,
    accounts,
    citizens,
    dossiers,
  };
  writeFileSync(join(dataDir, 'demo.json'), `${JSON.stringify(demo, null, 2)}\n`, { mode: 0o600 });

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const listening = env.HOST === '127.0.0.1' ? 'this machine only; set HOST to open it' : 'as HOST asks';
  console.log(`
Motcua is running (ready in ${seconds}s).
  ${stack.embedded.length ? `Embedded: ${stack.embedded.join('; ')}` : 'Using DATABASE_URL and S3 settings from the environment.'}
${stack.notes.map((n) => `  Note: ${n}\n`).join('')}
  Start here:        ${base}/   (the API listens on ${env.HOST}:${server.port}, ${listening})
  API reference:     ${base}/docs   (OpenAPI: ${base}/openapi.json)
${tenants.map((t) => `  ${t.name.padEnd(22)} ${t.portalUrl}   (or ${t.pathUrl})`).join('\n')}

  Operator API:      curl -H 'Authorization: Bearer ${env.MOTCUA_OPS_TOKEN}' ${base}/api/ops/tenants
  Demo password:     ${secrets.demoPassword}   (this checkout's own, in ${join(dataDir, 'secrets.json')})
  Staff accounts:    <role>@<tenant>.demo.motcua.vn
                     roles: admin, reception, specialist, approver, clerk, viewer (admins need TOTP)
  Operators:         <role>@ops.demo.motcua.vn (owner, operator, billing, support), TOTP
  Citizens:          cong-dan-<1–5>@<tenant>.demo.motcua.vn
  Demo dossiers:     ${dossiers.length} in ${new Set(dossiers.map((d) => d.state)).size} states (codes and tracking keys in demo.json)
  Everything above:  ${join(dataDir, 'demo.json')} (TOTP secrets included)
  Mail sent:         ${sink ? `${sink.dir} (one .eml per message)` : 'through SMTP_URL'}

Press Ctrl-C to stop.`);
}

/** One sentence naming the cause: the errors the launcher expects say what to do themselves. */
function describe(error: unknown): string {
  if (error instanceof ConfigError || error instanceof LauncherError || error instanceof PostgresSetupError) {
    return error.message;
  }
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return `${error.message}${code && !error.message.includes(code) ? ` (${code})` : ''}`;
  }
  return String(error);
}

const life = createLifecycle();
main(life).catch(async (error: unknown) => {
  if (life.stopping) return; // a stop interrupted the start; it reports and exits itself
  console.error(`\nnpm start failed: ${describe(error)}`);
  if (process.env.LOG_LEVEL === 'debug' && error instanceof Error) console.error(error.stack);
  await life.stop('the start failed', 1);
});
