// Public surface of @gatescope/core. Each stage lives in its own folder; see DESIGN.md.
export * from './model/identity.ts';
export * from './model/types.ts';
export * from './model/snapshot.ts';
export * from './diagnostics/types.ts';
export * from './analysis/types.ts';
export * from './wire.ts';
export * from './topology/index.ts';
export * from './share/index.ts';
export * from './manifest/types.ts';
export * from './manifest/parse.ts';
export * from './model/normalize.ts';
export * from './model/load.ts';
export * from './store/apply.ts';
export * from './diagnostics/parse-codes.ts';
export * from './ingress/index.ts';
