/**
 * What a typed entry becomes, as Google Sheets and Excel (en-US) make it:
 * `1,000` and `$5,000` are numbers, `60%` is 0.6, `2026-03-31` and
 * `3/31/2026` are dates, `TRUE` is a boolean, `=…` a formula and a leading
 * apostrophe keeps the rest as text. A number typed with a thousands
 * separator, a currency sign, a percent sign or as a date also brings the
 * number format that shows it the way it was typed.
 *
 * Why here and not in HyperFormula's own parser: HyperFormula refuses a
 * thousands separator that is also its function-argument separator
 * (`thousandSeparator: ','` with `functionArgSeparator: ','` is a config
 * conflict), and a comma between arguments is what every formula here is
 * written with. Its parser also keeps the typed kind out of reach of the number
 * formats (a typed `60%` would stay a percentage whatever format the cell is
 * given), and reads neither `-$5,000` nor `(1,000)`. So typed text is read
 * here once, to a raw value and a format, and HyperFormula is handed the value.
 *
 * One pass over the text with no regular expression; text longer than any
 * number (MAX_NUMBER_TEXT) is text at a glance.
 */
import { MAX_NUMBER_TEXT, scanDecimal, serialFromYmd, ymdFromSerial } from '../core/values';

export type TypedValue =
  | { readonly kind: 'blank' }
  | { readonly kind: 'formula'; readonly formula: string }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'error'; readonly code: string }
  | { readonly kind: 'number'; readonly value: number; readonly format?: string };

export interface TypingOptions {
  /** The cell shows percentages: a number typed without % is a percentage (60 means 60%), as in Excel. */
  readonly percentCell?: boolean;
  /** How a date with slashes is read: month first (3/31/2026, the default) or day first (31/3/2026). */
  readonly dateOrder?: 'mdy' | 'dmy';
}

const ERROR_CODES: ReadonlySet<string> = new Set(['#N/A', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#NULL!']);
const CURRENCY_SIGNS = '$€£';

export function parseTypedInput(input: string, options: TypingOptions = {}): TypedValue {
  if (input.startsWith("'")) return { kind: 'text', text: input.slice(1) };
  const body = input.trim();
  if (body === '') return { kind: 'blank' };
  if (body.startsWith('=') && body.length > 1) return { kind: 'formula', formula: body };
  const upper = body.toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return { kind: 'boolean', value: upper === 'TRUE' };
  if (ERROR_CODES.has(upper)) return { kind: 'error', code: upper };
  if (body.length <= MAX_NUMBER_TEXT) {
    const number = readNumber(body) ?? readDate(body, options.dateOrder ?? 'mdy');
    if (number) {
      if (options.percentCell && number.format === undefined && Math.abs(number.value) >= 1) {
        return { kind: 'number', value: number.value / 100 };
      }
      return { kind: 'number', ...number };
    }
  }
  return { kind: 'text', text: input };
}

interface ReadNumber {
  readonly value: number;
  readonly format?: string;
}

/**
 * "-1,234.5", "$5,000", "-$5,000", "$-5,000", "(1,000)", "($1,000.50)",
 * "12.5%", "1e3": a sign or brackets, a currency sign, digits grouped by
 * commas in threes (or not grouped at all), a fraction, an exponent, a percent.
 */
function readNumber(text: string): ReadNumber | undefined {
  let i = 0;
  let end = text.length;
  let negative = false;
  if (text[0] === '(' && text[end - 1] === ')') {
    negative = true;
    i++;
    end--;
  }
  const sign = () => {
    if (text[i] !== '-' && text[i] !== '+') return true;
    if (negative) return false;
    negative = text[i] === '-';
    i++;
    return true;
  };
  if (!sign()) return undefined;
  let currency = '';
  if (CURRENCY_SIGNS.includes(text[i] ?? '\u0000')) currency = text[i++];
  if (currency && !sign()) return undefined;
  let percent = false;
  if (text[end - 1] === '%' && !currency) {
    percent = true;
    end--;
    while (end > i && text[end - 1] === ' ') end--;
  }
  const number = text.slice(i, end);
  const grouped = number.includes(',');
  const digits = grouped ? ungroup(number) : number;
  if (digits === undefined || digits === '' || scanDecimal(digits, 0) !== digits.length) return undefined;
  if (digits[0] === '+' || digits[0] === '-') return undefined;
  const magnitude = Number(digits) / (percent ? 100 : 1);
  if (!Number.isFinite(magnitude)) return undefined;
  const value = negative && magnitude !== 0 ? -magnitude : magnitude;
  const decimals = decimalPlaces(digits);
  if (percent) return { value, format: `0${places(decimals)}%` };
  if (currency) return { value, format: `${currency}#,##0${places(decimals > 0 ? 2 : 0)}` };
  if (grouped) return { value, format: `#,##0${places(decimals > 0 ? 2 : 0)}` };
  return { value };
}

/** "1,234,567.5" → "1234567.5"; undefined unless every group after the first has exactly three digits. */
function ungroup(number: string): string | undefined {
  const point = number.indexOf('.');
  const whole = point < 0 ? number : number.slice(0, point);
  const groups = whole.split(',');
  if (groups[0].length < 1 || groups[0].length > 3) return undefined;
  for (const group of groups) {
    for (const ch of group) if (ch < '0' || ch > '9') return undefined;
  }
  for (let g = 1; g < groups.length; g++) if (groups[g].length !== 3) return undefined;
  const fraction = point < 0 ? '' : number.slice(point);
  if (fraction.includes(',')) return undefined;
  return groups.join('') + fraction;
}

function decimalPlaces(digits: string): number {
  const point = digits.indexOf('.');
  if (point < 0) return 0;
  let end = point + 1;
  while (end < digits.length && digits[end] >= '0' && digits[end] <= '9') end++;
  return end - point - 1;
}

const places = (n: number) => (n > 0 ? `.${'0'.repeat(Math.min(n, 10))}` : '');

/** "2026-03-31", "2026/3/31", "3/31/2026", "3/31/26" (or day first): the day serial and the format that shows it so. */
function readDate(text: string, order: 'mdy' | 'dmy'): ReadNumber | undefined {
  if (text.length > 10) return undefined;
  const separator = text.includes('-') ? '-' : '/';
  const parts = text.split(separator);
  if (parts.length !== 3) return undefined;
  for (const part of parts) {
    if (part.length === 0 || part.length > 4) return undefined;
    for (const ch of part) if (ch < '0' || ch > '9') return undefined;
  }
  let year: number;
  let month: number;
  let day: number;
  let format: string;
  if (parts[0].length === 4) {
    [year, month, day] = parts.map(Number);
    format = separator === '-' ? 'yyyy-mm-dd' : 'yyyy/mm/dd';
    if (parts[1].length > 2 || parts[2].length > 2) return undefined;
  } else {
    if (separator !== '/' || parts[0].length > 2 || parts[1].length > 2 || parts[2].length === 1 || parts[2].length === 3) return undefined;
    [month, day] = order === 'mdy' ? [Number(parts[0]), Number(parts[1])] : [Number(parts[1]), Number(parts[0])];
    year = Number(parts[2]);
    // Two-digit years as Excel and Sheets read them: 00–29 are 2000–2029, 30–99 are 1930–1999.
    if (parts[2].length === 2) year += year < 30 ? 2000 : 1900;
    format = order === 'mdy' ? 'm/d/yyyy' : 'd/m/yyyy';
  }
  if (year < 1900 || month < 1 || month > 12 || day < 1) return undefined;
  const serial = serialFromYmd(year, month, day);
  const back = ymdFromSerial(serial);
  if (back.day !== day || back.month !== month) return undefined;
  return { value: serial, format };
}
