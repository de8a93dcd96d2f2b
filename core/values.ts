/**
 * The cell-value model every host converts to before calling the core:
 * numbers, text, booleans and blanks (`null`). Dates are day serials on
 * Excel's epoch (1899-12-30), so 2026-01-01 is 46023.
 */
import type { FormulaError } from './errors';

export type CellValue = number | string | boolean | null;
export type Matrix<T = CellValue> = T[][];
/** A host's range as it arrived: rows of cells the core reads one at a time (see CellReader). */
export type HostMatrix = readonly (readonly unknown[])[];
/** One argument as a host hands it over: a single value in the core's model, or a range. */
export type HostArg = CellValue | HostMatrix | undefined;

/** A result cell may carry an error that marks just that row. */
export type ResultCell = CellValue | FormulaError;
export type Result = ResultCell | Matrix<ResultCell>;

const MS_PER_DAY = 86_400_000;
/** Day serial of 1970-01-01 on Excel's 1899-12-30 epoch. */
const UNIX_EPOCH_SERIAL = 25_569;

export function isBlank(value: CellValue | undefined): value is null | undefined {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

export function serialFromYmd(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY + UNIX_EPOCH_SERIAL;
}

export function ymdFromSerial(serial: number): { year: number; month: number; day: number } {
  const date = new Date(Math.round((Math.floor(serial) - UNIX_EPOCH_SERIAL) * MS_PER_DAY));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function isoFromSerial(serial: number): string {
  const { year, month, day } = ymdFromSerial(serial);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Serial of a wall-clock instant given as milliseconds since 1970 in local (not UTC) terms. */
export function serialFromLocalMillis(localMillis: number): number {
  return localMillis / MS_PER_DAY + UNIX_EPOCH_SERIAL;
}

/**
 * The longest text parseNumberText reads: no real number needs more, and a cell
 * of megabytes is then refused after a glance instead of being scanned.
 */
export const MAX_NUMBER_TEXT = 100;
/** The longest date text the date forms below can be ("2026-03-31"). */
const MAX_DATE_TEXT = 10;

// Each part has a bounded length, so these cannot backtrack more than a few steps.
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const SLASH_DATE = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/;

/**
 * Day serial of date text, or undefined when the text is not an unambiguous date.
 * Only year-first forms are accepted: 03/04/2026 means different days in different locales.
 */
export function parseDateText(text: string): number | undefined {
  const body = text.trim();
  if (body.length > MAX_DATE_TEXT) return undefined;
  const match = ISO_DATE.exec(body) ?? SLASH_DATE.exec(body);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return undefined;
  const serial = serialFromYmd(year, month, day);
  return ymdFromSerial(serial).day === day ? serial : undefined;
}

const PLUS = 43;
const MINUS = 45;
const DOT = 46;
const ZERO = 48;
const NINE = 57;
const LOWER_E = 101;

function skipDigits(text: string, i: number): number {
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code < ZERO || code > NINE) break;
    i++;
  }
  return i;
}

/**
 * Where the plain decimal number that starts at `start` ends, or -1 when none
 * starts there: an optional sign, then digits with an optional fraction ("12",
 * "12.", "12.5" or ".5"), then, with `exponent`, an optional power of ten
 * ("e3", "E-3"). Digits are ASCII 0-9 only. One pass that never steps back, so
 * it takes time in proportion to the number, whatever follows it; the regular
 * expression it replaces (\d+\.?\d*) could split a run of digits in n ways and
 * tried them all when the text went on with a letter.
 */
export function scanDecimal(text: string, start: number, exponent = true): number {
  let i = start;
  const sign = text.charCodeAt(i);
  if (sign === PLUS || sign === MINUS) i++;
  let end = skipDigits(text, i);
  let digits = end - i;
  if (text.charCodeAt(end) === DOT) {
    const fractionEnd = skipDigits(text, end + 1);
    digits += fractionEnd - end - 1;
    end = fractionEnd;
  }
  if (digits === 0) return -1;
  if (exponent && (text.charCodeAt(end) | 0x20) === LOWER_E) {
    let j = end + 1;
    const powerSign = text.charCodeAt(j);
    if (powerSign === PLUS || powerSign === MINUS) j++;
    const powerEnd = skipDigits(text, j);
    // "12e" or "12e+" is no power: the number ends before the e, and the caller sees text follow it.
    if (powerEnd > j) end = powerEnd;
  }
  return end;
}

/**
 * The number in numeric text ("1250", "-3.5", "1.5e6", "12%"), or undefined.
 * Thousands separators and currency signs are refused: they differ between locales.
 * Text of more than MAX_NUMBER_TEXT characters (spaces around it aside) is not a number.
 */
export function parseNumberText(text: string): number | undefined {
  let body = text.trim();
  if (body.length > MAX_NUMBER_TEXT) return undefined;
  let scale = 1;
  if (body.endsWith('%')) {
    body = body.slice(0, -1).trim();
    scale = 0.01;
  }
  if (scanDecimal(body, 0) !== body.length) return undefined;
  const value = Number(body) * scale;
  return Number.isFinite(value) ? value : undefined;
}

/** Labels match case-insensitively after trimming spaces. */
export function normalizeLabel(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** How a value reads inside an error message. */
export function describeValue(value: CellValue | undefined): string {
  if (value === null || value === undefined) return 'blank';
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 37)}...` : value}"`;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return formatNumber(value);
}

export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(12)));
}

/** A fraction for messages: 0.6 → "60%". */
export function formatPercent(fraction: number): string {
  return `${formatNumber(fraction * 100)}%`;
}
