/**
 * Numbers and dates as CRM exports write them (core/written.ts): the amounts,
 * percentages and dates of Salesforce, HubSpot and European exports, read with
 * the decimal mark and day order their column was found to use.
 */
import fc from 'fast-check';
import { parseWrittenNumber, readWrittenDate, serialOfWrittenDate } from '../core/written';
import { serialFromYmd } from '../core/values';
import { HOSTILE_TEXTS } from './support/hostile-text';

const value = (text: string, mark: '.' | ',' = '.') => parseWrittenNumber(text, mark)?.value;

describe('numbers as exports write them', () => {
  it.each([
    ['12,000.00', 12000],
    ['1,234,567.891', 1234567.891],
    ['$12,000.00', 12000],
    ['USD 12,000.00', 12000],
    ['-$1,250.50', -1250.5],
    ['$-1,250.50', -1250.5],
    ['(1,250.50)', -1250.5],
    ['12000', 12000],
    ['.5', 0.5],
    ['1.5E+06', 1_500_000],
    ['45%', 0.45],
    ['7%', 0.07],
    ['12.5 %', 0.125],
    ['12,000.00 USD', 12000],
    ["12'000.50", 12000.5],
  ])('%s reads as %s with a decimal point', (text, expected) => {
    expect(value(text)).toBe(expected);
  });

  it.each([
    ['12.000,50 €', 12000.5],
    ['1.234.567,89', 1234567.89],
    ['12 000,50', 12000.5],
    ['12\u202f000,50 €', 12000.5],
    ['0,75', 0.75],
    ['-3,5 %', -0.035],
  ])('%s reads as %s with a decimal comma', (text, expected) => {
    expect(value(text, ',')).toBe(expected);
  });

  it('says how the number was written: currency and where, decimals, grouping, leading zeros', () => {
    expect(parseWrittenNumber('USD 12,000.00')).toMatchObject({ kind: 'currency', currency: 'USD', currencyAfter: false, decimals: 2, grouped: true });
    expect(parseWrittenNumber('12.000,50 €', ',')).toMatchObject({ kind: 'currency', currency: '€', currencyAfter: true, decimals: 2 });
    expect(parseWrittenNumber('45%')).toMatchObject({ kind: 'percent', decimals: 0, grouped: false });
    expect(parseWrittenNumber('00123')).toMatchObject({ value: 123, leadingZero: true });
    expect(parseWrittenNumber('0.5')).toMatchObject({ leadingZero: false });
    expect(parseWrittenNumber('1234567890123456789')).toMatchObject({ digits: 19 });
  });

  it.each([
    'Closed Won',
    '1,23',
    '12,0000',
    '1234,567',
    '3/31/2026',
    '2026-03-31',
    '$',
    '-',
    'USD',
    '12 USD EUR',
    '$12%',
    '1.2.3',
    '+1 555 0100',
    'SKU 100',
    '1,234.5.6',
  ])('%s is not a number', (text) => {
    expect(parseWrittenNumber(text)).toBeUndefined();
  });

  it('a grouped number is ambiguous only where a separator has exactly three digits after it', () => {
    expect(value('1,250')).toBe(1250);
    expect(value('1,250', ',')).toBe(1.25);
    expect(value('1,25')).toBeUndefined();
    expect(value('1.250,00', ',')).toBe(1250);
    expect(value('1.250,00')).toBeUndefined();
  });

  it('reads back any amount written with grouping, a currency and two decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.constantFrom('$', 'USD ', '', '€'), (cents, currency) => {
        const amount = cents / 100;
        const text = `${amount < 0 ? '-' : ''}${currency}${Math.abs(amount).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
        expect(value(text)).toBeCloseTo(amount, 2);
        const european = `${amount < 0 ? '-' : ''}${Math.abs(amount).toLocaleString('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
        expect(value(european, ',')).toBeCloseTo(amount, 2);
      }),
    );
  });

  it('refuses 50,000-character near-misses at a glance', () => {
    for (const text of Object.values(HOSTILE_TEXTS)) {
      expect(parseWrittenNumber(text)).toBeUndefined();
      expect(readWrittenDate(text)).toBeUndefined();
    }
  });
});

describe('dates as exports write them', () => {
  const serial = (text: string, order: 'ymd' | 'mdy' | 'dmy') => {
    const date = readWrittenDate(text);
    return date && serialOfWrittenDate(date, order);
  };

  it('reads the three orders once the order is known', () => {
    const march31 = serialFromYmd(2026, 3, 31);
    expect(serial('3/31/2026', 'mdy')).toBe(march31);
    expect(serial('31.03.2026', 'dmy')).toBe(march31);
    expect(serial('31/03/2026', 'dmy')).toBe(march31);
    expect(serial('2026-03-31', 'ymd')).toBe(march31);
    expect(serial('2026/3/31', 'ymd')).toBe(march31);
    expect(serial('31.03.2026.', 'dmy')).toBe(march31);
    expect(serial('3/31/26', 'mdy')).toBe(march31);
  });

  it('a date that is not one in the order asked for is undefined, never moved to another day', () => {
    expect(serial('3/31/2026', 'dmy')).toBeUndefined();
    expect(serial('2/30/2026', 'mdy')).toBeUndefined();
    expect(serial('2026-03-31', 'mdy')).toBeUndefined();
    expect(serial('31.03.2026', 'ymd')).toBeUndefined();
  });

  it('reads 3/4/2026 both ways: the column decides which', () => {
    expect(serial('3/4/2026', 'mdy')).toBe(serialFromYmd(2026, 3, 4));
    expect(serial('3/4/2026', 'dmy')).toBe(serialFromYmd(2026, 4, 3));
  });

  it('keeps the time of day written after the date', () => {
    const base = serialFromYmd(2026, 3, 31);
    expect(serial('2026-03-31 14:05', 'ymd')).toBeCloseTo(base + (14 * 60 + 5) / 1440, 9);
    expect(serial('2026-03-31T14:05:09Z', 'ymd')).toBeCloseTo(base + (14 * 3600 + 5 * 60 + 9) / 86400, 9);
    expect(serial('3/31/2026, 2:05 PM', 'mdy')).toBeCloseTo(base + (14 * 60 + 5) / 1440, 9);
    expect(serial('3/31/2026 12:00 AM', 'mdy')).toBe(base);
    expect(readWrittenDate('2026-03-31 00:00')).toMatchObject({ hasTime: true, time: 0 });
  });

  it.each(['2026-03', '31.03', 'March 31, 2026', '2026-03-31 25:00', '2026-03-31 14:5', '3/31/2026 13:00 PM', '12345', '2026-03-31x', '3-31/2026'])(
    '%s is not a date',
    (text) => {
      const date = readWrittenDate(text);
      expect(date && ['ymd', 'mdy', 'dmy'].map((order) => serialOfWrittenDate(date, order as 'ymd')).find((s) => s !== undefined)).toBeUndefined();
    },
  );
});
