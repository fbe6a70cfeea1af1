// @motcua/ui: server-rendered pages, one folder per area of the product (the same words as the
// HTTP layer's), drawn with one shared design system. Pages take plain view models that the
// routes build; this package imports no other workspace package.
export * from './console/index.ts';
export * from './ops/index.ts';
export * from './platform/index.ts';
export * from './portal/index.ts';
export * from './shared/index.ts';
