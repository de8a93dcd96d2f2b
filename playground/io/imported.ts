/**
 * What reading a file gives the workbook: new sheets (sheet plans, so they are
 * written like a template's, in one batch under unique names) and notes on
 * what the reader decided, for the message the user sees. Reading never
 * touches the workbook, so a file that cannot be read changes nothing.
 */
import type { SheetPlan } from '../../core/templates';
import type { DayOrder } from '../../core/written';

/** A sheet read from a file: a sheet plan, with its header row frozen. */
export type ImportedSheet = SheetPlan;

/** A note on how a file was read; `sheet` is the index of the sheet it concerns in ImportedFile.sheets. */
export type ImportNote =
  /** Report title lines above the table and totals or legal lines below it, left out of the sheet. */
  | { readonly kind: 'left-out'; readonly sheet: number; readonly before: number; readonly after: number; readonly label?: string }
  /** Dates every one of which fits both month-first and day-first: read in the order named, for the reason given. */
  | { readonly kind: 'day-order'; readonly sheet: number; readonly column: string; readonly order: DayOrder; readonly from: 'file' | 'convention' }
  /** Amounts in several currencies, kept as text. */
  | { readonly kind: 'mixed-currencies'; readonly sheet: number; readonly column: string; readonly currencies: readonly string[] }
  /** Whole numbers under a "(%)" header read as percentages (10 is 10%). */
  | { readonly kind: 'percent-header'; readonly sheet: number; readonly column: string }
  /** The file was not UTF-8 and was read as Windows-1252 (Excel's "CSV" on Windows). */
  | { readonly kind: 'encoding'; readonly encoding: string };

export interface ImportedFile {
  readonly sheets: readonly ImportedSheet[];
  readonly notes: readonly ImportNote[];
}

export type ImportFailure = 'empty' | 'too-many-rows' | 'too-many-columns' | 'not-a-table-file' | 'old-excel' | 'unreadable';

/** A file the playground cannot open, and why, in terms the message catalog words for the user. */
export class ImportError extends Error {
  constructor(
    readonly reason: ImportFailure,
    readonly details: Readonly<Record<string, string | number>> = {},
  ) {
    super(`${reason}: ${JSON.stringify(details)}`);
    this.name = 'ImportError';
  }
}
