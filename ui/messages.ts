/**
 * UI text: messages from the catalog by id, formatted for the user's language
 * with ICU MessageFormat (intl-messageformat, from FormatJS: plurals follow
 * Intl.PluralRules, so Polish gets its few/many forms without any code here),
 * and numbers and dates through Intl. The language is chosen once, at start-up,
 * by the host (Sheets' user locale, Excel's display language, the browser's).
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { type Catalog, EN, type MessageId } from './catalog/en';

export type { MessageId } from './catalog/en';

/** Languages with a catalog of their own; any other falls back to English. */
const CATALOGS: Readonly<Record<string, Catalog>> = { en: EN };

let locale = 'en';
let catalog: Catalog = EN;
const formats = new Map<MessageId, IntlMessageFormat>();

/** Chooses the language for every message from now on: a BCP 47 tag such as "de-DE" or "pl". */
export function setLocale(tag: string | undefined): void {
  let chosen = 'en';
  try {
    chosen = tag ? Intl.getCanonicalLocales(tag)[0] : 'en';
  } catch {
    chosen = 'en';
  }
  locale = chosen;
  catalog = CATALOGS[chosen] ?? CATALOGS[chosen.split('-')[0]] ?? EN;
  formats.clear();
}

export function currentLocale(): string {
  return locale;
}

/** Whether `id` names a message: ids that come from declarations (template fields) are checked before use. */
export function isMessageId(id: string): id is MessageId {
  return Object.prototype.hasOwnProperty.call(EN, id);
}

/**
 * A message a declaration names by a plain id (a template's fields and title,
 * the words it writes into its sheet). An id the catalog lacks is a bug in the
 * declaration, so it throws, saying what used it (`usedFor`).
 */
export function declaredText(id: string, values?: Record<string, string | number>, usedFor = 'a template declares'): string {
  if (!isMessageId(id)) throw new Error(`The UI catalog has no message ${id}, which ${usedFor}`);
  return text(id, values);
}

/** The message `id`, with `values` filled in. */
export function text(id: MessageId, values?: Record<string, string | number | Date>): string {
  let format = formats.get(id);
  if (!format) {
    format = new IntlMessageFormat(catalog[id] ?? EN[id], locale);
    formats.set(id, format);
  }
  return String(format.format(values));
}

/** A number as the user's language writes it (1,234.5 or 1.234,5). */
export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(locale, options).format(value);
}
