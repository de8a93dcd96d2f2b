/**
 * The Apps Script runtime, bundled into Code.js as the single global `SalesOps`.
 * Code.js also holds generated top-level functions (one per custom function,
 * plus triggers, menu items and sidebar calls) that forward here.
 *
 * Sheets evaluates the whole file for every batch of custom-function calls, so
 * nothing here does work when the file loads: services are touched only inside
 * the functions below.
 */
import { isFormulaError } from '../core/errors';
import { type ArgumentStarts, invoke } from '../core/invoke';
import { FUNCTIONS } from '../core/registry';
import type { FunctionSpec } from '../core/spec';
import { planTemplate } from '../core/templates';
import type { Matrix } from '../core/values';
import { type SheetsResult, fromSheetsArg, sheetsCellReader, shortMessage, toSheetsError, toSheetsResult } from './convert';
import { DateReader, isDate } from './dates';
import { argumentStarts } from './formula-arguments';
import { helpHtml } from './help';
import { MENU_FUNCTION_HELP, MENU_INSERT_EXAMPLES, MENU_OPEN_SIDEBAR } from './server-functions';
import { type SpreadsheetLike, writePlan } from './write-plan';

const TITLE = 'SalesOps Formulas';
/** The most cells the sidebar may read at once: google.script.run is not for bulk data. */
const MAX_SELECTION_CELLS = 50_000;
/** A template request is a few small fields; anything bigger is not one. */
const MAX_REQUEST_CHARS = 10_000;

function log(...data: unknown[]): void {
  console.error(...data);
}

let dateReader: DateReader | undefined;

/** One reader per batch of calls: the zone and its offsets are looked up at most once or twice. */
function dates(): DateReader {
  return (dateReader ??= new DateReader(
    () => SpreadsheetApp.getActive().getSpreadsheetTimeZone(),
    (date, zone, pattern) => Utilities.formatDate(date, zone, pattern),
  ));
}

function specNamed(name: string): FunctionSpec | undefined {
  for (const spec of FUNCTIONS) if (spec.name === name) return spec;
  return undefined;
}

/**
 * Where the arguments of the call to `name` start, read from the calling cell's
 * formula: a service call, so made only when a message needs it, and at most once.
 */
function formulaArgumentStarts(name: string): ArgumentStarts {
  let starts: ReturnType<typeof argumentStarts> | undefined;
  return (index) => {
    if (!starts) {
      try {
        const cell = SpreadsheetApp.getActiveRange();
        starts = cell ? argumentStarts(cell.getFormula(), name, cell.getSheet().getName()) : [];
      } catch (error) {
        log('SalesOps could not read the calling formula:', error);
        starts = [];
      }
    }
    return starts[index];
  };
}

/** A custom function call, exactly as Sheets makes it: `args` are the arguments as Sheets passed them. */
export function call(name: string, args: ArrayLike<unknown>): SheetsResult {
  let result;
  try {
    const spec = specNamed(name);
    if (!spec) throw new Error(`no function named ${name} in this build`);
    const reader = dates();
    const hostArgs = Array.prototype.map.call(args, (arg: unknown) => fromSheetsArg(arg, reader));
    result = invoke(spec, hostArgs as Parameters<typeof invoke>[1], sheetsCellReader(reader), formulaArgumentStarts(name));
  } catch (error) {
    throw toSheetsError(name, error, log);
  }
  return toSheetsResult(result);
}

// ---- menu -------------------------------------------------------------------

/** Builds the add-on menu. Runs in AuthMode.NONE too, so it reads no document, property or user data. */
export function onOpen(_event?: unknown): void {
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem('Open sidebar', MENU_OPEN_SIDEBAR)
    .addItem('Insert examples sheet', MENU_INSERT_EXAMPLES)
    .addSeparator()
    .addItem('Function help', MENU_FUNCTION_HELP)
    .addToUi();
}

export function onInstall(event?: unknown): void {
  onOpen(event);
}

export function showSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(TITLE);
  SpreadsheetApp.getUi().showSidebar(html);
}

export function insertExamples(): void {
  let name: string;
  try {
    name = insertTemplate({ template: 'examples' });
  } catch (error) {
    const ui = SpreadsheetApp.getUi();
    ui.alert(TITLE, error instanceof Error ? error.message : String(error), ui.ButtonSet.OK);
    return;
  }
  SpreadsheetApp.getActive().toast(`Inserted the sheet "${name}".`, TITLE);
}

export function showHelp(): void {
  const html = HtmlService.createHtmlOutput(helpHtml(FUNCTIONS)).setWidth(560).setHeight(520);
  SpreadsheetApp.getUi().showModalDialog(html, `${TITLE}: functions`);
}

// ---- sidebar (google.script.run) ----------------------------------------------
// Anyone with the spreadsheet open can call these from the browser console with
// any arguments: each one validates what it receives.

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
  const reader = dates();
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
  if (json.length > MAX_REQUEST_CHARS) {
    throw new Error(`The template request is not valid: it is ${json.length.toLocaleString('en-US')} characters long.`);
  }
  return JSON.parse(json);
}

export function insertTemplate(request: unknown): string {
  const plain = plainRequest(request);
  let plan;
  try {
    plan = planTemplate(plain);
  } catch (error) {
    if (isFormulaError(error)) throw new Error(error.message);
    log('SalesOps planTemplate failed unexpectedly:', error);
    throw new Error(`The template could not be built (${shortMessage(error)}). This is a bug in SalesOps Formulas: please report it.`);
  }
  const spreadsheet = SpreadsheetApp.getActive() as unknown as SpreadsheetLike;
  try {
    return writePlan(
      spreadsheet,
      plan,
      FUNCTIONS.map((spec) => spec.name),
    );
  } catch (error) {
    log('SalesOps could not write a template:', error);
    throw new Error(`Could not insert the template (${shortMessage(error)}). Nothing was changed.`);
  }
}
