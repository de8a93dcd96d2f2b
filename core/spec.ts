/**
 * A function is declared once as a spec; the hosts, the docs and the example
 * tests are all generated from it. Parameters declare their kind, and the core
 * converts each argument to that kind before the implementation runs, so every
 * implementation starts from clean, typed input.
 */
import { badValue } from './errors';
import { type ArgOfKind, PARAM_KINDS, type ParamKind, type ParamRules, type ResultKind } from './kinds';
import { type CellReader, type StartLookup, coreCell } from './ranges';
import { type CellValue, type HostArg, type Matrix, type Result, isBlank } from './values';

export type { ParamKind, ResultKind } from './kinds';

export type Category = 'quota' | 'pipeline' | 'forecast' | 'commission' | 'territory' | 'capacity';

export interface ParamSpec<K extends ParamKind = ParamKind, Optional extends boolean = boolean, Defaulted extends boolean = boolean>
  extends ParamRules {
  readonly name: string;
  readonly kind: K;
  readonly description: string;
  readonly optional: Optional;
  /** The default used when an optional argument is left out or blank, as the docs show it. */
  readonly defaultValue?: Defaulted extends true ? number | string | boolean : undefined;
  /** The allowed words for a `text` parameter. */
  readonly choices?: readonly string[];
}

/**
 * What the implementation receives for a parameter: its kind's value, or
 * undefined when it is optional and left out, unless a default stands in
 * (single values take their declared default; ranges and tables never do).
 */
type ArgOf<P> =
  P extends ParamSpec<infer K, infer Optional, infer Defaulted>
    ? Optional extends false
      ? ArgOfKind<K>
      : Defaulted extends true
        ? (typeof PARAM_KINDS)[K]['leftOut'] extends 'default'
          ? ArgOfKind<K>
          : ArgOfKind<K> | undefined
        : ArgOfKind<K> | undefined
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
  /** per-row: spills one value per row; aggregate: one value; table: a labelled table (see RESULT_KINDS). */
  readonly result: ResultKind;
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
  return (name: string, description: string, rules: ParamRules = {}): ParamSpec<K, false, false> => ({
    name,
    kind,
    description,
    optional: false,
    ...rules,
  });
}

/** Per-row numbers. */
export const numbers = param('numbers');
export const dates = param('dates');
export const labels = param('labels');
export const values = param('values');
export const table = param('table');
/** Per-row numbers in one or more columns, one measure per column. */
export const measures = param('measures');
export const territories = param('territories');
export const number = param('number');
export const date = param('date');
export const text = param('text');
export const boolean = param('boolean');

/**
 * Marks a parameter optional. A single value's default is what the function
 * receives when it is left out; a range's only documents what leaving it out means.
 */
export function optional<K extends ParamKind>(spec: ParamSpec<K, false, false>): ParamSpec<K, true, false>;
export function optional<K extends ParamKind>(
  spec: ParamSpec<K, false, false>,
  defaultValue: number | string | boolean,
  choices?: readonly string[],
): ParamSpec<K, true, true>;
export function optional<K extends ParamKind>(
  spec: ParamSpec<K, false, false>,
  defaultValue?: number | string | boolean,
  choices?: readonly string[],
): ParamSpec<K, true> {
  return { ...spec, optional: true, defaultValue, choices } as ParamSpec<K, true>;
}

export function choice(spec: ParamSpec<'text', false, false>, defaultValue: string, choices: readonly string[]): ParamSpec<'text', true, true> {
  return optional(spec, defaultValue, choices);
}

/**
 * Converts one host argument to the kind its parameter declares; `readCell` reads
 * the host's cells, `start` says where its range starts when a message needs it.
 */
export function convertArg(param: ParamSpec, arg: HostArg, readCell: CellReader = coreCell, start?: StartLookup): unknown {
  const kind = PARAM_KINDS[param.kind];
  if (param.optional && isLeftOut(arg, readCell)) return kind.leftOut === 'default' ? param.defaultValue : undefined;
  if (arg === undefined) throw badValue(`${param.name} is required`);
  return kind.read(param, arg, { readCell, start });
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
