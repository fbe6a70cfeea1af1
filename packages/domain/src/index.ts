export * from './calendar/index.ts';
export * from './dossier/index.ts';
export * from './errors.ts';
export * from './field-problem.ts';
export * from './procedure/index.ts';
