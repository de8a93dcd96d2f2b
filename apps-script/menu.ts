/** The add-on menu and what its items open: the sidebar, the examples sheet, the function help. */
import { FUNCTIONS } from '../core/registry';
import { helpHtml } from './help';
import { MENU_FUNCTION_HELP, MENU_INSERT_EXAMPLES, MENU_OPEN_SIDEBAR } from './server-functions';
import { serverText } from './messages';
import { insertTemplate } from './sidebar-api';
import { PRODUCT_TITLE as TITLE } from './spreadsheet';

/** Builds the add-on menu. Runs in AuthMode.NONE too, so it reads no document, property or user data. */
export function onOpen(_event?: unknown): void {
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem(serverText('sheets.menu.openSidebar'), MENU_OPEN_SIDEBAR)
    .addItem(serverText('sheets.menu.insertExamples'), MENU_INSERT_EXAMPLES)
    .addSeparator()
    .addItem(serverText('sheets.menu.functionHelp'), MENU_FUNCTION_HELP)
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
  SpreadsheetApp.getActive().toast(name, serverText('sheets.toast.inserted'));
}

export function showHelp(): void {
  const html = HtmlService.createHtmlOutput(helpHtml(FUNCTIONS)).setWidth(560).setHeight(520);
  SpreadsheetApp.getUi().showModalDialog(html, serverText('sheets.help.title'));
}
