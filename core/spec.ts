/**
 * A function is declared once as a spec; the hosts, the docs and the example
 * tests are all generated from it. Parameters declare their kind, and the core
 * converts each argument to that kind before the implementation runs, so every
 * implementation starts from clean, typed input.
 */
import { badValue } from './errors';
import {
  type BlankRule,
  type CellReader,
  LabelRange,
  NumberRange,
  type StartLookup,
  Table,
  ValueRange,
  asMatrix,
  coreCell,
  readDate,
  readNumber,
} from './ranges';
import { type CellValue, type HostArg, type HostMatrix, type Matrix, type Result, describeValue, isBlank, normalizeLabel } from './values';

export type ParamKind =
  | 'numbers' // per-row numbers; a single cell broadcasts
  | 'dates' // per-row dates as day serials
  | 'labels' // per-row text labels
  | 'values' // per-row numbers or labels
  | 'number' // one number
  | 'date' // one date
  | 'text' // one word, often from a fixed list of choices
  | 'boolean'
  | 'table'; // a block of cells read as a whole (stage table, tiers, curve)

export type Category = 'quota' | 'pipeline' | 'forecast' | 'commission' | 'territory' | 'capacity';

interface ArgTypes {
  numbers: NumberRange;
  dates: NumberRange;
  labels: LabelRange;
  values: ValueRange;
  number: number;
  date: number;
  text: string;
  boolean: boolean;
  table: Table;
}

export interface ParamSpec<K extends ParamKind = ParamKind, Optional extends boolean = boolean> {
  readonly name: string;
  readonly kind: K;
  readonly description: string;
  readonly optional: Optional;
  /** The default used when an optional argument is left out or blank, as the docs show it. */
  readonly defaultValue?: number | string | boolean;
  /** The allowed words for a `text` parameter. */
  readonly choices?: readonly string[];
  /** For per-row kinds: what a blank cell means in a row whose other inputs are filled (default 'required'). */
  readonly blank?: BlankRule;
}

type ArgOf<P> =
  P extends ParamSpec<infer K, infer Optional>
    ? Optional extends true
      ? ArgTypes[K] | (K extends 'number' | 'text' | 'boolean' ? never : undefined)
      : ArgTypes[K]
    : never;
type ArgsOf<Ps extends readonly ParamSpec[]> = { [I in keyof Ps]: ArgOf<Ps[I]> };

export interface Example {
  /** Arguments as a formula would pass them: single values or 2D arrays (dates may be ISO text). */
  readonly args: readonly (CellValue | Matrix)[];
  /** The documented answer; a per-row result may leave off trailing blank rows. */
  readonly expect: CellValue | Matrix;
  /** The expected error code instead of a value. */
  readonly error?: string;
}

/**
 * How a number reads: 'general' leaves it as it is; counts and money have no
 * decimals; 'number' has one (days), 'decimal' two (ratios such as coverage).
 */
export type ValueFormat = 'general' | 'count' | 'number' | 'decimal' | 'percent' | 'currency' | 'date';

/**
 * How a fresh result is formatted: one format for every cell, one per column
 * of a table (its header row is text and keeps none), or by the word given to
 * a choice parameter (FORECAST_ERROR's measure: "wape" is a percentage, "bias"
 * an amount of money). The default is the parameter's default.
 */
export type ResultFormat =
  | ValueFormat
  | { readonly columns: readonly ValueFormat[] }
  | { readonly param: string; readonly formats: Readonly<Record<string, ValueFormat>> };

/** Each format as a number-format code every host understands (Sheets, Excel, LibreOffice). */
export const NUMBER_FORMAT_CODES: Readonly<Record<ValueFormat, string | undefined>> = {
  general: undefined,
  count: '#,##0',
  number: '#,##0.0',
  decimal: '0.00',
  percent: '0.0%',
  currency: '$#,##0',
  date: 'yyyy-mm-dd',
};

export interface FunctionSpec<Ps extends readonly ParamSpec[] = readonly ParamSpec[]> {
  readonly name: string;
  readonly category: Category;
  readonly summary: string;
  readonly params: Ps;
  /** per-row: spills one value per row; aggregate: one value; table: a labelled table. */
  readonly result: 'per-row' | 'aggregate' | 'table' | 'per-row or aggregate';
  /** How a host formats a fresh result; numbers are left as they are without it. */
  readonly format?: ResultFormat;
  readonly examples: readonly Example[];
  /** The most cells any one argument may hold, so a call finishes well inside Sheets' 30 s. */
  readonly maxCells: number;
  readonly impl: (...args: ArgsOf<Ps>) => Result;
}

export const DEFAULT_MAX_CELLS = 2_000_000;

export function defineFunction<const Ps extends readonly ParamSpec[]>(
  spec: Omit<FunctionSpec<Ps>, 'maxCells'> & { maxCells?: number },
): FunctionSpec {
  return { maxCells: DEFAULT_MAX_CELLS, ...spec } as unknown as FunctionSpec;
}

function param<K extends ParamKind>(kind: K) {
  return (name: string, description: string, options: { blank?: BlankRule } = {}) => ({
    name,
    kind,
    description,
    optional: false as const,
    ...options,
  });
}

/** Per-row numbers. */
export const numbers = param('numbers');
export const dates = param('dates');
export const labels = param('labels');
export const values = param('values');
export const table = param('table');
export const number = param('number');
export const date = param('date');
export const text = param('text');
export const boolean = param('boolean');

/** Marks a parameter optional; scalar options carry the default the function uses. */
export function optional<K extends ParamKind>(
  spec: ParamSpec<K, false>,
  defaultValue?: number | string | boolean,
  choices?: readonly string[],
): ParamSpec<K, true> {
  return { ...spec, optional: true, defaultValue, choices };
}

export function choice(spec: ParamSpec<'text', false>, defaultValue: string, choices: readonly string[]): ParamSpec<'text', true> {
  return optional(spec, defaultValue, choices);
}

function single(param: ParamSpec, arg: CellValue | HostMatrix, readCell: CellReader): CellValue {
  if (!Array.isArray(arg)) return readCell(arg);
  if (arg.length === 1 && arg[0].length === 1) return readCell(arg[0][0]);
  throw badValue(`${param.name} takes a single value, not a range of ${arg.length} × ${arg[0]?.length ?? 0}`);
}

/**
 * Converts one host argument to the kind its parameter declares; `readCell` reads
 * the host's cells, `start` says where its range starts when a message needs it.
 */
export function convertArg(param: ParamSpec, arg: HostArg, readCell: CellReader = coreCell, start?: StartLookup): unknown {
  if (param.optional && isLeftOut(arg, readCell)) {
    if (param.kind === 'number' || param.kind === 'text' || param.kind === 'boolean' || param.kind === 'date') {
      return param.defaultValue;
    }
    return undefined;
  }
  if (arg === undefined) throw badValue(`${param.name} is required`);
  const options = { readCell, start, blank: param.blank };
  switch (param.kind) {
    case 'numbers':
      return new NumberRange(param.name, asMatrix(arg), readNumber, options);
    case 'dates':
      return new NumberRange(param.name, asMatrix(arg), readDate, options);
    case 'labels':
      return new LabelRange(param.name, asMatrix(arg), options);
    case 'values':
      return new ValueRange(param.name, asMatrix(arg), options);
    case 'table':
      // Tables are small blocks read as a whole (tiers, stages, curves): read every cell now.
      return new Table(param.name, asMatrix(arg).map((row) => row.map((cell) => readCell(cell))), start);
    case 'number':
    case 'date': {
      const value = single(param, arg, readCell);
      if (isBlank(value)) throw badValue(`${param.name} is blank`);
      const read = param.kind === 'number' ? readNumber(value) : readDate(value);
      if (typeof read === 'string') throw badValue(`${param.name} ${describeValue(value)} ${read}`);
      return read;
    }
    case 'boolean': {
      const value = single(param, arg, readCell);
      if (typeof value === 'boolean') return value;
      if (typeof value === 'number' && (value === 0 || value === 1)) return value === 1;
      const word = typeof value === 'string' ? normalizeLabel(value) : '';
      if (word === 'true' || word === 'false') return word === 'true';
      throw badValue(`${param.name} ${describeValue(value)} is not TRUE or FALSE`);
    }
    case 'text': {
      const value = single(param, arg, readCell);
      if (isBlank(value)) throw badValue(`${param.name} is blank`);
      const word = normalizeLabel(String(value));
      if (param.choices && !param.choices.includes(word)) {
        throw badValue(`${param.name} ${describeValue(value)} is not one of: ${param.choices.join(', ')}`);
      }
      return param.choices ? word : String(value).trim();
    }
  }
}

/** An optional argument left out, or given as blank cells, takes its default. */
function isLeftOut(arg: HostArg, readCell: CellReader): boolean {
  if (arg === undefined) return true;
  if (!Array.isArray(arg)) return isBlank(arg as CellValue);
  return arg.every((row: readonly unknown[]) => row.every((cell) => isBlank(readCell(cell))));
}

/**
 * The format of column `col` of a result. `word` is what the call gave the
 * parameter the format depends on (left out: that parameter's default).
 */
export function resultFormatAt(spec: FunctionSpec, col: number, word?: string): ValueFormat {
  const format = spec.format;
  if (format === undefined) return 'general';
  if (typeof format === 'string') return format;
  if ('columns' in format) return format.columns[col] ?? 'general';
  const param = spec.params.find((p) => p.name === format.param);
  const chosen = (word ?? String(param?.defaultValue ?? '')).trim().toLowerCase();
  return format.formats[chosen] ?? 'general';
}
