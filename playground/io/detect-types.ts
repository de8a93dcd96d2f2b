/**
 * Types for an imported table, decided a column at a time: a column is dates,
 * numbers, percentages, amounts in one currency or TRUE/FALSE only when every
 * value in it reads that way, so one odd cell never turns a column of codes
 * into numbers. What no single value can settle (is 3/4/2026 the 4th of March
 * or the 3rd of April? is 1,250 a thousand and more or one and a quarter?) is
 * settled by the rest of the column, then by the rest of the file, and only
 * then by the export's convention, and the caller is told which.
 */
import type { CellValue } from '../../core/values';
import {
  type DayOrder,
  type DecimalMark,
  type WrittenNumber,
  parseWrittenNumber,
  readWrittenDate,
  serialOfWrittenDate,
} from '../../core/written';

export type ColumnKind = 'blank' | 'text' | 'boolean' | 'date' | 'number' | 'percent' | 'currency';

export interface ColumnReading {
  readonly kind: ColumnKind;
  /** The number format the column's values were written in, for the grid and the .xlsx. */
  readonly format?: string;
  /** For dates: the day order, and whether the values showed it or only the convention of their separator did. */
  readonly order?: DayOrder;
  readonly orderFrom?: 'values' | 'file' | 'convention';
  /** For numbers: the decimal mark they were read with. */
  readonly mark?: DecimalMark;
  /** Amounts in more than one currency stay text: adding them up would be wrong. */
  readonly currencies?: readonly string[];
  /** Whole numbers under a "(%)" header (Salesforce's "Probability (%)") read as percentages. */
  readonly percentFromHeader?: boolean;
}

export interface TypedTable {
  /** The body's cells: text, numbers (dates as day serials), booleans and blanks. */
  readonly rows: CellValue[][];
  readonly columns: readonly ColumnReading[];
}

const ORDERS: readonly DayOrder[] = ['ymd', 'mdy', 'dmy'];
const MARKS: readonly DecimalMark[] = ['.', ','];
/** Spreadsheets hold 15 significant digits: longer digit strings are identifiers and stay text. */
const MAX_DIGITS = 15;

/** What one pass over a column learned: which readings every value fits. */
interface Survey {
  count: number;
  booleans: boolean;
  orders: Set<DayOrder>;
  separators: Set<string>;
  dateWidths: [boolean, boolean];
  times: { any: boolean; seconds: boolean };
  marks: Map<DecimalMark, NumberSurvey>;
}

interface NumberSurvey {
  kinds: Set<WrittenNumber['kind']>;
  currencies: Map<string, { after: boolean }>;
  decimals: number;
  grouped: boolean;
}

function survey(values: readonly string[]): Survey {
  const result: Survey = {
    count: values.length,
    booleans: true,
    orders: new Set(ORDERS),
    separators: new Set(),
    dateWidths: [true, true],
    times: { any: false, seconds: false },
    marks: new Map(MARKS.map((mark) => [mark, { kinds: new Set(), currencies: new Map(), decimals: 0, grouped: false }])),
  };
  for (const value of values) {
    if (result.booleans && !isBooleanText(value)) result.booleans = false;
    if (result.orders.size > 0) {
      const date = readWrittenDate(value);
      if (!date) result.orders.clear();
      else {
        result.separators.add(date.separator);
        for (const order of [...result.orders]) if (serialOfWrittenDate(date, order) === undefined) result.orders.delete(order);
        // Whether every month and day was written with two digits ("03/04"), for the format.
        if (date.widths[0] !== 2 && date.widths[0] !== 4) result.dateWidths[0] = false;
        if (date.widths[1] !== 2) result.dateWidths[1] = false;
        if (date.time > 0) result.times.any = true;
        if (Math.round(date.time * 86_400) % 60 !== 0) result.times.seconds = true;
      }
    }
    for (const [mark, numbers] of [...result.marks]) {
      const number = parseWrittenNumber(value, mark);
      if (!number || number.leadingZero || number.digits > MAX_DIGITS) {
        result.marks.delete(mark);
        continue;
      }
      numbers.kinds.add(number.kind);
      if (number.currency) numbers.currencies.set(number.currency, { after: number.currencyAfter === true });
      numbers.decimals = Math.max(numbers.decimals, number.decimals);
      numbers.grouped ||= number.grouped;
    }
  }
  return result;
}

function isBooleanText(text: string): boolean {
  const upper = text.toUpperCase();
  return upper === 'TRUE' || upper === 'FALSE';
}

const decimalPlaces = (n: number) => (n > 0 ? `.${'0'.repeat(Math.min(n, 6))}` : '');

/** A literal in a number format: "$" stands as it is; anything else is quoted. */
const literal = (text: string) => (text === '$' ? '$' : `"${text}"`);

function currencyFormat(currency: string, after: boolean, decimals: number): string {
  const amount = `#,##0${decimalPlaces(decimals)}`;
  if (after) return `${amount}${literal(` ${currency}`)}`;
  return `${literal(currency.length === 3 ? `${currency} ` : currency)}${amount}`;
}

function dateFormat(order: DayOrder, found: Survey): string {
  const separator = [...found.separators][0] ?? '-';
  const [first, second] = found.dateWidths;
  const month = order === 'dmy' ? second : order === 'mdy' ? first : true;
  const day = order === 'dmy' ? first : order === 'mdy' ? second : true;
  const m = month ? 'mm' : 'm';
  const d = day ? 'dd' : 'd';
  const date = order === 'ymd' ? `yyyy${separator}${m}${separator}${d}` : order === 'mdy' ? `${m}${separator}${d}${separator}yyyy` : `${d}${separator}${m}${separator}yyyy`;
  return found.times.any ? `${date} hh:mm${found.times.seconds ? ':ss' : ''}` : date;
}

/** A column's reading once its day order or decimal mark is settled. */
function readingOf(found: Survey, header: string, order: DayOrder | undefined, mark: DecimalMark | undefined): ColumnReading {
  if (found.count === 0) return { kind: 'blank' };
  if (found.booleans) return { kind: 'boolean' };
  if (order) return { kind: 'date', order, format: dateFormat(order, found) };
  const numbers = mark ? found.marks.get(mark) : undefined;
  if (!mark || !numbers) return { kind: 'text' };
  const { kinds, currencies, decimals, grouped } = numbers;
  if (kinds.size === 1 && kinds.has('percent')) return { kind: 'percent', mark, format: `0${decimalPlaces(decimals)}%` };
  if (kinds.has('percent')) return { kind: 'number', mark };
  if (currencies.size > 1) return { kind: 'text', currencies: [...currencies.keys()] };
  if (currencies.size === 1) {
    const [[currency, { after }]] = [...currencies];
    return { kind: 'currency', mark, format: currencyFormat(currency, after, decimals) };
  }
  if (header.trim().endsWith('(%)')) return { kind: 'percent', mark, percentFromHeader: true, format: `0${decimalPlaces(decimals)}%` };
  return { kind: 'number', mark, format: grouped ? `#,##0${decimalPlaces(decimals)}` : undefined };
}

/** The day order the values leave open between month-first and day-first, if that is all they leave open. */
const undecidedOrder = (found: Survey) => found.orders.size === 2 && !found.orders.has('ymd');

/**
 * Reads a table of text (a CSV export's cells, under its header row) into typed cells.
 * Cells that are not text (from an .xlsx, already typed) are kept as they are, and a
 * column holding any of them is not read again.
 */
export function detectTypes(header: readonly string[], body: readonly (readonly CellValue[])[]): TypedTable {
  let width = header.length;
  for (const row of body) width = Math.max(width, row.length);
  const surveys: (Survey | undefined)[] = [];
  for (let c = 0; c < width; c++) {
    const values: string[] = [];
    let typed = false;
    for (const row of body) {
      const cell = row[c];
      if (typeof cell === 'string') {
        const trimmed = cell.trim();
        if (trimmed !== '') values.push(trimmed);
      } else if (cell !== null && cell !== undefined) typed = true;
    }
    surveys.push(typed ? undefined : survey(values));
  }

  // What the columns that could be read only one way say about the file.
  let fileOrder: DayOrder | undefined;
  let fileMark: DecimalMark | undefined;
  for (const found of surveys) {
    if (!found || found.count === 0 || found.booleans) continue;
    if (found.orders.size === 1 && !found.orders.has('ymd')) fileOrder ??= [...found.orders][0];
    if (found.orders.size === 0 && found.marks.size === 1) fileMark ??= [...found.marks.keys()][0];
  }

  const columns: ColumnReading[] = surveys.map((found, c) => {
    if (!found) return { kind: 'text' };
    let order: DayOrder | undefined;
    let orderFrom: ColumnReading['orderFrom'];
    if (found.orders.has('ymd')) [order, orderFrom] = ['ymd', 'values'];
    else if (undecidedOrder(found)) {
      // 3/4/2026 fits both orders: the file's other dates decide, else the separator's convention (dots are day-first).
      [order, orderFrom] = fileOrder ? [fileOrder, 'file'] : [found.separators.has('.') ? 'dmy' : 'mdy', 'convention'];
    } else if (found.orders.size === 1) [order, orderFrom] = [[...found.orders][0], 'values'];
    const mark = found.marks.size === 2 ? (fileMark ?? '.') : [...found.marks.keys()][0];
    const reading = readingOf(found, String(header[c] ?? ''), order, mark);
    return reading.kind === 'date' ? { ...reading, orderFrom } : reading;
  });

  const rows = body.map((row) => {
    const out: CellValue[] = new Array(width);
    for (let c = 0; c < width; c++) out[c] = convert(row[c] ?? null, columns[c]);
    return out;
  });
  return { rows, columns };
}

function convert(cell: CellValue, reading: ColumnReading): CellValue {
  if (typeof cell !== 'string') return cell;
  const text = cell.trim();
  if (text === '') return null;
  switch (reading.kind) {
    case 'boolean':
      return text.toUpperCase() === 'TRUE';
    case 'date': {
      const date = readWrittenDate(text);
      return date && reading.order ? (serialOfWrittenDate(date, reading.order) ?? cell) : cell;
    }
    case 'number':
    case 'percent':
    case 'currency': {
      const number = parseWrittenNumber(text, reading.mark);
      if (!number) return cell;
      return reading.percentFromHeader ? number.value / 100 : number.value;
    }
    default:
      return cell;
  }
}
