export * from './errors';
export * from './values';
export { invoke } from './invoke';
export { CATEGORY_TITLES, FUNCTIONS, findFunction } from './registry';
export type { Category, Example, FunctionSpec, ParamKind, ParamSpec } from './spec';
