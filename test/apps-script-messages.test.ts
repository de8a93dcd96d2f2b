/**
 * The text Sheets shows outside the sidebar comes from the UI catalog, and
 * Code.js carries only that slice of it: plain text, without the formatter.
 */
import { SERVER_MESSAGE_IDS, serverCatalog } from '../apps-script/messages';
import { EN } from '../ui/catalog/en';
import { builtFile } from './support/apps-script-load';

describe('the catalog slice Code.js carries', () => {
  it('holds the menu, toast and dialog text by id, as the catalog words it', () => {
    expect(serverCatalog()).toEqual({
      'product.name': 'SalesOps Formulas',
      'sheets.menu.openSidebar': 'Open sidebar',
      'sheets.menu.insertExamples': 'Insert examples sheet',
      'sheets.menu.functionHelp': 'Function help',
      'sheets.toast.inserted': 'Sheet inserted',
      'sheets.help.title': 'SalesOps Formulas: functions',
    });
  });

  it.each(SERVER_MESSAGE_IDS.map((id) => [id]))('refuses a catalog without %s, naming it', (id) => {
    const catalog: Partial<Record<string, string>> = { ...EN };
    delete catalog[id];
    expect(() => serverCatalog(catalog)).toThrow(`The UI catalog has no message ${id}, which Sheets shows`);
  });

  it('refuses a message with an argument or ICU quoting: Code.js has no formatter for it', () => {
    expect(() => serverCatalog({ ...EN, 'sheets.toast.inserted': 'Inserted {name}' })).toThrow(/sheets\.toast\.inserted has an argument/);
    expect(() => serverCatalog({ ...EN, 'sheets.menu.functionHelp': "Function''s help" })).toThrow(/sheets\.menu\.functionHelp has an argument or a quote/);
  });

  it('is all of the catalog that goes into Code.js, and the formatter stays out', () => {
    const code = builtFile('Code.js');
    expect(code).toContain('"sheets.menu.openSidebar":"Open sidebar"');
    // A sidebar message and a playground one, and what intl-messageformat would bring.
    expect(code).not.toContain(EN['sidebar.templates.lead']);
    expect(code).not.toContain(EN['playground.fn.VLOOKUP']);
    expect(code).not.toMatch(/IntlMessageFormat|plural|selectordinal/);
  });
});
