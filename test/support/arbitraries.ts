/** fast-check generators of host-shaped arguments: what a user can put in a formula's arguments. */
import fc from 'fast-check';
import type { CellValue, FunctionSpec, HostArg, Matrix, ParamSpec } from '../../core';

const WORDS = [
  'Won', 'Lost', 'Closed Won', 'closedlost', 'Open', 'Commit', 'Best Case', 'Pipeline', 'Omitted', 'Closed',
  'Discovery', 'Proposal', 'Lead', 'Qualified', 'marginal', 'retroactive', 'mean', 'median', 'all', 'closed',
  'forecast', 'actual', 'mape', 'wape', 'bias', 'pe', 'ape', 'tracking_signal', 'full', 'prorated', 'cv', 'gini',
  'Ann', 'Bob', 'West', '*', '>=1000', '100-999', '-5--1', '<>', '=', 'Owner', 'Region', 'TRUE', 'x', 'soon', '',
];

/** Any single cell value, weighted toward the awkward ones. */
export const anyCell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -1000, max: 100000 }) },
  { weight: 2, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
  { weight: 2, arbitrary: fc.constantFrom(0, 1, -1, 0.5, 1e308, -1e308, 5e-324, 2 ** 53, 46023, 46112) },
  { weight: 2, arbitrary: fc.constantFrom<CellValue>(null, '', '  ') },
  { weight: 2, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 1, arbitrary: fc.constantFrom('90000', '12.5%', '80%', '1e3', '2026-03-31', '2026-02-30', '1,000', '$5', 'NaN', 'Infinity') },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
);

/** A plausible value for the parameter's kind, so fuzzing reaches past the first check. */
function plausibleCell(param: ParamSpec): fc.Arbitrary<CellValue> {
  switch (param.kind) {
    case 'numbers':
    case 'number':
      return fc.oneof(fc.integer({ min: 0, max: 100000 }), fc.double({ min: 0, max: 1, noNaN: true }));
    case 'dates':
    case 'date':
      return fc.integer({ min: 45000, max: 47000 });
    case 'labels':
    case 'text':
      return param.choices ? fc.constantFrom(...param.choices) : fc.constantFrom(...WORDS);
    case 'boolean':
      return fc.boolean();
    default:
      return fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(...WORDS));
  }
}

function matrix(cell: fc.Arbitrary<CellValue>, rows: number, cols: number): fc.Arbitrary<Matrix> {
  return fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows });
}

export interface ArgShape {
  readonly rows: number;
  readonly cols: number;
}

/** Mostly the call's shared shape, sometimes a single cell or a mismatched one. */
const shapeFor = (shared: ArgShape): fc.Arbitrary<ArgShape> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constant(shared) },
    { weight: 2, arbitrary: fc.constant({ rows: 1, cols: 1 }) },
    { weight: 1, arbitrary: fc.record({ rows: fc.integer({ min: 1, max: 6 }), cols: fc.integer({ min: 1, max: 3 }) }) },
  );

function argFor(param: ParamSpec, shared: ArgShape): fc.Arbitrary<HostArg> {
  const cell = fc.oneof({ weight: 3, arbitrary: plausibleCell(param) }, { weight: 1, arbitrary: anyCell });
  const omitted = param.optional ? [{ weight: 2, arbitrary: fc.constantFrom<HostArg>(undefined, null) }] : [];
  return fc.oneof(
    ...omitted,
    { weight: 3, arbitrary: cell as fc.Arbitrary<HostArg> },
    { weight: 5, arbitrary: shapeFor(shared).chain((s) => matrix(cell, s.rows, s.cols)) },
  );
}

/** A whole argument list for a function, sharing one range shape most of the time. */
export function argsFor(params: readonly ParamSpec[], longRanges = false): fc.Arbitrary<HostArg[]> {
  const rows = longRanges ? fc.integer({ min: 200, max: 3000 }) : fc.integer({ min: 1, max: 12 });
  const shared = fc.record({ rows, cols: fc.oneof({ weight: 5, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.integer({ min: 2, max: 3 }) }) });
  return shared.chain((s) => fc.tuple(...params.map((p) => argFor(p, s)))).map((args) => [...args]);
}

/**
 * A worked example's arguments with some of them replaced by random ones: it
 * keeps the hard-to-guess parts (tier tables, rule tables) valid, so fuzzing
 * reaches deep into each function.
 */
export function mutatedExample(spec: FunctionSpec): fc.Arbitrary<HostArg[]> {
  if (spec.examples.length === 0) return argsFor(spec.params);
  const shared = { rows: 1, cols: 1 };
  return fc
    .record({
      example: fc.constantFrom(...spec.examples),
      replace: fc.array(fc.boolean(), { minLength: spec.params.length, maxLength: spec.params.length }),
      random: fc.tuple(...spec.params.map((p) => argFor(p, shared))),
    })
    .map(({ example, replace, random }) =>
      spec.params.map((_p, i) => (replace[i] ? random[i] : (example.args[i] as HostArg))),
    );
}
