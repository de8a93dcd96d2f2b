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

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const SLASH_DATE = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/;

/**
 * Day serial of date text, or undefined when the text is not an unambiguous date.
 * Only year-first forms are accepted: 03/04/2026 means different days in different locales.
 */
export function parseDateText(text: string): number | undefined {
  const match = ISO_DATE.exec(text.trim()) ?? SLASH_DATE.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return undefined;
  const serial = serialFromYmd(year, month, day);
  return ymdFromSerial(serial).day === day ? serial : undefined;
}

const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * The number in numeric text ("1250", "-3.5", "12%"), or undefined.
 * Thousands separators and currency signs are refused: they differ between locales.
 */
export function parseNumberText(text: string): number | undefined {
  let body = text.trim();
  let scale = 1;
  if (body.endsWith('%')) {
    body = body.slice(0, -1).trim();
    scale = 0.01;
  }
  if (!PLAIN_NUMBER.test(body)) return undefined;
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
