/** Territory functions. */
import type { FunctionSpec } from '../spec';

export const TERRITORY_FUNCTIONS: readonly FunctionSpec[] = [];
