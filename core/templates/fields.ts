/**
 * Template fields, declared the way a function declares its parameters: a kind,
 * a label, a default, limits and help. One declaration drives the sidebar's
 * form, the checks (run in the sidebar as the user types, and again on the
 * server, which anyone can call) and the reference docs.
 *
 * Labels and help are message ids of the UI catalog (ui/catalog/en.ts): the
 * sidebar shows them in the user's language. Percentages are fractions (0.8 is
 * 80%), as everywhere in the product.
 */
import { FormulaError } from '../errors';

/** How high a percentage may go: a rate up to 100%, a share of quota or target (a tier bound, a cap) up to 1000%. */
export type PercentLimit = 'rate' | 'share';

/** The highest share: nobody's plan reaches 1000%, so such a value is a percentage typed as a number (60 for 60%). */
export const MOST_SHARE = 10;

/** Shown (and read) only while another field, declared before it, holds one of these values. */
export interface ShownWhen {
  readonly key: string;
  readonly is: readonly string[];
}

interface FieldBase {
  /** The request's key (and the plan's property) this field fills. */
  readonly key: string;
  /** Catalog id of the field's label. */
  readonly label: string;
  /** Catalog id of a line of help under the field. */
  readonly help?: string;
  readonly shownWhen?: ShownWhen;
}

/** One of a few values; each option's label is the catalog id `${label}.${option}`. */
export interface ChoiceField extends FieldBase {
  readonly kind: 'choice';
  readonly options: readonly string[];
  readonly default: string;
  /** Left out of a request, the field means its default (a plan without periods is paid period by period). */
  readonly optional?: boolean;
}

export interface PercentField extends FieldBase {
  readonly kind: 'percent';
  readonly limit: PercentLimit;
  /** null: the field may be left empty ("no gate"), and starts empty. */
  readonly default: number | null;
  readonly optional?: boolean;
}

/** An amount of money, never negative. */
export interface MoneyField extends FieldBase {
  readonly kind: 'money';
  readonly default: number | null;
  readonly optional?: boolean;
}

export interface BooleanField extends FieldBase {
  readonly kind: 'boolean';
  readonly default: boolean;
}

/** One column of a table of percentages. */
export interface PairColumn {
  readonly key: string;
  readonly label: string;
  readonly limit: PercentLimit;
}

/** A short table of two percentages per row, such as tiers (from, rate) or curve points (attainment, payout). */
export interface PairsField extends FieldBase {
  readonly kind: 'pairs';
  readonly columns: readonly [PairColumn, PairColumn];
  readonly default: readonly (readonly [number, number])[];
  readonly minRows: number;
  readonly maxRows: number;
}

/** Fields that go together and may be switched off as a whole (a draw: its amount and whether it is recovered). */
export interface GroupField extends FieldBase {
  readonly kind: 'group';
  readonly fields: readonly Field[];
  /** Whether the group starts switched on. */
  readonly default: boolean;
}

/** A column of a rows field: a name (text), an amount, or one amount per period (a list). */
export interface RowColumn {
  readonly key: string;
  readonly label: string;
  readonly kind: 'text' | 'money' | 'money-list';
  /** A cell that may be left empty (null), for the template's own checks to judge. */
  readonly optional?: boolean;
  /** An amount that must be above 0 (a quota: attainment divides by it). */
  readonly positive?: boolean;
  /** Shown (and read) only while the form's field `key` holds one of these values. */
  readonly shownWhen?: ShownWhen;
}

/**
 * Rows of data the sheet lists, such as reps with their quota and bookings:
 * taken from a range in the workbook (the user chooses the columns) or from
 * example rows. Amounts may be negative (a refund month); a template's own
 * checks say where they may not.
 */
export interface RowsField extends FieldBase {
  readonly kind: 'rows';
  readonly columns: readonly RowColumn[];
  /** Rows start as (and null means) the template's own example rows, this many of them. */
  readonly default: null;
  readonly examples: number;
  readonly maxRows: number;
  /** The most entries a money-list column holds (twelve months); every row holds as many as the first. */
  readonly maxList: number;
}

export type Field = ChoiceField | PercentField | MoneyField | BooleanField | PairsField | GroupField | RowsField;

export const FIELD_PROBLEM_CODES = [
  /** A required value is absent, or not of its kind. */
  'missing',
  'negative',
  'rate-above-100',
  'above-1000',
  'unknown-choice',
  'too-few',
  'too-many',
  /** Text longer than a cell of the sheet should hold (MOST_TEXT). */
  'too-long',
  'not-positive',
  /** A row with more or fewer entries in a list (one per period) than the first row. */
  'list-length',
] as const;

export type FieldProblemCode = (typeof FIELD_PROBLEM_CODES)[number];

/** A problem addressed to what the form shows: "gate", "tiers[1].from", "draw.amount". */
export interface FieldProblem<Code extends string = FieldProblemCode> {
  readonly field: string;
  readonly code: Code;
}

export type FieldValues = Readonly<Record<string, unknown>>;

/** How many problems a refusal's message lists; the error carries them all. */
const PROBLEMS_LISTED = 5;

/**
 * Values refused for their problems, each naming its field and code ("tiers[1].from
 * (not-ascending)"); hosts show it like any formula error, and the sidebar words
 * each code from the catalog before a request is ever sent.
 */
export class FieldProblemsError<Code extends string = string> extends FormulaError {
  constructor(
    /** What was refused: "the commission plan", "the examples template". */
    what: string,
    readonly problems: readonly FieldProblem<Code>[],
  ) {
    const listed = problems.slice(0, PROBLEMS_LISTED).map((p) => `${p.field} (${p.code})`).join(', ');
    const count = problems.length === 1 ? 'a problem' : `${problems.length} problems`;
    super('#VALUE!', `${what} has ${count}: ${listed}${problems.length > PROBLEMS_LISTED ? ', …' : ''}`);
  }
}

/** The values a form starts with: every field's default, groups switched on or off (null). */
export function defaultValues(fields: readonly Field[]): FieldValues {
  const values: Record<string, unknown> = {};
  for (const field of fields) values[field.key] = defaultOf(field);
  return values;
}

function defaultOf(field: Field): unknown {
  switch (field.kind) {
    case 'pairs':
      return field.default.map(([a, b]) => ({ [field.columns[0].key]: a, [field.columns[1].key]: b }));
    case 'group':
      return field.default ? defaultValues(field.fields) : null;
    default:
      return field.default;
  }
}

/** Whether a field (or a rows field's column) shows, given the values read so far. */
export function isShown(field: { readonly shownWhen?: ShownWhen }, values: FieldValues): boolean {
  const when = field.shownWhen;
  return !when || when.is.includes(values[when.key] as string);
}

/**
 * Reads untrusted values (a request that may come from anywhere) against the
 * declaration: the value of every field that shows, and every problem. A
 * hidden field is left out, whatever the request holds for it; a key the
 * declaration does not name is a caller's mistake the template reports.
 */
export function readFields(fields: readonly Field[], raw: FieldValues, at = ''): { values: FieldValues; problems: FieldProblem[] } {
  const values: Record<string, unknown> = {};
  const problems: FieldProblem[] = [];
  for (const field of fields) {
    if (!isShown(field, values)) continue;
    values[field.key] = readField(field, raw[field.key], `${at}${field.key}`, problems, values);
  }
  return { values, problems };
}

function readField(field: Field, value: unknown, where: string, problems: FieldProblem[], values: FieldValues): unknown {
  const problem = (code: FieldProblemCode, field = where) => {
    problems.push({ field, code });
    return undefined;
  };
  switch (field.kind) {
    case 'choice':
      if ((value === null || value === undefined) && field.optional) return field.default;
      if (typeof value !== 'string') return problem('missing');
      return field.options.includes(value) ? value : problem('unknown-choice');
    case 'boolean':
      return typeof value === 'boolean' ? value : problem('missing');
    case 'money':
      if ((value === null || value === undefined) && field.optional) return null;
      return readAmount(value, where, problems);
    case 'percent':
      if ((value === null || value === undefined) && field.optional) return null;
      return readPercent(value, field.limit, where, problems);
    case 'group': {
      if (value === null || value === undefined) return null;
      if (typeof value !== 'object' || Array.isArray(value)) return problem('missing');
      const inner = readFields(field.fields, value as FieldValues, `${where}.`);
      problems.push(...inner.problems);
      return inner.values;
    }
    case 'rows':
      return readRows(field, value, where, problems, values);
    case 'pairs': {
      if (!Array.isArray(value)) return problem('missing');
      if (value.length < field.minRows) return problem('too-few');
      if (value.length > field.maxRows) return problem('too-many');
      return value.map((row: unknown, k) => {
        const cells = (typeof row === 'object' && row !== null ? row : {}) as FieldValues;
        const read: Record<string, unknown> = {};
        for (const column of field.columns) {
          read[column.key] = readPercent(cells[column.key], column.limit, `${where}[${k}].${column.key}`, problems);
        }
        return read;
      });
    }
  }
}

/** The longest text a rows field keeps in a cell: a rep's name, never an essay. */
export const MOST_TEXT = 200;

function readRows(field: RowsField, value: unknown, where: string, problems: FieldProblem[], form: FieldValues): unknown {
  const problem = (code: FieldProblemCode, at = where) => void problems.push({ field: at, code });
  if (value === null || value === undefined) return null;
  if (!Array.isArray(value)) return problem('missing');
  if (value.length === 0) return problem('too-few');
  if (value.length > field.maxRows) return problem('too-many');
  const columns = field.columns.filter((column) => isShown(column, form));
  const firstList = (column: RowColumn) => ((value[0] ?? {}) as FieldValues)[column.key] as readonly unknown[] | undefined;
  return value.map((row: unknown, k) => {
    const cells = (typeof row === 'object' && row !== null ? row : {}) as FieldValues;
    const read: Record<string, unknown> = {};
    for (const column of columns) {
      const at = `${where}[${k}].${column.key}`;
      const cell = cells[column.key];
      if ((cell === null || cell === undefined) && column.optional) read[column.key] = null;
      else if (column.kind === 'text') {
        if (typeof cell !== 'string') problem('missing', at);
        else if (cell.length > MOST_TEXT) problem('too-long', at);
        else read[column.key] = cell;
      } else if (column.kind === 'money') {
        if (typeof cell !== 'number' || !Number.isFinite(cell)) problem('missing', at);
        else if (column.positive && !(cell > 0)) problem('not-positive', at);
        else read[column.key] = cell;
      } else if (!Array.isArray(cell) || cell.length === 0) problem('missing', at);
      else if (cell.length > field.maxList) problem('too-many', at);
      else if (k > 0 && Array.isArray(firstList(column)) && cell.length !== firstList(column)!.length) problem('list-length', at);
      else {
        cell.forEach((entry: unknown, m) => {
          if (typeof entry !== 'number' || !Number.isFinite(entry)) problem('missing', `${at}[${m}]`);
        });
        read[column.key] = [...cell];
      }
    }
    return read;
  });
}

function readAmount(value: unknown, where: string, problems: FieldProblem[]): number | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return void problems.push({ field: where, code: 'missing' });
  if (value < 0) return void problems.push({ field: where, code: 'negative' });
  return value;
}

function readPercent(value: unknown, limit: PercentLimit, where: string, problems: FieldProblem[]): number | undefined {
  const amount = readAmount(value, where, problems);
  if (amount === undefined) return undefined;
  if (limit === 'rate' && amount > 1) return void problems.push({ field: where, code: 'rate-above-100' });
  if (limit === 'share' && amount > MOST_SHARE) return void problems.push({ field: where, code: 'above-1000' });
  return amount;
}
