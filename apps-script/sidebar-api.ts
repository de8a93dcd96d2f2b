/**
 * The server functions the sidebar calls through google.script.run. Anyone with
 * the spreadsheet open can call these from the browser console with any
 * arguments: each one validates what it receives.
 */
import { isFormulaError } from '../core/errors';
import { INSERT_ROWS, maxRequestChars, planTemplate } from '../core/templates';
import type { Matrix } from '../core/values';
import { shortMessage } from './convert';
import { isDate } from './dates';
import { serverWords } from './messages';
import { SHEETS_INSERT_LIMIT } from './sheets-host';
import { log, spreadsheetDates } from './spreadsheet';
import { asSpreadsheetLike, writePlan } from './write-plan';

/** The most cells the sidebar may read at once: google.script.run is not for bulk data. */
const MAX_SELECTION_CELLS = 50_000;

export function listSheets(): string[] {
  return SpreadsheetApp.getActive()
    .getSheets()
    .map((sheet) => sheet.getName());
}

/** The selected values: blanks as null and dates as day serials (a Date cannot cross google.script.run). */
export function readSelection(): Matrix {
  const range = SpreadsheetApp.getActive().getActiveRange();
  if (!range) return [];
  const cells = range.getNumRows() * range.getNumColumns();
  if (cells > MAX_SELECTION_CELLS) {
    throw new Error(
      `The selection has ${cells.toLocaleString('en-US')} cells; select at most ${MAX_SELECTION_CELLS.toLocaleString('en-US')}.`,
    );
  }
  const values = range.getValues();
  const reader = spreadsheetDates();
  return values.map((row) =>
    row.map((cell: unknown) => {
      if (cell === '' || cell === null || cell === undefined) return null;
      if (isDate(cell)) {
        const serial = reader.serial(cell);
        return Number.isFinite(serial) ? serial : null;
      }
      return typeof cell === 'number' || typeof cell === 'boolean' ? cell : String(cell);
    }),
  );
}

/** A fresh plain-JSON copy of an untrusted request: no prototypes, getters or functions survive. */
function plainRequest(request: unknown): unknown {
  if (typeof request !== 'object' || request === null || Array.isArray(request)) {
    throw new Error('The template request is not valid: expected an object such as {"template": "examples"}.');
  }
  let json: string;
  try {
    json = JSON.stringify(request);
  } catch {
    throw new Error('The template request is not valid: it is not plain data.');
  }
  // Each template's request is held to its own size (a few small fields, or up to 10,000 accounts), checked before parsing.
  if (json.length > maxRequestChars((request as { template?: unknown }).template, INSERT_ROWS.sheets)) {
    throw new Error(`The template request is not valid: it is ${json.length.toLocaleString('en-US')} characters long.`);
  }
  return JSON.parse(json);
}

export function insertTemplate(request: unknown): string {
  const plain = plainRequest(request);
  let plan;
  try {
    plan = planTemplate(plain, serverWords, SHEETS_INSERT_LIMIT);
  } catch (error) {
    if (isFormulaError(error)) throw new Error(error.message);
    log('SalesOps planTemplate failed unexpectedly:', error);
    throw new Error(`The template could not be built (${shortMessage(error)}). This is a bug in SalesOps Formulas: please report it.`);
  }
  const spreadsheet = asSpreadsheetLike(SpreadsheetApp.getActive());
  try {
    return writePlan(spreadsheet, plan);
  } catch (error) {
    log('SalesOps could not write a template:', error);
    throw new Error(`Could not insert the template (${shortMessage(error)}). Nothing was changed.`);
  }
}
