/**
 * How numbers read in the grid: the number formats sheet plans use ('#,##0',
 * '0%', '0.0%', 'yyyy-mm-dd', 'mmm yyyy', …) and a General format for the rest.
 * Dates are day serials on the 1899-12-30 epoch.
 */
import { ymdFromSerial } from '../core/values';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTHS_LONG = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/** The kind of number a cell holds when it has no explicit format (HyperFormula's detailed types). */
export type NumberKind = 'number' | 'percent' | 'date' | 'datetime' | 'time' | 'currency';

const pad2 = (n: number) => String(n).padStart(2, '0');

export function isDateFormat(format: string): boolean {
  const body = format.replace(/"[^"]*"/g, '');
  return /[yd]/i.test(body) || (/m/i.test(body) && !/[0#]/.test(body));
}

function formatDate(serial: number, format: string): string {
  if (!Number.isFinite(serial) || serial < 0 || serial > 2_958_465) return '#######';
  const { year, month, day } = ymdFromSerial(serial);
  const seconds = Math.round((serial - Math.floor(serial)) * 86_400) % 86_400;
  // After an hour, m and mm are minutes ("yyyy-mm-dd hh:mm"), as in Excel.
  let afterHour = false;
  return format.replace(/yyyy|yy|mmmm|mmm|mm|m|dd|d|hh|h|ss|s/gi, (token) => {
    const lower = token.toLowerCase();
    const minutes = afterHour && (lower === 'm' || lower === 'mm');
    afterHour = lower === 'h' || lower === 'hh';
    if (minutes) return lower === 'mm' ? pad2(Math.floor(seconds / 60) % 60) : String(Math.floor(seconds / 60) % 60);
    switch (lower) {
      case 'hh':
        return pad2(Math.floor(seconds / 3600));
      case 'h':
        return String(Math.floor(seconds / 3600));
      case 'ss':
        return pad2(seconds % 60);
      case 's':
        return String(seconds % 60);
      case 'yyyy':
        return String(year);
      case 'yy':
        return pad2(year % 100);
      case 'mmmm':
        return MONTHS_LONG[month - 1];
      case 'mmm':
        return MONTHS[month - 1];
      case 'mm':
        return pad2(month);
      case 'm':
        return String(month);
      case 'dd':
        return pad2(day);
      default:
        return String(day);
    }
  });
}

function groupThousands(digits: string): string {
  let grouped = '';
  for (let end = digits.length; end > 0; end -= 3) {
    const group = digits.slice(Math.max(0, end - 3), end);
    grouped = grouped ? `${group},${grouped}` : group;
  }
  return grouped;
}

/** Literal text in a number format, as shown: '"USD "' is USD and a space. */
const unquote = (text: string) => text.replace(/"/g, '');

/** The parts of a number format: prefix, integer digits, decimal places, percent sign, suffix (with their quotes, as written). */
function patternParts(format: string) {
  let i = 0;
  // A quoted literal ('"Fr. "#,##0') may hold any character, digits and points included.
  for (let quoted = false; i < format.length && (quoted || !'#0,.%'.includes(format[i])); i++) {
    if (format[i] === '"') quoted = !quoted;
  }
  const prefix = format.slice(0, i);
  const integerFrom = i;
  while (i < format.length && '#0,'.includes(format[i])) i++;
  const integerPart = format.slice(integerFrom, i);
  let decimals = '';
  if (format[i] === '.' && format[i + 1] === '0') {
    const from = ++i;
    while (format[i] === '0') i++;
    decimals = format.slice(from, i);
  }
  const percent = format[i] === '%' ? '%' : '';
  return { prefix, integerPart, decimals, percent, suffix: format.slice(i + percent.length) };
}

/** '#,##0.00', '0%', '$#,##0' and the like. */
function formatNumberPattern(value: number, format: string): string {
  const { prefix, integerPart, decimals, percent, suffix } = patternParts(format);
  const scaled = percent ? value * 100 : value;
  const places = decimals.length;
  const fixed = Math.abs(scaled).toFixed(places);
  const [whole, fraction] = fixed.split('.');
  const grouped = integerPart.includes(',') ? groupThousands(whole) : whole;
  const negative = scaled < 0 && Number(fixed) !== 0;
  return `${negative ? '-' : ''}${unquote(prefix)}${grouped}${fraction ? `.${fraction}` : ''}${percent}${unquote(suffix)}`;
}

/** General: whole numbers as they are, others to 10 significant digits. */
export function general(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  const rounded = Number(value.toPrecision(10));
  if (Math.abs(rounded) >= 1e-6 || rounded === 0) {
    const text = String(rounded);
    if (!text.includes('e')) return text;
  }
  const [mantissa, exponent] = rounded.toExponential(5).split('e');
  // "1.50000" → "1.5", "2.00000" → "2": the mantissa always has a point and five decimals.
  let end = mantissa.length;
  while (mantissa[end - 1] === '0') end--;
  if (mantissa[end - 1] === '.') end--;
  return `${mantissa.slice(0, end)}E${exponent}`;
}

/** A number as the grid shows it, with an explicit format or by its kind. */
export function formatNumber(value: number, format?: string, kind: NumberKind = 'number'): string {
  if (format) return isDateFormat(format) ? formatDate(value, format) : formatNumberPattern(value, format);
  switch (kind) {
    case 'percent':
      return `${general(value * 100)}%`;
    case 'date':
      return formatDate(value, 'yyyy-mm-dd');
    case 'datetime': {
      const minutes = Math.round((value - Math.floor(value)) * 1440);
      return `${formatDate(value, 'yyyy-mm-dd')} ${pad2(Math.floor(minutes / 60) % 24)}:${pad2(minutes % 60)}`;
    }
    case 'time': {
      const seconds = Math.round((value - Math.floor(value)) * 86400);
      return `${pad2(Math.floor(seconds / 3600) % 24)}:${pad2(Math.floor(seconds / 60) % 60)}:${pad2(seconds % 60)}`;
    }
    case 'currency':
      return formatNumberPattern(value, '$#,##0.00');
    default:
      return general(value);
  }
}

/** The number format a file writes for a number the grid shows by its kind (no format of its own). */
export function formatForKind(kind: NumberKind, value: number): string | undefined {
  switch (kind) {
    case 'percent':
      // 60% as "0%", 12.5% as "0.0#####%": never "60.%".
      return Number.isInteger(Number((value * 100).toPrecision(12))) ? '0%' : '0.0#####%';
    case 'date':
      return 'yyyy-mm-dd';
    case 'datetime':
      return 'yyyy-mm-dd hh:mm';
    case 'time':
      return 'hh:mm:ss';
    case 'currency':
      return '$#,##0.00';
    default:
      return undefined;
  }
}

/** Whether a format shows numbers as percentages ('0%', '0.0%'). */
export function isPercentFormat(format: string | undefined): boolean {
  return format !== undefined && !isDateFormat(format) && patternParts(format).percent === '%';
}

/** How many decimal places a number format shows (0 for dates). */
export function decimalsOf(format: string): number {
  return isDateFormat(format) ? 0 : patternParts(format).decimals.length;
}

/**
 * The format with `delta` more (or fewer) decimal places, none below 0 or above
 * 10. A cell with no format starts from the places its number shows in General.
 * Dates keep their format.
 */
export function withDecimals(format: string | undefined, value: number, delta: number): string | undefined {
  if (format !== undefined && isDateFormat(format)) return format;
  if (format === undefined) {
    const shown = general(value);
    const point = shown.indexOf('.');
    const places = point < 0 || shown.includes('E') ? 0 : shown.length - point - 1;
    return numberPattern('', '#,##0', Math.max(0, Math.min(10, places + delta)), '', '');
  }
  const { prefix, integerPart, decimals, percent, suffix } = patternParts(format);
  const places = Math.max(0, Math.min(10, decimals.length + delta));
  return numberPattern(prefix, integerPart || '0', places, percent, suffix);
}

function numberPattern(prefix: string, integerPart: string, places: number, percent: string, suffix: string): string {
  return `${prefix}${integerPart}${places > 0 ? `.${'0'.repeat(places)}` : ''}${percent}${suffix}`;
}
