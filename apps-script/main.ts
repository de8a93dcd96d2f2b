/**
 * The Apps Script runtime, bundled into Code.js as the single global `SalesOps`.
 * Code.js also holds generated top-level functions (one per custom function,
 * plus triggers, menu items and sidebar calls) that forward to these exports:
 * server-functions.ts names each one, checked against this module's type.
 *
 * Sheets evaluates the whole file for every batch of custom-function calls, so
 * nothing here does work when the file loads: services are touched only inside
 * the functions.
 */
export { call } from './custom-functions';
export { insertExamples, onInstall, onOpen, showHelp, showSidebar } from './menu';
export { insertTemplate, listSheets, readSelection } from './sidebar-api';
