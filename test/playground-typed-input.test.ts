/** Typed input read as Sheets (en-US) reads it: numbers, currency, percentages, dates, booleans, text. */
import fc from 'fast-check';
import { parseTypedInput } from '../playground/typed-input';

/** Day serial on the 1899-12-30 epoch, worked out here from Date.UTC, not by the code under test. */
const serial = (y: number, m: number, d: number) => (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;

describe('typed input', () => {
  it.each([
    ['1,000', 1000, '#,##0'],
    ['1,234,567.5', 1234567.5, '#,##0.00'],
    ['$5,000', 5000, '$#,##0'],
    ['$5,000.50', 5000.5, '$#,##0.00'],
    ['-$1,250', -1250, '$#,##0'],
    ['$-1,250', -1250, '$#,##0'],
    ['($1,250)', -1250, '$#,##0'],
    ['(1,000)', -1000, '#,##0'],
    ['€12', 12, '€#,##0'],
    ['60%', 0.6, '0%'],
    ['12.5%', 0.125, '0.0%'],
    ['-3 %', -0.03, '0%'],
    ['2026-03-31', serial(2026, 3, 31), 'yyyy-mm-dd'],
    ['2026/3/1', serial(2026, 3, 1), 'yyyy/mm/dd'],
    ['3/31/2026', serial(2026, 3, 31), 'm/d/yyyy'],
    ['12/1/26', serial(2026, 12, 1), 'm/d/yyyy'],
    ['1/2/99', serial(1999, 1, 2), 'm/d/yyyy'],
  ])('%s is %p shown as %s', (input, value, format) => {
    expect(parseTypedInput(input)).toEqual({ kind: 'number', value, format });
  });

  it.each([
    ['42', 42],
    [' 42 ', 42],
    ['-0.5', -0.5],
    ['.5', 0.5],
    ['1e3', 1000],
    ['1.5E-3', 0.0015],
    ['+7', 7],
    ['-0', 0],
  ])('%p is the plain number %p, with no format of its own', (input, value) => {
    expect(parseTypedInput(input)).toEqual({ kind: 'number', value });
  });

  it.each(['1,00', '1,0000', ',100', '1,000,00', '1.000,5', '$', '%', '$5%', '--5', '(-5)', '1e', '12abc', '2026-02-30', '31/3/2026',
    '2026-13-01', '03-31-2026', '1/2/3', 'Infinity', 'NaN', '1e999', 'Closed Won', '0x10', '١٢', '5 000'])(
    '%p stays text',
    (input) => {
      expect(parseTypedInput(input)).toEqual({ kind: 'text', text: input });
    },
  );

  it('reads booleans, errors, formulas and blanks', () => {
    expect(parseTypedInput('TRUE')).toEqual({ kind: 'boolean', value: true });
    expect(parseTypedInput('false')).toEqual({ kind: 'boolean', value: false });
    expect(parseTypedInput('#n/a')).toEqual({ kind: 'error', code: '#N/A' });
    expect(parseTypedInput('=SUM(A1:A3)')).toEqual({ kind: 'formula', formula: '=SUM(A1:A3)' });
    expect(parseTypedInput('   ')).toEqual({ kind: 'blank' });
    expect(parseTypedInput('')).toEqual({ kind: 'blank' });
  });

  it('a leading apostrophe keeps the rest as text, whatever it looks like', () => {
    expect(parseTypedInput("'0042")).toEqual({ kind: 'text', text: '0042' });
    expect(parseTypedInput("'=1+1")).toEqual({ kind: 'text', text: '=1+1' });
    expect(parseTypedInput("'TRUE")).toEqual({ kind: 'text', text: 'TRUE' });
    expect(parseTypedInput("''quoted")).toEqual({ kind: 'text', text: "'quoted" });
  });

  it('in a percent cell a number typed without % is a percentage (Excel: 60 and 0.6 both mean 60%)', () => {
    expect(parseTypedInput('60', { percentCell: true })).toEqual({ kind: 'number', value: 0.6 });
    expect(parseTypedInput('0.6', { percentCell: true })).toEqual({ kind: 'number', value: 0.6 });
    expect(parseTypedInput('-150', { percentCell: true })).toEqual({ kind: 'number', value: -1.5 });
    expect(parseTypedInput('60%', { percentCell: true })).toEqual({ kind: 'number', value: 0.6, format: '0%' });
    expect(parseTypedInput('$60', { percentCell: true })).toEqual({ kind: 'number', value: 60, format: '$#,##0' });
  });

  it('reads day-first dates when told to (an export from outside the US)', () => {
    expect(parseTypedInput('31/3/2026', { dateOrder: 'dmy' })).toEqual({ kind: 'number', value: serial(2026, 3, 31), format: 'd/m/yyyy' });
    expect(parseTypedInput('3/31/2026', { dateOrder: 'dmy' })).toEqual({ kind: 'text', text: '3/31/2026' });
  });

  it('50,000-character near-misses are text, read in one pass', () => {
    for (const input of ['1'.repeat(50_000) + 'x', '1,' + '000,'.repeat(12_500), '$' + '9'.repeat(50_000), '1/'.repeat(25_000)]) {
      expect(parseTypedInput(input).kind).toBe('text');
    }
  });
});

describe('typed input, properties', () => {
  it('any finite number typed as JavaScript writes it reads back as that number', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const typed = parseTypedInput(String(n));
        expect(typed).toEqual({ kind: 'number', value: n === 0 ? 0 : n });
      }),
    );
  });

  it('a whole number written with en-US grouping (Intl) reads back as that number, shown grouped', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        const written = new Intl.NumberFormat('en-US').format(n);
        const typed = parseTypedInput(written);
        expect(typed).toMatchObject({ kind: 'number', value: n === 0 ? 0 : n });
        if (written.includes(',')) expect(typed).toMatchObject({ format: '#,##0' });
      }),
    );
  });

  it('an amount written as US currency (Intl) reads back as that amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), (cents) => {
        const written = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(cents / 100);
        expect(parseTypedInput(written)).toEqual({ kind: 'number', value: cents / 100 === 0 ? 0 : cents / 100, format: '$#,##0.00' });
      }),
    );
  });

  it('every real date reads back as its day, month first with slashes or year first with dashes', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true }), (date) => {
        const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
        const expected = serial(y, m, d);
        expect(parseTypedInput(`${m}/${d}/${y}`)).toMatchObject({ kind: 'number', value: expected });
        const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        expect(parseTypedInput(iso)).toMatchObject({ kind: 'number', value: expected });
      }),
    );
  });

  it('an apostrophe in front of anything gives exactly the rest as text', () => {
    fc.assert(
      fc.property(fc.string(), (rest) => {
        expect(parseTypedInput(`'${rest}`)).toEqual({ kind: 'text', text: rest });
      }),
    );
  });

  it('any text reads as something, never a number that is not finite', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: fc.constantFrom(...'-+($€£0123456789.,%/ )eE'), maxLength: 14 })), (input) => {
        const typed = parseTypedInput(input);
        if (typed.kind === 'number') expect(Number.isFinite(typed.value)).toBe(true);
        // Text stays as typed, but for a leading apostrophe, which only marks it as text (the property above).
        if (typed.kind === 'text' && !input.startsWith("'")) expect(typed.text).toBe(input);
      }),
    );
  });
});
