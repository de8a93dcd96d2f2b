/** How the playground grid shows numbers and names cells. */
import { cellName, columnIndex, columnName, parseCell, parseRange, rangeName } from '../core/a1';
import { formatNumber, general } from '../playground/format';

describe('number formats from sheet plans', () => {
  it.each([
    [1234567.5, '#,##0', '1,234,568'],
    [-1666.6667, '#,##0', '-1,667'],
    [0.4, '#,##0', '0'],
    [-0.4, '#,##0', '0'],
    [1234.5, '#,##0.00', '1,234.50'],
    [1234.5, '0', '1235'],
    [0.9, '0%', '90%'],
    [1.1, '0%', '110%'],
    [-0.11111, '0.0%', '-11.1%'],
    [0.061946, '0.0%', '6.2%'],
    [1500, '$#,##0', '$1,500'],
  ])('%p as %s reads %s', (value, format, text) => {
    expect(formatNumber(value, format)).toBe(text);
  });

  it.each([
    [46023, 'yyyy-mm-dd', '2026-01-01'],
    [46112, 'yyyy-mm-dd', '2026-03-31'],
    [46023, 'mmm yyyy', 'Jan 2026'],
    [46054, 'd mmm yyyy', '1 Feb 2026'],
    [46054.75, 'yyyy-mm-dd', '2026-02-01'],
    [61, 'yyyy-mm-dd', '1900-03-01'],
  ])('day serial %p as %s reads %s (1899-12-30 epoch)', (serial, format, text) => {
    expect(formatNumber(serial, format)).toBe(text);
  });

  it('shows typed kinds without a format: percentages, dates, currency', () => {
    expect(formatNumber(0.125, undefined, 'percent')).toBe('12.5%');
    expect(formatNumber(46112, undefined, 'date')).toBe('2026-03-31');
    expect(formatNumber(46112.5, undefined, 'datetime')).toBe('2026-03-31 12:00');
    expect(formatNumber(0.75, undefined, 'time')).toBe('18:00:00');
    expect(formatNumber(1234.5, undefined, 'currency')).toBe('$1,234.50');
  });
});

describe('General format', () => {
  it.each([
    [42, '42'],
    [-3, '-3'],
    [0.9, '0.9'],
    [1.2, '1.2'],
    [0.1 + 0.2, '0.3'],
    [2 / 3, '0.6666666667'],
    [-1666.6666666666667, '-1666.666667'],
    [1e-9, '1E-9'],
    [123456789012.5, '123456789000'],
  ])('%p reads %s', (value, text) => {
    expect(general(value)).toBe(text);
  });
});

describe('A1 names', () => {
  it('names columns past Z', () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
    expect(['A', 'Z', 'AA', 'zz', 'AAA'].map(columnIndex)).toEqual([0, 25, 26, 701, 702]);
  });

  it('reads cells and ranges, absolute or not, either corner first', () => {
    expect(parseCell('$B$7')).toEqual({ row: 6, col: 1 });
    expect(parseRange('D9:B2')).toEqual({ top: 1, left: 1, bottom: 8, right: 3 });
    expect(rangeName(parseRange('B2:D9')!)).toBe('B2:D9');
    expect(cellName({ row: 0, col: 26 })).toBe('AA1');
    expect(parseRange('A1:B2:C3')).toBeUndefined();
    expect(parseCell('A0')).toBeUndefined();
    expect(parseCell('Sheet1!A1')).toBeUndefined();
  });
});
