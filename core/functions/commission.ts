/** Commission functions. */
import type { FunctionSpec } from '../spec';

export const COMMISSION_FUNCTIONS: readonly FunctionSpec[] = [];
