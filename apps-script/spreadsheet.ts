/**
 * What the server-side modules share: the error log, and the spreadsheet's
 * date reader. Nothing here touches a service when the file loads (Sheets
 * evaluates Code.js for every batch of custom-function calls).
 */
import { DateReader } from './dates';
import { serverText } from './messages';

export const PRODUCT_TITLE = serverText('product.name');

/** The execution log (Stackdriver), never the sheet. */
export function log(...data: unknown[]): void {
  console.error(...data);
}

let dateReader: DateReader | undefined;

/** One reader per batch of calls: the zone and its offsets are looked up at most once or twice. */
export function spreadsheetDates(): DateReader {
  return (dateReader ??= new DateReader(
    () => SpreadsheetApp.getActive().getSpreadsheetTimeZone(),
    (date, zone, pattern) => Utilities.formatDate(date, zone, pattern),
  ));
}
