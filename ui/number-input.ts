/**
 * Numbers typed into a form field the way the user's language writes them:
 * "12,5" in German and Polish, "1,250.5" in English, "1 250" with the French or
 * Polish group space, a currency sign or a percent sign around it. One pass
 * over the text, no pattern: long text costs a scan, never backtracking.
 */
import { parseNumberText } from '../core/values';

interface Separators {
  readonly decimal: string;
  readonly group: string;
}

const separatorsByLocale = new Map<string, Separators>();

function separatorsOf(locale: string): Separators {
  let known = separatorsByLocale.get(locale);
  if (!known) {
    const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
    known = {
      decimal: parts.find((part) => part.type === 'decimal')?.value ?? '.',
      group: parts.find((part) => part.type === 'group')?.value ?? ',',
    };
    separatorsByLocale.set(locale, known);
  }
  return known;
}

/** Spaces a group separator may be typed as: the plain space, no-break space and narrow no-break space. */
const SPACES = new Set([' ', '\u00a0', '\u202f']);
const CURRENCY_SIGNS = new Set(['$', '€', '£', '¥', '₹', '₩', 'zł', 'zl', 'CHF', 'kr']);
/** The longest text a form's number may be: far more than any amount needs. */
const MOST_CHARACTERS = 40;

function isDigitRun(text: string, start: number, length: number): boolean {
  if (start + length > text.length) return false;
  for (let i = start; i < start + length; i++) if (text[i] < '0' || text[i] > '9') return false;
  return true;
}

/**
 * The number in `text` as written in `locale`, or undefined when it is not one.
 * A trailing % divides by 100, as in a cell. Blank text is null: a field left empty.
 */
export function parseLocalNumber(text: string, locale: string): number | null | undefined {
  let body = text.trim();
  if (body === '') return null;
  if (body.length > MOST_CHARACTERS) return undefined;
  for (const sign of CURRENCY_SIGNS) {
    if (body.startsWith(sign)) body = body.slice(sign.length).trim();
    else if (body.endsWith(sign)) body = body.slice(0, -sign.length).trim();
  }
  const { decimal, group } = separatorsOf(locale);
  const groupIsSpace = SPACES.has(group);
  let plain = '';
  for (let i = 0; i < body.length; i++) {
    const char = body[i];
    if (char === decimal) plain += '.';
    else if (char === group || (groupIsSpace && SPACES.has(char))) {
      // A group separator stands before exactly three digits: "12,5" in English is a slip, not 125.
      if (!isDigitRun(body, i + 1, 3) || isDigitRun(body, i + 4, 1)) return undefined;
    } else plain += char;
  }
  return parseNumberText(plain);
}

/** A fraction as the user's language writes a percentage, without the sign: 0.125 → "12.5" (or "12,5"). */
export function percentText(fraction: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 4, useGrouping: false }).format(Math.round(fraction * 1e8) / 1e6);
}

/** An amount as the user's language writes it, grouped: 250000 → "250,000". */
export function amountText(amount: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(amount);
}
