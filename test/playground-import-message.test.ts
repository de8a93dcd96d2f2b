/** What the user reads after opening a file, or when it cannot be opened: catalog text with the file's particulars. */
import { failureMessage, openedMessage } from '../playground/io/import-message';
import { ImportError } from '../playground/io/imported';

describe('messages about opening a file', () => {
  it('names the file, the sheets and the rows, then each decision the reader made', () => {
    const message = openedMessage(
      'export.csv',
      {
        sheets: [{ name: 'export', cells: [['Close'], [1], [2]], frozenRows: 1 }],
        notes: [
          { kind: 'left-out', sheet: 0, before: 2, after: 0 },
          { kind: 'day-order', sheet: 0, column: 'Close', order: 'dmy', from: 'convention' },
          { kind: 'mixed-currencies', sheet: 0, column: 'Amount', currencies: ['USD', 'EUR'] },
          { kind: 'encoding', encoding: 'windows-1252' },
        ],
      },
      ['export (2)'],
    );
    expect(message).toBe(
      'Opened export.csv as sheet export (2) (2 rows). Left out 2 title lines above the table. ' +
        'Close: every date fits both orders, so they are read as day/month/year, as dates written this way usually are. ' +
        'Amount mixes currencies (USD, EUR): kept as text. The file is not UTF-8: read as Windows-1252 text.',
    );
  });

  it('says why a file was refused, with the row of an unclosed quote and the limits it went over', () => {
    expect(failureMessage('a.csv', new ImportError('unreadable', { file: 'a.csv', row: 2 }))).toBe(
      'a.csv could not be read: a quote opened in row 2 is never closed. Nothing was opened.',
    );
    expect(failureMessage('b.xlsx', new ImportError('unreadable', { file: 'b.xlsx' }))).toBe('b.xlsx could not be read as a workbook. Nothing was opened.');
    expect(failureMessage('big.csv', new ImportError('too-many-rows', { rows: 250001, max: 200000 }))).toBe(
      'big.csv has 250,001 rows; a sheet here holds up to 200,000. Nothing was opened.',
    );
    expect(failureMessage('q.xls', new ImportError('old-excel'))).toBe('q.xls is an old-style .xls workbook: save it as .xlsx or CSV in Excel, then open that.');
    expect(failureMessage('x.csv', new Error('surprise'))).toBe('x.csv could not be opened. Nothing was changed.');
  });
});
