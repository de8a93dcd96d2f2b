/**
 * The text Sheets shows outside the sidebar, and the words templates write into
 * the sheets the server builds, come from the UI catalog, and Code.js carries
 * only that slice of it: plain text, without the formatter.
 */
import { SERVER_MESSAGE_IDS, serverCatalog, serverWords } from '../apps-script/messages';
import { EN } from '../ui/catalog/en';
import { builtFile } from './support/apps-script-load';
import { sheetWordIds } from './support/template-sheets';

describe('the catalog slice Code.js carries', () => {
  it('holds the menu, toast and dialog text by id, as the catalog words it', () => {
    expect(serverCatalog()).toMatchObject({
      'product.name': 'SalesOps Formulas',
      'sheets.menu.openSidebar': 'Open sidebar',
      'sheets.menu.insertExamples': 'Insert examples sheet',
      'sheets.menu.functionHelp': 'Function help',
      'sheets.toast.inserted': 'Sheet inserted',
      'sheets.help.title': 'SalesOps Formulas: functions',
    });
  });

  it('holds every word a template writes into a sheet, sheet names included: Sheets builds the plans on the server', () => {
    const slice: Record<string, string> = serverCatalog();
    const written = [...sheetWordIds()];
    expect(written.filter((id) => !(id in slice))).toEqual([]);
    expect(written.length).toBeGreaterThan(50);
    expect(slice['templateSheet.commission.name']).toBe('Commission plan');
    expect(slice['templateSheet.examples.name']).toBe('SalesOps Examples');
    for (const id of written) expect(serverWords(id)).toBe(EN[id as keyof typeof EN]);
  });

  it('refuses a sheet word outside the slice, naming it, instead of writing undefined into the sheet', () => {
    expect(() => serverWords('templateSheet.commission.noSuchWord')).toThrow(/no sheet word templateSheet\.commission\.noSuchWord/);
    expect(() => serverWords('sidebar.templates.lead')).toThrow(/no sheet word sidebar\.templates\.lead/);
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
    expect(code).toContain('"templateSheet.commission.tier":"Tier"');
    // A sidebar message and a playground one, and what intl-messageformat would bring.
    expect(code).not.toContain(EN['sidebar.templates.lead']);
    expect(code).not.toContain(EN['playground.fn.VLOOKUP']);
    expect(code).not.toMatch(/IntlMessageFormat|plural|selectordinal/);
  });
});
