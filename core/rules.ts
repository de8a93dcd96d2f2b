/**
 * Assignment rules for ASSIGN_BY_RULES: a table whose header names attribute
 * columns plus one `Owner` column, one rule per row. Each rule cell is parsed
 * once into a condition; matching an account is then plain comparisons.
 *
 * Rule cells, as an ops analyst writes them:
 * - blank or `*`: any value;
 * - text: equal to the attribute, ignoring case and surrounding spaces;
 * - a number or date (`250`, `2026-03-31`): equal to the attribute's number;
 * - a comparison: `>=1000`, `<50`, `>`, `<=`, `=`, `<>` followed by a number or
 *   date; `=West` / `<>West` compare text; a bare `=` matches a blank attribute
 *   and a bare `<>` any non-blank one (as in COUNTIFS);
 * - a range `100-999`: between the bounds, inclusive (`-50--10` and `-5-5` work
 *   for negative bounds).
 * A comparison or range never matches an attribute that is not a number. A rule
 * cell of more than MAX_RULE_TEXT characters is an error.
 */
import { badValue } from './errors';
import { type Table, inCell } from './ranges';
import {
  type CellValue,
  describeValue,
  formatNumber,
  isBlank,
  normalizeLabel,
  parseDateText,
  parseNumberText,
  scanDecimal,
} from './values';

export enum Test {
  EqualNumber,
  NotEqualNumber,
  EqualText,
  NotEqualText,
  IsBlank,
  NotBlank,
  Greater,
  GreaterOrEqual,
  Less,
  LessOrEqual,
  Between,
}

/** One parsed rule cell. `column` indexes the attribute table's columns. */
export interface Condition {
  readonly column: number;
  readonly test: Test;
  /** The number compared with (the lower bound for Between). */
  readonly low: number;
  /** The upper bound for Between. */
  readonly high: number;
  /** The normalised text for EqualText / NotEqualText. */
  readonly key: string;
}

export interface Rule {
  /** 1-based row of the rule in the rules table, for messages. */
  readonly row: number;
  readonly conditions: readonly Condition[];
  readonly owner: CellValue;
}

export interface RuleSet {
  readonly rules: readonly Rule[];
  /** Attribute columns some rule compares as numbers / as text. */
  readonly numericColumns: ReadonlySet<number>;
  readonly textColumns: ReadonlySet<number>;
}

/**
 * The longest rule cell read. Rules are short (`>=1000`, `West`, `100-999`); a
 * longer cell is a paste gone wrong, refused before anything scans it.
 */
export const MAX_RULE_TEXT = 1000;

/** Two-character operators first, so `>=` is not read as `>` then `=1000`. */
const OPERATORS = ['>=', '<=', '<>', '>', '<', '='] as const;

/** Whether a UTF-16 code unit is white space, as \s and String.prototype.trim see it. */
function isSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

function skipSpaces(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** Past the spaces and the `%` that may follow a range bound (`10 %`); just past the spaces without one. */
function skipPercent(text: string, i: number): number {
  const j = skipSpaces(text, i);
  return text.charCodeAt(j) === 37 /* % */ ? j + 1 : j;
}

/**
 * The two bounds of a range rule, as text (`100-999`, `-50--10`, `10% - 20%`),
 * or undefined when `text` is not one: a number, optional `%`, `-`, a number,
 * optional `%`, with spaces allowed around each part. Scanned in one pass: the
 * pattern this replaces let two runs of spaces share the spaces between them,
 * so a long run of spaces took quadratic time.
 */
function rangeBounds(text: string): [string, string] | undefined {
  const lowEnd = scanDecimal(text, 0, false);
  if (lowEnd < 0) return undefined;
  const dash = skipSpaces(text, skipPercent(text, lowEnd));
  if (text.charCodeAt(dash) !== 45 /* - */) return undefined;
  const highStart = skipSpaces(text, dash + 1);
  const highEnd = scanDecimal(text, highStart, false);
  if (highEnd < 0 || skipPercent(text, highEnd) !== text.length) return undefined;
  return [text.slice(0, dash), text.slice(highStart)];
}

/** The number in text that is a plain number, a percentage or a year-first date; undefined otherwise. */
export function numberInText(text: string): number | undefined {
  return parseNumberText(text) ?? parseDateText(text);
}

/** How a cell reads when compared as text: normalised, numbers as the sheet shows them; null when blank. */
export function textKey(cell: CellValue): string | null {
  if (isBlank(cell)) return null;
  if (typeof cell === 'number') return formatNumber(cell);
  return normalizeLabel(String(cell));
}

/** How a cell reads when compared as a number: the number, numeric or date text, or NaN. */
export function numberKey(cell: CellValue): number {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : NaN;
  if (typeof cell === 'string') return numberInText(cell) ?? NaN;
  return NaN;
}

function condition(column: number, test: Test, low = NaN, high = NaN, key = ''): Condition {
  return { column, test, low, high, key };
}

/**
 * Parses one rule cell for attribute column `column`; null means "any value".
 * `where` places the cell in messages ("rules row 3, column "Size"").
 */
export function parseCondition(cell: CellValue, column: number, where: () => string): Condition | null {
  if (isBlank(cell)) return null;
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) throw badValue(`${where()} is not a finite number`);
    return condition(column, Test.EqualNumber, cell);
  }
  if (typeof cell === 'boolean') return condition(column, Test.EqualText, NaN, NaN, cell ? 'true' : 'false');
  const text = cell.trim();
  if (text === '*') return null;
  if (text.length > MAX_RULE_TEXT) {
    throw badValue(
      `${where()} ${describeValue(text)} is ${text.length.toLocaleString('en-US')} characters long: ` +
        `a rule is at most ${MAX_RULE_TEXT.toLocaleString('en-US')}`,
    );
  }

  const op = OPERATORS.find((candidate) => text.startsWith(candidate));
  if (op) {
    const operand = text.slice(op.length).trim();
    const value = numberInText(operand);
    if (operand === '') {
      if (op === '=') return condition(column, Test.IsBlank);
      if (op === '<>') return condition(column, Test.NotBlank);
      throw badValue(`${where()} ${describeValue(text)} needs a number or date after ${op}`);
    }
    if (value === undefined) {
      if (op === '=') return condition(column, Test.EqualText, NaN, NaN, normalizeLabel(operand));
      if (op === '<>') return condition(column, Test.NotEqualText, NaN, NaN, normalizeLabel(operand));
      throw badValue(
        `${where()} ${describeValue(text)} compares with text: ${op} needs a number or a date such as ${op}1000 or ${op}2026-03-31`,
      );
    }
    switch (op) {
      case '=':
        return condition(column, Test.EqualNumber, value);
      case '<>':
        return condition(column, Test.NotEqualNumber, value);
      case '>':
        return condition(column, Test.Greater, value);
      case '>=':
        return condition(column, Test.GreaterOrEqual, value);
      case '<':
        return condition(column, Test.Less, value);
      default:
        return condition(column, Test.LessOrEqual, value);
    }
  }

  const value = numberInText(text);
  if (value !== undefined) return condition(column, Test.EqualNumber, value);

  const range = rangeBounds(text);
  if (range) {
    const low = parseNumberText(range[0]);
    const high = parseNumberText(range[1]);
    if (low !== undefined && high !== undefined) {
      if (low > high) {
        throw badValue(
          `${where()} ${describeValue(text)} is a range that runs backwards: write the lower bound first, ` +
            `${formatNumber(high)}-${formatNumber(low)}`,
        );
      }
      return condition(column, Test.Between, low, high);
    }
  }
  return condition(column, Test.EqualText, NaN, NaN, normalizeLabel(text));
}

/** Whether a condition reads the attribute as text (or its blankness) rather than as a number. */
export function comparesText(c: Condition): boolean {
  return c.test === Test.EqualText || c.test === Test.NotEqualText || c.test === Test.IsBlank || c.test === Test.NotBlank;
}

/** A condition bound to the attribute column it reads, read once per call as numbers or as text ids. */
export interface BoundCondition {
  readonly test: Test;
  readonly low: number;
  readonly high: number;
  /** The column as numbers (NaN where not a number), for number tests. */
  readonly numbers: Float64Array;
  /** The column as text ids (BLANK_ID where blank), for text tests: equal ids are equal text. */
  readonly ids: Int32Array;
  /** The id of the condition's text in that column (NO_ID when no account has it). */
  readonly keyId: number;
}

export const BLANK_ID = -1;
export const NO_ID = -2;

/**
 * Keeps, among `rows[0 .. count)`, the accounts that pass `c`, in order, moving
 * them to the front of `rows`; returns how many passed. One condition is tested
 * against many accounts in a tight loop of its own, so matching costs a few
 * array reads per account and rule.
 */
export function keepPassing(c: BoundCondition, rows: Int32Array, count: number): number {
  const { numbers, ids, low, high, keyId } = c;
  let kept = 0;
  switch (c.test) {
    case Test.EqualNumber:
      for (let i = 0; i < count; i++) if (numbers[rows[i]] === low) rows[kept++] = rows[i];
      break;
    case Test.NotEqualNumber:
      for (let i = 0; i < count; i++) if (numbers[rows[i]] !== low) rows[kept++] = rows[i];
      break;
    case Test.EqualText:
      for (let i = 0; i < count; i++) if (ids[rows[i]] === keyId) rows[kept++] = rows[i];
      break;
    case Test.NotEqualText:
      for (let i = 0; i < count; i++) if (ids[rows[i]] !== keyId) rows[kept++] = rows[i];
      break;
    case Test.IsBlank:
      for (let i = 0; i < count; i++) if (ids[rows[i]] === BLANK_ID) rows[kept++] = rows[i];
      break;
    case Test.NotBlank:
      for (let i = 0; i < count; i++) if (ids[rows[i]] !== BLANK_ID) rows[kept++] = rows[i];
      break;
    case Test.Greater:
      for (let i = 0; i < count; i++) if (numbers[rows[i]] > low) rows[kept++] = rows[i];
      break;
    case Test.GreaterOrEqual:
      for (let i = 0; i < count; i++) if (numbers[rows[i]] >= low) rows[kept++] = rows[i];
      break;
    case Test.Less:
      for (let i = 0; i < count; i++) if (numbers[rows[i]] < low) rows[kept++] = rows[i];
      break;
    case Test.LessOrEqual:
      for (let i = 0; i < count; i++) if (numbers[rows[i]] <= low) rows[kept++] = rows[i];
      break;
    case Test.Between:
      for (let i = 0; i < count; i++) {
        const x = numbers[rows[i]];
        if (x >= low && x <= high) rows[kept++] = rows[i];
      }
      break;
  }
  return kept;
}

function headerText(cell: CellValue): string {
  return typeof cell === 'string' ? cell.trim() : describeValue(cell);
}

/**
 * Reads the rules table against the attribute table's header row. Every rule
 * column must name an attribute column (case-insensitive) except one `Owner`
 * column; fully blank rule rows are skipped.
 */
export function readRules(table: Table, attributeHeader: readonly CellValue[], attributesName = 'attributes'): RuleSet {
  const { name: rulesName, cells: rules } = table;
  const header = rules[0] ?? [];
  const width = header.length;

  const attributeColumn = new Map<string, number>();
  const duplicated = new Set<string>();
  attributeHeader.forEach((cell, c) => {
    const key = textKey(cell);
    if (key === null) return;
    if (attributeColumn.has(key)) duplicated.add(key);
    else attributeColumn.set(key, c);
  });

  const columnHasValues = (c: number) => rules.some((row, r) => r > 0 && !isBlank(row[c]));
  let ownerColumn = -1;
  const targets: number[] = new Array(width).fill(-1);
  for (let c = 0; c < width; c++) {
    const key = textKey(header[c]);
    if (key === null) {
      if (columnHasValues(c)) throw badValue(`${rulesName} column ${c + 1} has rules but no header: name the ${attributesName} column it tests`);
      continue;
    }
    if (key === 'owner') {
      if (ownerColumn >= 0) throw badValue(`${rulesName} has two Owner columns (columns ${ownerColumn + 1} and ${c + 1})`);
      ownerColumn = c;
      continue;
    }
    const target = attributeColumn.get(key);
    if (target === undefined) {
      const known = attributeHeader.filter((cell) => !isBlank(cell)).map(headerText);
      throw badValue(
        `${rulesName} column "${headerText(header[c])}" names no column of ${attributesName}` +
          (known.length ? ` (its columns are ${known.join(', ')})` : `: give ${attributesName} a header row`),
      );
    }
    if (duplicated.has(key)) throw badValue(`${attributesName} has two columns named "${headerText(header[c])}": rename one`);
    targets[c] = target;
  }
  if (ownerColumn < 0) throw badValue(`${rulesName} needs an Owner column: the owner each rule assigns`);

  const parsed: Rule[] = [];
  const numericColumns = new Set<number>();
  const textColumns = new Set<number>();
  for (let r = 1; r < rules.length; r++) {
    const row = rules[r];
    if (row.every((cell) => isBlank(cell))) continue;
    const owner = row[ownerColumn];
    if (isBlank(owner)) throw badValue(`Owner is blank${inCell(table, r, ownerColumn)}: every rule needs an owner`);
    const conditions: Condition[] = [];
    for (let c = 0; c < width; c++) {
      if (targets[c] < 0) continue;
      const where = () => `the rule${inCell(table, r, c)} for "${headerText(header[c])}":`;
      const parsedCondition = parseCondition(row[c], targets[c], where);
      if (!parsedCondition) continue;
      conditions.push(parsedCondition);
      (comparesText(parsedCondition) ? textColumns : numericColumns).add(parsedCondition.column);
    }
    parsed.push({ row: r + 1, conditions, owner: typeof owner === 'string' ? owner.trim() : owner });
  }
  if (parsed.length === 0) throw badValue(`${rulesName} has no rules below its header row`);
  return { rules: parsed, numericColumns, textColumns };
}
