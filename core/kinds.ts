/**
 * Every kind of parameter and of result, declared once: how the core reads an
 * argument of that kind, and everything a host or the build needs to know about
 * it (its Excel dimensionality, its type in Sheets' autocomplete, whether it is
 * a per-row value, how the playground sizes a spill, the words the docs use).
 * Hosts and build scripts read these tables and nothing else, so a new kind is
 * one entry here, and the compiler names any table that lacks it.
 */
import { badValue } from './errors';
import {
  type BlankRule,
  type CellReader,
  type Limit,
  LabelRange,
  type NumberRange,
  type RangeOptions,
  Table,
  ValueRange,
  asMatrix,
  hostRow,
  numberRange,
  readDate,
  readNumber,
} from './ranges';
import { type TerritoryList, readTerritoryList } from './territory/list';
import { type CellValue, type HostMatrix, describeValue, isBlank, normalizeLabel } from './values';

/** One value, or a 2D array: how Excel hands an argument over and takes a result back. */
export type Dimensionality = 'scalar' | 'matrix';

/** What reading an argument has to hand: the host's cell reader, and where its range starts (for messages). */
export type ReadContext = Required<Pick<RangeOptions, 'readCell'>> & Pick<RangeOptions, 'start'>;

/** What reading an argument needs to know of its parameter (a ParamFacts has these and more). */
export interface ParamFacts extends ParamRules {
  readonly name: string;
  /** The allowed words for a `text` parameter. */
  readonly choices?: readonly string[];
}

/** What a per-row parameter declares about its cells, checked row by row for every function alike. */
export interface ParamRules {
  /** What a blank cell means in a row whose other inputs are filled (default 'required'). */
  readonly blank?: BlankRule;
  /** The values a number may take: one standard message for each limit broken. */
  readonly limit?: Limit;
  /** What one cell is called in messages ("weight" for weights); the parameter's name by default. */
  readonly label?: string;
  /** Said after "is 0" when the limit refuses 0. */
  readonly zeroHint?: string;
}

export interface ParamKindDescriptor<T> {
  /** The argument as the implementation receives it. */
  read(param: ParamFacts, arg: CellValue | HostMatrix, context: ReadContext): T;
  /** Ranges are matrices in Excel; single values are `any` scalars, so the core gives its own clear error. */
  readonly excel: Dimensionality;
  /** The JSDoc type Sheets shows in autocomplete. */
  readonly sheetsType: string;
  /** A per-row value broadcasts against the other per-row arguments; a per-row result spills as far as they reach. */
  readonly perRow: boolean;
  /** What a left-out optional argument becomes: the declared default (single values), or nothing (ranges, tables). */
  readonly leftOut: 'default' | 'nothing';
}

function single(param: ParamFacts, arg: CellValue | HostMatrix, readCell: CellReader): CellValue {
  if (!Array.isArray(arg)) return readCell(arg);
  if (arg.length === 1 && arg[0].length === 1) return readCell(arg[0][0]);
  throw badValue(`${param.name} takes a single value, not a range of ${arg.length} × ${arg[0]?.length ?? 0}`);
}

/** One number or date, required to be there once the argument is given. */
function singleNumber(read: (value: CellValue) => number | string) {
  return (param: ParamFacts, arg: CellValue | HostMatrix, { readCell }: ReadContext): number => {
    const value = single(param, arg, readCell);
    if (isBlank(value)) throw badValue(`${param.name} is blank`);
    const number = read(value);
    if (typeof number === 'string') throw badValue(`${param.name} ${describeValue(value)} ${number}`);
    return number;
  };
}

function rangeOptions(param: ParamFacts, context: ReadContext): RangeOptions {
  const { blank, limit, label, zeroHint } = param;
  return { ...context, blank, limit: limit && { limit, label, zeroHint } };
}

export const PARAM_KINDS = {
  /** Per-row numbers (amounts, quotas, rates); a single cell broadcasts. */
  numbers: {
    read: (param, arg, context): NumberRange => numberRange(param.name, asMatrix(arg), readNumber, rangeOptions(param, context)),
    excel: 'matrix',
    sheetsType: 'number|Array<Array<number>>',
    perRow: true,
    leftOut: 'nothing',
  },
  /** Per-row dates, as day serials. */
  dates: {
    read: (param, arg, context): NumberRange => numberRange(param.name, asMatrix(arg), readDate, rangeOptions(param, context)),
    excel: 'matrix',
    sheetsType: 'Date|Array<Array<Date>>',
    perRow: true,
    leftOut: 'nothing',
  },
  /** Per-row text labels (stages, outcomes, categories), matched ignoring case and spaces. */
  labels: {
    read: (param, arg, context): LabelRange => new LabelRange(param.name, asMatrix(arg), rangeOptions(param, context)),
    excel: 'matrix',
    sheetsType: 'string|Array<Array<string>>',
    perRow: true,
    leftOut: 'nothing',
  },
  /** Per-row numbers or labels (a probability or a stage name). */
  values: {
    read: (param, arg, context): ValueRange => new ValueRange(param.name, asMatrix(arg), rangeOptions(param, context)),
    excel: 'matrix',
    sheetsType: 'number|string|Array<Array<(number|string)>>',
    perRow: true,
    leftOut: 'nothing',
  },
  /** A block read as a whole (stage table, tiers, pay curve, ramp schedule). Tables are small: every cell is read now. */
  table: {
    read: (param, arg, { readCell, start }): Table =>
      new Table(param.name, asMatrix(arg).map((row) => row.map((cell) => readCell(cell))), start),
    excel: 'matrix',
    sheetsType: 'Array<Array<*>>',
    perRow: false,
    leftOut: 'nothing',
  },
  /**
   * Per-row numbers in one or more columns, each column its own measure (potential,
   * workload, account count), read as one range per column. Not per-row for the
   * playground's spill: the answer is one column, however many measures there are.
   */
  measures: {
    read(param, arg, context): NumberRange[] {
      const matrix = asMatrix(arg);
      const cols = matrix[0]?.length ?? 0;
      if (cols <= 1) return [numberRange(param.name, matrix, readNumber, rangeOptions(param, context))];
      return Array.from({ length: cols }, (_, c) => {
        const column = matrix.map((_row, r) => [hostRow(param.name, matrix, r, cols)[c]]);
        const start = () => {
          const first = context.start?.();
          return first && { ...first, col: first.col + c };
        };
        // One row of several columns: each column is a single cell, so its messages name the column.
        const label = matrix.length === 1 ? `${param.label ?? param.name} (column ${c + 1})` : param.label;
        return numberRange(`${param.name} column ${c + 1}`, column, readNumber, rangeOptions({ ...param, label }, { ...context, start }));
      });
    },
    excel: 'matrix',
    sheetsType: 'number|Array<Array<number>>',
    perRow: false,
    leftOut: 'nothing',
  },
  /** A number of territories, or their names (one column) with optional relative target sizes (a second column). */
  territories: {
    read: (param, arg, { readCell }): TerritoryList =>
      readTerritoryList(param.name, asMatrix(arg).map((row, r, rows) => hostRow(param.name, rows, r, rows[0]?.length ?? 0).map((cell) => readCell(cell)))),
    excel: 'matrix',
    sheetsType: 'number|Array<Array<*>>',
    perRow: false,
    leftOut: 'nothing',
  },
  /** One number. */
  number: {
    read: singleNumber(readNumber),
    excel: 'scalar',
    sheetsType: 'number',
    perRow: false,
    leftOut: 'default',
  },
  /** One date, as a day serial. */
  date: {
    read: singleNumber(readDate),
    excel: 'scalar',
    sheetsType: 'Date',
    perRow: false,
    leftOut: 'default',
  },
  /** One word, often one of a fixed list of choices (matched ignoring case). */
  text: {
    read(param, arg, { readCell }): string {
      const value = single(param, arg, readCell);
      if (isBlank(value)) throw badValue(`${param.name} is blank`);
      const word = normalizeLabel(String(value));
      if (param.choices && !param.choices.includes(word)) {
        throw badValue(`${param.name} ${describeValue(value)} is not one of: ${param.choices.join(', ')}`);
      }
      return param.choices ? word : String(value).trim();
    },
    excel: 'scalar',
    sheetsType: 'string',
    perRow: false,
    leftOut: 'default',
  },
  /** TRUE or FALSE (also 1/0 and the words). */
  boolean: {
    read(param, arg, { readCell }): boolean {
      const value = single(param, arg, readCell);
      if (typeof value === 'boolean') return value;
      if (typeof value === 'number' && (value === 0 || value === 1)) return value === 1;
      const word = typeof value === 'string' ? normalizeLabel(value) : '';
      if (word === 'true' || word === 'false') return word === 'true';
      throw badValue(`${param.name} ${describeValue(value)} is not TRUE or FALSE`);
    },
    excel: 'scalar',
    sheetsType: 'boolean',
    perRow: false,
    leftOut: 'default',
  },
} satisfies Record<string, ParamKindDescriptor<unknown>>;

export type ParamKind = keyof typeof PARAM_KINDS;

/** What an argument of kind K is inside the implementation. */
export type ArgOfKind<K extends ParamKind> = ReturnType<(typeof PARAM_KINDS)[K]['read']>;

export interface ResultKindDescriptor {
  readonly excel: Dimensionality;
  /** The JSDoc @return Sheets shows. */
  readonly sheetsReturn: string;
  /**
   * How the playground sizes the spill before the answer is known: as far as the
   * per-row arguments reach ('inputs'), or one cell that grows to the answer's
   * size once it is known ('answer').
   */
  readonly spill: 'inputs' | 'answer';
  /** "Returns …" in the function reference. */
  readonly docs: string;
}

export const RESULT_KINDS = {
  'per-row': {
    excel: 'matrix',
    sheetsReturn: '{number|Array<Array<number>>} One result per row of the inputs (spills down the column).',
    spill: 'inputs',
    docs: 'one value per row (spills down the range)',
  },
  aggregate: {
    excel: 'scalar',
    sheetsReturn: '{number} One value for all rows.',
    spill: 'answer',
    docs: 'one value',
  },
  table: {
    excel: 'matrix',
    sheetsReturn: '{Array<Array<*>>} A table with a row per item (spills).',
    spill: 'answer',
    docs: 'a labelled table (spills)',
  },
  'per-row or aggregate': {
    excel: 'matrix',
    sheetsReturn: '{number|Array<Array<number>>} One result per row, or one value for a summary measure.',
    spill: 'answer',
    docs: 'one value per row, or one value for the summary measures',
  },
} satisfies Record<string, ResultKindDescriptor>;

export type ResultKind = keyof typeof RESULT_KINDS;
