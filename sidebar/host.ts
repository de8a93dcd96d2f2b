/**
 * What the sidebar needs from the spreadsheet it runs in. Google Sheets
 * (google.script.run), Excel (Excel.run) and the playground each implement it.
 */
import type { InsertLimit, TemplateRequest } from '../core/templates';
import type { Matrix } from '../core/values';
import type { ScenarioRunner } from './territory/runner';

export interface Host {
  /** 'Google Sheets', 'Excel' or 'Playground', for messages. */
  readonly name: string;
  /** What a formula writes before a function's name in this host: 'SALESOPS.' in Excel, '' elsewhere. */
  readonly functionPrefix: string;
  /** The user's language (a BCP 47 tag such as "de-DE"), for the sidebar's text; undefined for the default. */
  readonly locale?: string;
  /** The sheet names in the workbook, in tab order. */
  listSheets(): Promise<string[]>;
  /** The values of the selected range (blanks as null). */
  readSelection(): Promise<Matrix>;
  /**
   * Builds the template's sheet plan from the request (validating it again: in
   * Sheets this runs on the server, where anyone can call it) and writes it to a
   * new sheet with a unique name, in one batch, never over existing cells.
   * Resolves to the name the new sheet got.
   */
  insertTemplate(request: TemplateRequest): Promise<string>;
  /** The most rows of data one Insert writes here (core/templates/insert-limits.ts); none: any the template allows. */
  readonly insertLimit?: InsertLimit;
  /** Runs the territory designer's scenarios off the UI thread, with progress and cancel; without it they run in the page. */
  readonly runTerritories?: ScenarioRunner;
}
