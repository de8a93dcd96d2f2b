/**
 * Numbers and dates as exports write them: "$12,000.00", "USD 12,000.00",
 * "12.000,50 €", "(1,200)", "45%", "3/31/2026", "31.03.2026", "2026-03-31 14:05".
 *
 * parseNumberText and parseDateText (values.ts) stay strict for function
 * arguments, where 1,000 and 03/04/2026 mean different things in different
 * locales. Here the caller knows more: it has read a whole column and decided
 * its decimal mark and its day order (see playground/io/detect-types.ts), and
 * passes them in. Everything is scanned once, left to right, with no pattern
 * that could backtrack; text longer than any real value is refused at a glance.
 */
import { MAX_NUMBER_TEXT, serialFromYmd, ymdFromSerial } from './values';

export type DecimalMark = '.' | ',';

export interface WrittenNumber {
  readonly value: number;
  readonly kind: 'number' | 'percent' | 'currency';
  /** The sign or ISO code the amount was written with ("$", "USD", "€"), for currency. */
  readonly currency?: string;
  /** Whether the currency came after the amount ("12,00 €"). */
  readonly currencyAfter?: boolean;
  /** Digits after the decimal mark. */
  readonly decimals: number;
  /** Whether thousands were grouped ("12,000"). */
  readonly grouped: boolean;
  /** Whether the whole part starts with a 0 that carries no value ("007"): codes, not amounts. */
  readonly leadingZero: boolean;
  /** Significant digits written: more than 15 cannot be held exactly by a spreadsheet number. */
  readonly digits: number;
}

const CURRENCY_SIGNS = new Set(['$', '€', '£', '¥', '₹', '₩', '₪', '₺', '₽', 'R$', 'kr', 'zł', 'Fr.']);
/** ISO 4217 codes of the currencies CRM exports commonly carry. */
const CURRENCY_CODES = new Set(
  ('USD EUR GBP JPY CHF CAD AUD NZD SEK NOK DKK PLN CZK HUF RON BGN INR CNY HKD SGD BRL MXN ZAR KRW ' +
    'TRY ILS AED SAR RUB THB IDR MYR PHP TWD CLP COP ARS PEN NGN EGP VND').split(' '),
);
/** Thousands separators each decimal mark allows (spaces for "12 000,50"; the apostrophe for Swiss "12'000.50"). */
const GROUP_MARKS: Record<DecimalMark, string> = { '.': ",'", ',': '. \u00a0\u202f' };

const isDigit = (code: number) => code >= 48 && code <= 57;
const isUpper = (code: number) => code >= 65 && code <= 90;

/** The currency written at `i`: a sign such as "$" or "R$", or an ISO code; its length, or 0. */
function currencyAt(text: string, i: number): string | undefined {
  for (const length of [3, 2, 1]) {
    const sign = text.slice(i, i + length);
    if (CURRENCY_SIGNS.has(sign)) return sign;
  }
  if (isUpper(text.charCodeAt(i)) && isUpper(text.charCodeAt(i + 1)) && isUpper(text.charCodeAt(i + 2))) {
    const code = text.slice(i, i + 3);
    if (CURRENCY_CODES.has(code) && !isUpper(text.charCodeAt(i + 3))) return code;
  }
  return undefined;
}

function skipSpaces(text: string, i: number): number {
  while (i < text.length && (text[i] === ' ' || text[i] === '\u00a0' || text[i] === '\u202f')) i++;
  return i;
}

/**
 * A number as an export writes it, read with the column's decimal mark; undefined
 * for anything else. A currency may come before or after the amount, a sign before
 * either, and brackets mark a negative amount as accountants write it.
 */
export function parseWrittenNumber(text: string, mark: DecimalMark = '.'): WrittenNumber | undefined {
  let body = text.trim();
  if (body.length === 0 || body.length > MAX_NUMBER_TEXT) return undefined;
  let negative = false;
  if (body[0] === '(' && body[body.length - 1] === ')') {
    negative = true;
    body = body.slice(1, -1).trim();
  }
  let i = 0;
  const sign = () => {
    if (body[i] === '-' || body[i] === '+') {
      if (body[i] === '-') negative = !negative;
      i = skipSpaces(body, i + 1);
    }
  };
  sign();
  let currency = currencyAt(body, i);
  if (currency) {
    i = skipSpaces(body, i + currency.length);
    sign();
  }

  // The whole part, grouped in threes or not at all, then the fraction.
  const groups = GROUP_MARKS[mark];
  let whole = '';
  let grouped = false;
  const start = i;
  while (isDigit(body.charCodeAt(i))) i++;
  whole = body.slice(start, i);
  while (whole.length > 0 && groups.includes(body[i] ?? '\n')) {
    const next = i + 1;
    let end = next;
    while (isDigit(body.charCodeAt(end))) end++;
    if (end - next !== 3 || (!grouped && whole.length > 3)) break;
    whole += body.slice(next, end);
    grouped = true;
    i = end;
  }
  let fraction = '';
  if (body[i] === mark) {
    const from = ++i;
    while (isDigit(body.charCodeAt(i))) i++;
    fraction = body.slice(from, i);
  }
  if (whole.length + fraction.length === 0) return undefined;
  let power = '';
  if (mark === '.' && !grouped && (body[i] === 'e' || body[i] === 'E')) {
    let end = i + 1;
    if (body[end] === '+' || body[end] === '-') end++;
    const digitsFrom = end;
    while (isDigit(body.charCodeAt(end))) end++;
    if (end > digitsFrom) {
      power = body.slice(i, end);
      i = end;
    }
  }

  i = skipSpaces(body, i);
  let kind: WrittenNumber['kind'] = 'number';
  let currencyAfter = false;
  if (body[i] === '%' && !currency) {
    kind = 'percent';
    i++;
  } else if (!currency && i < body.length) {
    currency = currencyAt(body, i);
    if (currency) i += currency.length;
    currencyAfter = currency !== undefined;
  }
  if (currency) kind = 'currency';
  if (i !== body.length) return undefined;

  const digits = whole + fraction;
  let first = 0;
  let last = digits.length;
  while (first < last && digits[first] === '0') first++;
  while (last > first && digits[last - 1] === '0') last--;
  let value = Number(`${whole || '0'}.${fraction || '0'}${power}`);
  if (kind === 'percent') value /= 100;
  if (negative) value = -value;
  if (!Number.isFinite(value)) return undefined;
  return {
    value: value === 0 ? 0 : value,
    kind,
    currency,
    currencyAfter,
    decimals: fraction.length,
    grouped,
    leadingZero: whole.length > 1 && whole[0] === '0',
    digits: last - first,
  };
}

export type DayOrder = 'ymd' | 'mdy' | 'dmy';

/** A date as written, before its day order is known: three numbers between one separator, and a time. */
export interface WrittenDate {
  readonly parts: readonly [number, number, number];
  /** How many digits each part had: a 4-digit first part is a year. */
  readonly widths: readonly [number, number, number];
  readonly separator: '/' | '.' | '-';
  /** Time of day as a fraction of a day (0 when none was written). */
  readonly time: number;
  readonly hasTime: boolean;
}

/** The longest date and time text worth reading ("2026-03-31T14:05:09.123+02:00" and a little room). */
const MAX_DATE_TIME_TEXT = 40;

function readDigits(text: string, i: number, max: number): { value: number; end: number } | undefined {
  let end = i;
  while (end - i < max && isDigit(text.charCodeAt(end))) end++;
  if (end === i || isDigit(text.charCodeAt(end))) return undefined;
  return { value: Number(text.slice(i, end)), end };
}

/** "14:05", "2:05:09 PM", "14:05:09.123Z", "14:05+02:00" from `i` to the end: a day fraction, or undefined. */
function readTime(text: string, i: number): number | undefined {
  const hours = readDigits(text, i, 2);
  if (!hours || text[hours.end] !== ':') return undefined;
  const minutes = readDigits(text, hours.end + 1, 2);
  if (!minutes || minutes.end - hours.end - 1 !== 2) return undefined;
  let seconds = 0;
  let at = minutes.end;
  if (text[at] === ':') {
    const s = readDigits(text, at + 1, 2);
    if (!s || s.end - at - 1 !== 2) return undefined;
    seconds = s.value;
    at = s.end;
    if (text[at] === '.') {
      const millis = readDigits(text, at + 1, 9);
      if (!millis) return undefined;
      seconds += Number(`0.${text.slice(at + 1, millis.end)}`);
      at = millis.end;
    }
  }
  let hour = hours.value;
  const rest = text.slice(skipSpaces(text, at)).toUpperCase();
  if (rest === 'AM' || rest === 'PM') {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (rest === 'PM' ? 12 : 0);
  } else if (rest !== '' && rest !== 'Z' && !/^[+-]\d\d:?\d\d$/.test(rest)) {
    // A zone ("Z", "+02:00") is read as written: the wall-clock time the export shows.
    return undefined;
  }
  if (hour > 23 || minutes.value > 59 || seconds >= 60) return undefined;
  return (hour * 3600 + minutes.value * 60 + seconds) / 86_400;
}

/** A date as written ("3/31/2026", "31.03.2026", "2026-03-31 14:05"), or undefined; the day order is decided later. */
export function readWrittenDate(text: string): WrittenDate | undefined {
  const body = text.trim();
  if (body.length < 5 || body.length > MAX_DATE_TIME_TEXT) return undefined;
  const first = readDigits(body, 0, 4);
  if (!first) return undefined;
  const separator = body[first.end];
  if (separator !== '/' && separator !== '.' && separator !== '-') return undefined;
  const second = readDigits(body, first.end + 1, 2);
  if (!second || body[second.end] !== separator) return undefined;
  const third = readDigits(body, second.end + 1, 4);
  if (!third) return undefined;
  let end = third.end;
  // "31.03.2026." is how some locales end a date.
  if (separator === '.' && body[end] === '.') end++;
  let time = 0;
  let hasTime = false;
  if (end < body.length) {
    let at = end;
    if (body[at] === 'T') at++;
    else {
      if (body[at] === ',') at++;
      const spaced = skipSpaces(body, at);
      if (spaced === at) return undefined;
      at = spaced;
    }
    const fraction = readTime(body, at);
    if (fraction === undefined) return undefined;
    time = fraction;
    hasTime = true;
  }
  return {
    parts: [first.value, second.value, third.value],
    widths: [first.end, second.end - first.end - 1, third.end - second.end - 1],
    separator,
    time,
    hasTime,
  };
}

/** Two-digit years as Excel reads them: 00-29 are 2000-2029, 30-99 are 1930-1999. */
function fullYear(year: number, width: number): number | undefined {
  if (width === 4) return year;
  if (width === 2) return year < 30 ? 2000 + year : 1900 + year;
  return undefined;
}

/** Day serial (with its time of day) of a written date in the given order, or undefined when it is no real date. */
export function serialOfWrittenDate(date: WrittenDate, order: DayOrder): number | undefined {
  const [a, b, c] = date.parts;
  const [wa, , wc] = date.widths;
  let year: number | undefined;
  let month: number;
  let day: number;
  if (order === 'ymd') {
    if (wa !== 4) return undefined;
    [year, month, day] = [a, b, c];
  } else {
    year = fullYear(c, wc);
    [month, day] = order === 'mdy' ? [a, b] : [b, a];
  }
  if (year === undefined || year < 1900 || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const serial = serialFromYmd(year, month, day);
  return ymdFromSerial(serial).day === day ? serial + date.time : undefined;
}
