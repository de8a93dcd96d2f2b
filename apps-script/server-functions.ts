/**
 * The top-level functions Code.js declares besides the custom functions: Sheets
 * calls them by name (triggers, menu items, google.script.run), so each one is
 * emitted as a plain `function` declaration that forwards to the bundle's export
 * of the same `target` name. One list for the build, the menu and the sidebar client.
 */
/** The bundle's exports (a type only: this file also goes into the sidebar's bundle, which must not carry the runtime). */
type Runtime = typeof import('./main');

export interface ServerFunction {
  /** The global name Sheets calls. */
  readonly name: string;
  /** The export of apps-script/main.ts it forwards to: renaming that export without this fails to compile. */
  readonly target: Exclude<keyof Runtime, 'call'>;
  readonly params: readonly string[];
  readonly doc: string;
}

/** Menu item handlers and sidebar calls; kept here so nobody spells a name twice. */
export const MENU_OPEN_SIDEBAR = 'showSidebar';
export const MENU_INSERT_EXAMPLES = 'salesopsInsertExamples';
export const MENU_FUNCTION_HELP = 'salesopsShowHelp';
export const RUN_LIST_SHEETS = 'salesopsListSheets';
export const RUN_READ_SELECTION = 'salesopsReadSelection';
export const RUN_INSERT_TEMPLATE = 'salesopsInsertTemplate';

export const SERVER_FUNCTIONS: readonly ServerFunction[] = [
  { name: 'onOpen', target: 'onOpen', params: ['e'], doc: 'Adds the SalesOps Formulas menu when the spreadsheet opens (safe in AuthMode.NONE).' },
  { name: 'onInstall', target: 'onInstall', params: ['e'], doc: 'Adds the menu right after the add-on is installed.' },
  { name: MENU_OPEN_SIDEBAR, target: 'showSidebar', params: [], doc: 'Menu: opens the SalesOps sidebar.' },
  { name: MENU_INSERT_EXAMPLES, target: 'insertExamples', params: [], doc: 'Menu: inserts the examples sheet.' },
  { name: MENU_FUNCTION_HELP, target: 'showHelp', params: [], doc: 'Menu: lists the functions with their arguments.' },
  { name: RUN_LIST_SHEETS, target: 'listSheets', params: [], doc: 'Sidebar: the sheet names, in tab order.' },
  { name: RUN_READ_SELECTION, target: 'readSelection', params: [], doc: 'Sidebar: the selected values (blanks as null, dates as day serials).' },
  {
    name: RUN_INSERT_TEMPLATE,
    target: 'insertTemplate',
    params: ['request'],
    doc: 'Sidebar: validates a template request again and writes its plan to a new sheet; returns the sheet name.',
  },
];
