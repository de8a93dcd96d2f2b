/** Capacity functions. */
import type { FunctionSpec } from '../spec';

export const CAPACITY_FUNCTIONS: readonly FunctionSpec[] = [];
