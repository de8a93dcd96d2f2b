export * from './errors';
export * from './values';
export { invoke } from './invoke';
export { CATEGORY_TITLES, FUNCTIONS, findFunction } from './registry';
export { PARAM_KINDS, RESULT_KINDS } from './kinds';
export type { Dimensionality, ParamKind, ResultKind } from './kinds';
export type { Category, Example, FunctionSpec, ParamSpec } from './spec';
