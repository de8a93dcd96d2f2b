/**
 * CRM exports opened as they come: a Salesforce opportunity report (USD
 * amounts, month-first dates, a "Probability (%)" column and its Grand Totals
 * and copyright footer) and a HubSpot deals export (plain amounts, ISO dates
 * with times, internal stage ids), plus the ways other CSV files differ.
 * Expected values are worked out by hand from the fixture files.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { serialFromYmd } from '../core/values';
import { decodeText, readCsv } from '../playground/io/csv';
import { detectTypes } from '../playground/io/detect-types';
import { ImportError } from '../playground/io/imported';
import { findTable } from '../playground/io/table-bounds';
import { readWorkbookFile } from '../playground/io/open-file';
import { MAX_ROWS } from '../playground/limits';

const fixture = (name: string) => readFileSync(path.join(__dirname, 'fixtures', 'exports', name));
const open = (name: string) => readCsv(decodeText(fixture(name)).text, name);
const date = (y: number, m: number, d: number) => serialFromYmd(y, m, d);

describe('a Salesforce opportunity report export', () => {
  const file = open('salesforce-opportunities.csv');
  const [sheet] = file.sheets;

  it('becomes one sheet named after the file, header bold and frozen', () => {
    expect(file.sheets).toHaveLength(1);
    expect(sheet.name).toBe('salesforce-opportunities');
    expect(sheet.cells[0]).toEqual(['Opportunity Name', 'Account Name', 'Amount', 'Close Date', 'Stage', 'Probability (%)', 'Owner Full Name']);
    expect(sheet.boldRows).toEqual([1]);
    expect(sheet.frozenRows).toBe(1);
  });

  it('keeps the eight data rows and leaves out the Grand Totals and legal lines, saying so', () => {
    expect(sheet.cells).toHaveLength(9);
    expect(sheet.cells.map((row) => row[0]).slice(1, 3)).toEqual(['Northwind - Platform renewal', 'Contoso, Ltd - Expansion']);
    expect(sheet.cells.flat()).not.toContain('Grand Totals (8 records)');
    expect(file.notes).toContainEqual({ kind: 'left-out', sheet: 0, before: 0, after: 4, label: 'Grand Totals (8 records)' });
  });

  it('reads USD amounts as numbers in the export’s own currency format, a blank amount as blank', () => {
    expect(sheet.cells.slice(1).map((row) => row[2])).toEqual([12000, 48500, 135000, 8750.5, 22000, null, 250000, 1000]);
    expect(sheet.formats).toContainEqual({ range: 'C2:C9', format: '"USD "#,##0.00' });
  });

  it('reads month-first dates (3/31/2026 decides it) as dates shown as written', () => {
    expect(sheet.cells.slice(1).map((row) => row[3])).toEqual([
      date(2026, 3, 31), date(2026, 2, 13), date(2026, 1, 9), date(2026, 4, 30),
      date(2026, 5, 15), date(2026, 6, 1), date(2026, 6, 30), date(2026, 3, 2),
    ]);
    expect(sheet.formats).toContainEqual({ range: 'D2:D9', format: 'm/d/yyyy' });
    expect(file.notes.filter((note) => note.kind === 'day-order')).toEqual([]);
  });

  it('reads "Probability (%)" whole numbers as percentages, and says so', () => {
    expect(sheet.cells.slice(1).map((row) => row[5])).toEqual([1, 1, 0, 0.1, 0.5, 0.2, 0.75, 1]);
    expect(sheet.formats).toContainEqual({ range: 'F2:F9', format: '0%' });
    expect(file.notes).toContainEqual({ kind: 'percent-header', sheet: 0, column: 'Probability (%)' });
  });

  it('keeps text exactly: commas and quotes inside fields, a trailing space, and a formula-looking name as text', () => {
    expect(sheet.cells[2][1]).toBe('Contoso, Ltd');
    expect(sheet.cells[2][4]).toBe('Closed Won ');
    expect(sheet.cells[3][0]).toBe('Fabrikam "Phase 2" rollout');
    expect(sheet.cells[8][0]).toBe('=HYPERLINK("http://example.com")');
  });
});

describe('a HubSpot deals export', () => {
  const file = open('hubspot-deals.csv');
  const [sheet] = file.sheets;

  it('keeps internal stage ids and owners as text', () => {
    expect(sheet.cells.slice(1).map((row) => row[2])).toEqual([
      'closedwon', 'contractsent', 'appointmentscheduled', 'closedlost', 'decisionmakerboughtin', 'qualifiedtobuy',
    ]);
  });

  it('reads plain amounts as numbers and ISO close dates at midnight as dates', () => {
    expect(sheet.cells.slice(1).map((row) => row[3])).toEqual([25000, 61250.5, null, 9900, 180000, 12000]);
    expect(sheet.cells.slice(1).map((row) => row[4])).toEqual([
      date(2026, 3, 14), date(2026, 4, 22), date(2026, 6, 30), date(2026, 2, 27), date(2026, 5, 29), date(2026, 7, 15),
    ]);
    expect(sheet.formats).toContainEqual({ range: 'E2:E7', format: 'yyyy-mm-dd' });
  });

  it('keeps the time of day where the export has one', () => {
    expect(sheet.cells[1][7]).toBeCloseTo(date(2026, 1, 9) + (10 * 60 + 24) / 1440, 9);
    expect(sheet.formats).toContainEqual({ range: 'H2:H7', format: 'yyyy-mm-dd hh:mm' });
  });
});

describe('other CSV files', () => {
  const read = (text: string, name = 'data.csv') => readCsv(text, name);
  const body = (text: string) => read(text).sheets[0].cells.slice(1);

  it('European exports: semicolons, decimal commas and day-first dates', () => {
    const file = read('Konto;Betrag;Abschluss\r\nAlpha GmbH;12.500,00 €;31.03.2026\r\nBeta AG;1.250,50 €;05.04.2026\r\n');
    expect(file.sheets[0].cells.slice(1)).toEqual([
      ['Alpha GmbH', 12500, date(2026, 3, 31)],
      ['Beta AG', 1250.5, date(2026, 4, 5)],
    ]);
    expect(file.sheets[0].formats).toEqual([
      { range: 'B2:B3', format: '#,##0.00" €"' },
      { range: 'C2:C3', format: 'dd.mm.yyyy' },
    ]);
  });

  it('dates every one of which fits both orders follow the file’s other dates, then the convention, and say which', () => {
    const decided = read('Created,Closed\n3/4/2026,3/31/2026\n5/6/2026,4/1/2026\n');
    expect(decided.sheets[0].cells[1][0]).toBe(date(2026, 3, 4));
    expect(decided.notes).toContainEqual({ kind: 'day-order', sheet: 0, column: 'Created', order: 'mdy', from: 'file' });
    const dotted = read('Closed\n03.04.2026\n05.06.2026\n');
    expect(dotted.sheets[0].cells[1][0]).toBe(date(2026, 4, 3));
    expect(dotted.notes).toContainEqual({ kind: 'day-order', sheet: 0, column: 'Closed', order: 'dmy', from: 'convention' });
  });

  it('a column that is not all one type stays text, cell for cell', () => {
    expect(body('Id,Note\n1,x\nabc,y\n').map((row) => row[0])).toEqual(['1', 'abc']);
    expect(body('Date\n3/31/2026\n31/3/2026\n').map((row) => row[0])).toEqual(['3/31/2026', '31/3/2026']);
  });

  it('codes with leading zeros and identifiers longer than 15 digits stay text', () => {
    expect(body('Zip,Id\n02134,123456789012345678\n10001,123456789012345679\n')).toEqual([
      ['02134', '123456789012345678'],
      ['10001', '123456789012345679'],
    ]);
  });

  it('amounts in more than one currency stay text, and the note says which currencies', () => {
    const file = read('Amount\n"USD 1,000.00"\n"EUR 2,000.00"\n');
    expect(file.sheets[0].cells.slice(1)).toEqual([['USD 1,000.00'], ['EUR 2,000.00']]);
    expect(file.notes).toContainEqual({ kind: 'mixed-currencies', sheet: 0, column: 'Amount', currencies: ['USD', 'EUR'] });
  });

  it('TRUE and FALSE columns become booleans; percentages become fractions', () => {
    expect(body('Won,Rate\ntrue,45%\nFALSE,12.5%\n')).toEqual([
      [true, 0.45],
      [false, 0.125],
    ]);
  });

  it('a blank line inside the data is kept, and ragged rows are padded', () => {
    expect(body('A,B\n1,2\n\n3\n')).toEqual([
      [1, 2],
      [null, null],
      [3, null],
    ]);
  });

  it('a UTF-8 byte-order mark, UTF-16 and Windows-1252 files read as the same text', () => {
    const text = 'Account,Amount\nZürich Bank,100\n';
    const utf8 = new TextEncoder().encode(text);
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Uint16Array.from(text, (ch) => ch.charCodeAt(0)).buffer)]);
    const latin = Uint8Array.from(text, (ch) => ch.charCodeAt(0));
    for (const bytes of [utf8, bom, utf16, latin]) expect(decodeText(bytes).text).toBe(text);
    expect(decodeText(latin).encoding).toBe('windows-1252');
  });

  it('refuses, with the row, a quote that is never closed: it would swallow the rest of the file', () => {
    expect(() => read('A,B\n1,"open\n2,3\n')).toThrow(expect.objectContaining({ reason: 'unreadable', details: { file: 'data.csv', row: 2 } }));
  });

  it('refuses an empty file and one with more rows than a sheet holds, before reading further', () => {
    expect(() => read('  \n')).toThrow(ImportError);
    const rows = `A\n${'1\n'.repeat(MAX_ROWS)}`;
    expect(() => read(rows)).toThrow(expect.objectContaining({ reason: 'too-many-rows', details: { rows: MAX_ROWS + 1, max: MAX_ROWS } }));
  });
});

describe('which reader a file goes to', () => {
  it('reads by content: CSV text by its name, an old .xls and anything else refused with the reason', async () => {
    await expect(readWorkbookFile('a.csv', new TextEncoder().encode('A\n1\n'))).resolves.toMatchObject({ sheets: [{ name: 'a' }] });
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    await expect(readWorkbookFile('old.xls', xls)).rejects.toMatchObject({ reason: 'old-excel' });
    await expect(readWorkbookFile('slides.pdf', new TextEncoder().encode('%PDF-1.7'))).rejects.toMatchObject({ reason: 'not-a-table-file' });
    await expect(readWorkbookFile('broken.xlsx', new TextEncoder().encode('not a zip'))).rejects.toMatchObject({ reason: 'unreadable' });
    await expect(readWorkbookFile('empty.csv', new Uint8Array())).rejects.toMatchObject({ reason: 'empty' });
  });
});

describe('where the table in a report starts and ends', () => {
  it('skips title lines above the header and counts them', () => {
    const rows = [['Opportunity Pipeline'], ['Filtered By: Close Date = THIS QUARTER'], [], ['Name', 'Amount'], ['A', '1'], ['B', '2']];
    expect(findTable(rows)).toEqual({ header: 3, end: 6, before: 2, after: 0, afterLabel: undefined });
  });

  it('keeps a last data row whose name starts with "Total" (Total Wine & More is an account)', () => {
    const rows = [['Account', 'Amount'], ['Acme', '1'], ['Total Wine & More', '2']];
    expect(findTable(rows).end).toBe(3);
  });

  it('keeps rows below a blank line when no totals or legal line says they are a footer', () => {
    expect(findTable([['Name', 'Amount'], ['A', '1'], [], ['B']])).toMatchObject({ end: 4, after: 0 });
    expect(findTable([['Name', 'Amount'], ['A', '1'], [], ['Total', '1']])).toMatchObject({ end: 2, after: 1, afterLabel: 'Total' });
  });

  it('keeps a single-column list whole', () => {
    expect(findTable([['Rep'], ['Ann'], ['Bob']])).toMatchObject({ header: 0, end: 3, after: 0 });
  });
});

describe('typing a column', () => {
  it('never changes a cell that is not text, and never invents a value for one that is', () => {
    const cell = fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.boolean(), fc.constant(null));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 20 }), (rows) => {
        const typed = detectTypes(['a', 'b'], rows);
        typed.rows.forEach((row, r) =>
          row.forEach((value, c) => {
            const original = rows[r][c];
            if (typeof original !== 'string') expect(value).toBe(original);
            else if (original.trim() === '') expect(value).toBeNull();
            else if (typeof value === 'string') expect(value).toBe(original);
          }),
        );
      }),
    );
  });
});
