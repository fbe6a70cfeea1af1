// `node main.ts`: the API process on the configuration in the environment.
import { ConfigError } from '@motcua/config';
import { loadApiEnv } from './env.ts';
import { startServer } from './server.ts';

try {
  const env = loadApiEnv();
  const server = await startServer(env);
  server.deps.logger.info('listening', { url: server.url });
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
