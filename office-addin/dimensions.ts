/**
 * How each parameter kind and result kind reaches Excel: as one value
 * (scalar) or as a 2D array (matrix). Shared by functions.json and by the
 * runtime adapter, so the two always agree.
 */
import type { FunctionSpec, ParamKind } from '../core/spec';

export type Dimensionality = 'scalar' | 'matrix';

/**
 * Range-like kinds take a cell or a range, so Excel must hand them over as a
 * matrix. Scalar kinds are declared `any` (not number/string/boolean) so Excel
 * passes whatever the cell holds and the core gives its own clear error.
 */
const PARAM_DIMENSIONALITY: Record<ParamKind, Dimensionality> = {
  numbers: 'matrix',
  dates: 'matrix',
  labels: 'matrix',
  values: 'matrix',
  table: 'matrix',
  number: 'scalar',
  date: 'scalar',
  text: 'scalar',
  boolean: 'scalar',
};

export function paramDimensionality(kind: ParamKind): Dimensionality {
  const dimensionality = PARAM_DIMENSIONALITY[kind];
  if (!dimensionality) throw new Error(`no Excel dimensionality for parameter kind "${kind}"`);
  return dimensionality;
}

/** Aggregates return one value; per-row, table and "per-row or aggregate" results may spill. */
export function resultDimensionality(result: FunctionSpec['result']): Dimensionality {
  return result === 'aggregate' ? 'scalar' : 'matrix';
}
