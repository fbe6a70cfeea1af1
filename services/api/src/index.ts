export { createApp, type MotcuaApp } from './app.ts';
export type { AppDeps, AppEnv } from './context.ts';
export { type ApiEnv, apiEnvSchema, loadApiEnv } from './env.ts';
export { createLogger, type Logger } from './logger.ts';
export { closeDeps, createDeps, type RunningServer, startServer } from './server.ts';
