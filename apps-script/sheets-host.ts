/**
 * The sidebar's Host for Google Sheets: each method is one google.script.run
 * call to a server function in Code.js, as a promise.
 */
import { INSERT_ROWS, type InsertLimit, type TemplateRequest } from '../core/templates/index';
import type { Matrix } from '../core/values';
import type { Host } from '../sidebar/host';
import { RUN_INSERT_TEMPLATE, RUN_LIST_SHEETS, RUN_READ_SELECTION } from './server-functions';

/** The element Sidebar.html provides for the UI. */
export const SIDEBAR_ROOT_ID = 'salesops-sidebar';

/** The part of google.script.run the host uses (each chain starts a fresh runner). */
export interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: unknown) => void): ScriptRunner;
  [serverFunction: string]: unknown;
}

/** The server's message without the "Exception: " or "Error: " prefix Apps Script may add. */
export function failureMessage(error: unknown): string {
  const text = error instanceof Error || (typeof error === 'object' && error && 'message' in error)
    ? String((error as { message: unknown }).message)
    : String(error);
  return text.replace(/^\s*(?:(?:Script)?Error|Exception):\s*/, '') || 'The spreadsheet did not answer.';
}

/** What one Insert writes: the server (sidebar-api.ts) holds every request to it. */
export const SHEETS_INSERT_LIMIT: InsertLimit = { host: 'Google Sheets', rows: INSERT_ROWS.sheets };

export function createSheetsHost(run: () => ScriptRunner): Host {
  function callServer(name: string, ...args: unknown[]): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const runner = run()
        .withSuccessHandler(resolve)
        .withFailureHandler((error) => reject(new Error(failureMessage(error))));
      const fn = runner[name];
      if (typeof fn !== 'function') {
        reject(new Error(`The add-on's server function ${name} is missing: reinstall or update SalesOps Formulas.`));
        return;
      }
      fn.apply(runner, args);
    });
  }

  return {
    name: SHEETS_INSERT_LIMIT.host,
    insertLimit: SHEETS_INSERT_LIMIT,
    functionPrefix: '',
    // The browser's language; Sheets' own (Session.getActiveUserLocale) is known only on the server.
    locale: typeof navigator === 'undefined' ? undefined : navigator.language,
    async listSheets() {
      const names = await callServer(RUN_LIST_SHEETS);
      if (!Array.isArray(names)) throw new Error('The spreadsheet sent no sheet list.');
      return names.map(String);
    },
    async readSelection() {
      const values = await callServer(RUN_READ_SELECTION);
      if (!Array.isArray(values) || !values.every(Array.isArray)) throw new Error('The spreadsheet sent no selection.');
      return values as Matrix;
    },
    async insertTemplate(request: TemplateRequest) {
      const name = await callServer(RUN_INSERT_TEMPLATE, request);
      if (typeof name !== 'string') throw new Error('The spreadsheet did not say which sheet it inserted.');
      return name;
    },
  };
}
