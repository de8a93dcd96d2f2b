/** Every function the add-on ships, in catalog order. Hosts, docs and tests are generated from this list. */
import { CAPACITY_FUNCTIONS } from './functions/capacity';
import { COMMISSION_FUNCTIONS } from './functions/commission';
import { FORECAST_FUNCTIONS } from './functions/forecast';
import { PIPELINE_FUNCTIONS } from './functions/pipeline';
import { QUOTA_FUNCTIONS } from './functions/quota';
import { TERRITORY_FUNCTIONS } from './functions/territory';
import type { Category, FunctionSpec } from './spec';

export const FUNCTIONS: readonly FunctionSpec[] = [
  ...QUOTA_FUNCTIONS,
  ...PIPELINE_FUNCTIONS,
  ...FORECAST_FUNCTIONS,
  ...COMMISSION_FUNCTIONS,
  ...TERRITORY_FUNCTIONS,
  ...CAPACITY_FUNCTIONS,
];

/** Each family's heading in the docs and the sidebar, in catalog order. */
export const CATEGORY_TITLES: Readonly<Record<Category, string>> = {
  quota: 'Quota and attainment',
  pipeline: 'Pipeline',
  forecast: 'Forecast',
  commission: 'Commission',
  territory: 'Territory and assignment',
  capacity: 'Capacity and ramp',
};

export function findFunction(name: string): FunctionSpec | undefined {
  return FUNCTIONS.find((spec) => spec.name === name.toUpperCase());
}
