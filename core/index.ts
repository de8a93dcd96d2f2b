export * from './errors';
export * from './values';
export { invoke } from './invoke';
export { FUNCTIONS, findFunction } from './registry';
export type { Category, Example, FunctionSpec, ParamKind, ParamSpec } from './spec';
