/** A table the user points at becomes a rows field's rows: header found, columns guessed, rows read. */
import type { RowColumn } from '../core/templates/fields';
import { guessPicks, readSourceTable, rowsFromTable } from '../core/templates/source-table';

const COLUMNS: readonly RowColumn[] = [
  { key: 'rep', label: 'l.rep', kind: 'text' },
  { key: 'quota', label: 'l.quota', kind: 'money' },
  { key: 'bookings', label: 'l.bookings', kind: 'money-list' },
  { key: 'targetIncentive', label: 'l.ti', kind: 'money', optional: true },
];

describe('a table of reps from the workbook', () => {
  it('finds the header, guesses each column from its words, and reads every row (blank bookings as 0)', () => {
    const table = readSourceTable([
      ['Region', 'Sales Rep', 'Quota', 'Bookings Jan', 'Bookings Feb', 'Bookings Mar'],
      ['West', 'Ana Ortiz', 300000, 90000, null, 120000],
      [null, null, null, null, null, null],
      ['East', '=HYPERLINK("http://x","y")', '250000', 10000, 20000, 30000],
    ]);
    expect(table.headers).toEqual(['Region', 'Sales Rep', 'Quota', 'Bookings Jan', 'Bookings Feb', 'Bookings Mar']);
    const picks = guessPicks(table, COLUMNS);
    expect(picks).toEqual({ rep: 1, quota: 2, targetIncentive: -1, bookings: [3, 4, 5] });
    expect(rowsFromTable(table, COLUMNS, picks)).toEqual([
      { rep: 'Ana Ortiz', quota: 300000, bookings: [90000, 0, 120000] },
      { rep: '=HYPERLINK("http://x","y")', quota: 250000, bookings: [10000, 20000, 30000] },
    ]);
  });

  it('without a header row, takes the first text column for names and number columns in order', () => {
    const table = readSourceTable([
      ['Ana', 100000, 50000],
      ['Ben', 120000, 130000],
    ]);
    expect(table.headers).toEqual([undefined, undefined, undefined]);
    const picks = guessPicks(table, COLUMNS);
    expect(picks).toEqual({ rep: 0, quota: 1, targetIncentive: -1, bookings: [2] });
    expect(rowsFromTable(table, COLUMNS, picks)[1]).toEqual({ rep: 'Ben', quota: 120000, bookings: [130000] });
  });

  it('keeps a cell that is not an amount as it was, so the check names it', () => {
    const table = readSourceTable([
      ['Rep', 'Quota', 'Bookings'],
      ['Ana', 'n/a', 5],
    ]);
    const rows = rowsFromTable(table, COLUMNS, { rep: 0, quota: 1, bookings: [2] });
    expect(rows).toEqual([{ rep: 'Ana', quota: 'n/a', bookings: [5] }]);
  });

  it('reads a blank in an optional column as left out, not as 0', () => {
    const table = readSourceTable([
      ['Rep', 'Quota', 'Bookings', 'Target incentive'],
      ['Ana', 100000, null, null],
      ['Ben', 120000, 5, 20000],
    ]);
    const rows = rowsFromTable(table, COLUMNS, { rep: 0, quota: 1, bookings: [2], targetIncentive: 3 });
    expect(rows).toEqual([
      { rep: 'Ana', quota: 100000, bookings: [0], targetIncentive: null },
      { rep: 'Ben', quota: 120000, bookings: [5], targetIncentive: 20000 },
    ]);
  });
});
