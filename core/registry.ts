/** Every function the add-on ships, in catalog order. Hosts, docs and tests are generated from this list. */
import { FORECAST_ERROR } from './functions/forecast';
import { WEIGHTED_PIPELINE } from './functions/pipeline';
import { QUOTA_ATTAINMENT } from './functions/quota';
import type { FunctionSpec } from './spec';

export const FUNCTIONS: readonly FunctionSpec[] = [QUOTA_ATTAINMENT, WEIGHTED_PIPELINE, FORECAST_ERROR];

export function findFunction(name: string): FunctionSpec | undefined {
  return FUNCTIONS.find((spec) => spec.name === name.toUpperCase());
}
