/**
 * The text Sheets shows outside the sidebar (the add-on menu, toasts, dialog
 * titles) and the words templates write into the sheets the server builds,
 * from the UI catalog by id. Code.js carries only these messages: when it is
 * bundled, the catalog is cut down to them (serverCatalog, used by
 * scripts/build/apps-script.ts), and they take no arguments, so the ICU
 * formatter stays out of Code.js too.
 */
import { type Catalog, EN, type MessageId } from '../ui/catalog/en';

const SHEETS_UI_IDS = [
  'product.name',
  'sheets.menu.openSidebar',
  'sheets.menu.insertExamples',
  'sheets.menu.functionHelp',
  'sheets.toast.inserted',
  'sheets.help.title',
] as const satisfies readonly MessageId[];

/** The catalog's "template sheets" section: every word a template writes, and its sheet's name. */
const SHEET_WORD_PREFIX = 'templateSheet.';
type SheetWordId = Extract<MessageId, `${typeof SHEET_WORD_PREFIX}${string}`>;
const isSheetWordId = (id: string): id is SheetWordId => id.startsWith(SHEET_WORD_PREFIX) && Object.prototype.hasOwnProperty.call(EN, id);

export const SERVER_MESSAGE_IDS: readonly ServerMessageId[] = [...SHEETS_UI_IDS, ...Object.keys(EN).filter(isSheetWordId)];

export type ServerMessageId = (typeof SHEETS_UI_IDS)[number] | SheetWordId;

export function serverText(id: ServerMessageId): string {
  return EN[id];
}

/** The words planTemplate writes into a sheet, on the server (a SheetWords of core/templates/words.ts). */
export function serverWords(id: string): string {
  if (!isSheetWordId(id)) throw new Error(`Code.js has no sheet word ${id}: the catalog's template sheets section lacks it`);
  return EN[id];
}

/**
 * The part of a catalog Code.js carries. Refuses a server id the catalog lacks,
 * and a message with arguments or ICU quoting, which would need the formatter.
 */
export function serverCatalog(catalog: Catalog = EN): Record<ServerMessageId, string> {
  const slice = {} as Record<ServerMessageId, string>;
  for (const id of SERVER_MESSAGE_IDS) {
    const message = catalog[id];
    if (typeof message !== 'string') throw new Error(`The UI catalog has no message ${id}, which Sheets shows`);
    if (/[{}']/.test(message)) throw new Error(`Message ${id} has an argument or a quote, so Code.js could not show it as plain text: ${message}`);
    slice[id] = message;
  }
  return slice;
}
