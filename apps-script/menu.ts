/** The add-on menu and what its items open: the sidebar, the examples sheet, the function help. */
import { FUNCTIONS } from '../core/registry';
import { helpHtml } from './help';
import { MENU_FUNCTION_HELP, MENU_INSERT_EXAMPLES, MENU_OPEN_SIDEBAR } from './server-functions';
import { insertTemplate } from './sidebar-api';
import { PRODUCT_TITLE as TITLE } from './spreadsheet';

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
