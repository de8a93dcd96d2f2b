/**
 * The built Code.js, called the way Google Sheets calls custom functions: a
 * single cell as a scalar, a range as a 2D array, blanks as '', dates as Date
 * objects at midnight in the SPREADSHEET's time zone (here one east and one
 * west of UTC, both different from the zone the script runs in), optional
 * arguments left out.
 */
import { FUNCTIONS } from '../core/registry';
import type { Example, FunctionSpec, ParamSpec } from '../core/spec';
import { SCRIPT_ZONE, fakeAppsScript, instantIn, spreadsheetZones, zonesDiffer } from './support/apps-script-fakes';
import { CRASH, type LoadedCode, loadCode, plain, thrownMessage } from './support/apps-script-load';
import { type Seen, showsExpected } from './support/results';

const ZONES = spreadsheetZones();
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d\d:\d\d)?$/;
const ERROR_TEXT = /^(#DIV\/0!|#NUM!|#N\/A|#VALUE!) \S/;

/** A value as Sheets passes it: null (a blank) as '', ISO text in date parameters as a Date at midnight in `zone`. */
function sheetsArg(code: LoadedCode, zone: string, param: ParamSpec | undefined, value: unknown): unknown {
  const isDate = param?.kind === 'date' || param?.kind === 'dates';
  const cell = (v: unknown) => {
    if (v === null) return '';
    if (isDate && typeof v === 'string' && ISO_DATE.test(v)) return code.newDate(instantIn(zone, v));
    return v;
  };
  return Array.isArray(value) ? value.map((row: unknown[]) => row.map(cell)) : cell(value);
}

function sheetsArgs(code: LoadedCode, zone: string, spec: FunctionSpec, args: readonly unknown[]): unknown[] {
  return args.map((arg, i) => sheetsArg(code, zone, spec.params[i], arg));
}

/** What the user sees: the result (per-row error text reduced to its code), or the code of a thrown error. */
function outcome(code: LoadedCode, name: string, args: unknown[]): Seen | Seen[][] {
  let result: unknown;
  try {
    result = plain(code.run(name, ...args));
  } catch (error) {
    const message = String((error as Error).message);
    const match = ERROR_TEXT.exec(message);
    return match ? match[1] : `threw: ${message}`;
  }
  const cell = (value: unknown): Seen => {
    if (value === null || value === undefined) return 'NULL (Sheets needs "")';
    if (typeof value === 'string') return ERROR_TEXT.exec(value)?.[1] ?? value;
    return value as Seen;
  };
  return Array.isArray(result) ? result.map((row: unknown[]) => row.map(cell)) : cell(result);
}

function checkExample(code: LoadedCode, zone: string, spec: FunctionSpec, example: Example, args = example.args) {
  const seen = outcome(code, spec.name, sheetsArgs(code, zone, spec, args));
  const ok = example.error ? seen === example.error : showsExpected(seen, example.expect);
  expect({ seen, ok }).toEqual({ seen, ok: true });
}

it('uses spreadsheet time zones that differ from the script time zone', () => {
  for (const zone of ZONES) expect({ zone, script: SCRIPT_ZONE, differ: zonesDiffer(zone, SCRIPT_ZONE) }).toEqual({ zone, script: SCRIPT_ZONE, differ: true });
});

describe.each(ZONES)('spreadsheet time zone %s', (zone) => {
  const fake = fakeAppsScript({ timeZone: zone });
  const code = loadCode(fake);

  describe.each(FUNCTIONS.map((spec) => [spec.name, spec] as const))('%s', (_name, spec) => {
    it.each(spec.examples.map((example, i) => [i + 1, example] as const))('worked example %i', (_i, example) => {
      checkExample(code, zone, spec, example);
    });

    // Sheets passes nothing at all for arguments left off the end of the formula.
    const trailingBlank = spec.examples
      .map((example, i) => [i + 1, example] as const)
      .filter(([, example]) => example.args.length > 0 && example.args[example.args.length - 1] === null);
    if (trailingBlank.length > 0) {
      it.each(trailingBlank)('worked example %i with its blank optional arguments left off', (_i, example) => {
        const args = [...example.args];
        while (args.length > 0 && args[args.length - 1] === null) args.pop();
        checkExample(code, zone, spec, example, args);
      });
    }
  });

  it('reads each date on the day the spreadsheet shows, not the day in UTC', () => {
    // Deals closing on 31 March and 1 April, and on New Year's Day, with a Q1 period.
    const dates = [['2026-03-31'], ['2026-04-01'], ['2026-01-01']].map((row) => row.map((iso) => code.newDate(instantIn(zone, iso))));
    const result = code.run(
      'WEIGHTED_PIPELINE',
      [[100], [200], [400]],
      [[1], [1], [1]],
      '',
      dates,
      code.newDate(instantIn(zone, '2026-01-01')),
      code.newDate(instantIn(zone, '2026-03-31')),
    );
    expect(result).toBe(500);
  });

  it('counts whole days across a daylight-saving change', () => {
    // North America moves its clocks on 8 March 2026, New Zealand and Australia on 5 April 2026.
    const day = (iso: string) => code.newDate(instantIn(zone, iso));
    expect(code.run('SALES_CYCLE', [[day('2026-03-01')], [day('2026-03-20')]], [[day('2026-03-31')], [day('2026-04-20')]])).toBe(30.5);
    expect(code.run('SALES_CYCLE', [[day('2026-03-01')]], [[day('2026-03-31')]])).toBe(30);
    expect(code.run('SALES_CYCLE', [[day('2026-03-20')]], [[day('2026-04-20')]])).toBe(31);
  });
});

/** Whether a worked example's answer holds an error in some cell, such as one bad row of a spill. */
function showsAnError(expect: unknown): boolean {
  return Array.isArray(expect) ? expect.some(showsAnError) : typeof expect === 'string' && expect.startsWith('#');
}

describe('results and errors as a Sheets user sees them', () => {
  const fake = fakeAppsScript({ timeZone: ZONES[0] });
  const code = loadCode(fake);

  it('marks only the bad row of a spilled column, with the reason in the cell', () => {
    const result = plain(code.run('QUOTA_ATTAINMENT', [[80000], [30000], [50000]], [[100000], [0], [40000]])) as unknown[][];
    expect(result).toHaveLength(3);
    expect(result[0]).toEqual([0.8]);
    expect(result[2]).toEqual([1.25]);
    expect(String(result[1][0])).toBe('#DIV/0! quota is 0 in row 2 of quota');
  });

  describe('naming the cell at fault from the calling formula', () => {
    const sheet = fake.spreadsheet.sheet('Sheet1');
    const calling = (formula: string) => {
      sheet.getRange('E1').setValues([[formula]]);
      fake.spreadsheet.activeRange = sheet.getRange('E1');
      fake.log.length = 0;
    };
    const actual = [[80000], [30000], [50000]];
    const quota = [[100000], [0], [-5]];

    it('names the cell in the range the formula refers to, reading the formula only when there is an error', () => {
      calling('=QUOTA_ATTAINMENT(B2:B4, C2:C4)');
      expect(plain(code.run('QUOTA_ATTAINMENT', actual, [[100000], [60000], [40000]]))).toEqual([[0.8], [0.5], [1.25]]);
      expect(fake.log).not.toContain('SpreadsheetApp.getActiveRange');
      const result = plain(code.run('QUOTA_ATTAINMENT', actual, quota)) as unknown[][];
      expect(result.slice(1)).toEqual([['#DIV/0! quota is 0 in C3'], ['#NUM! quota -5 in C4 is negative']]);
      expect(fake.log.filter((call) => call === 'SpreadsheetApp.getActiveRange')).toHaveLength(1);
    });

    it('reads no formula for any worked example that succeeds: in Sheets each read is a service call', () => {
      calling('=SOME_FORMULA(B2:B4, C2:C4)');
      const readers: string[] = [];
      for (const spec of FUNCTIONS) {
        for (const example of spec.examples.filter((e) => !e.error && !showsAnError(e.expect))) {
          fake.log.length = 0;
          code.run(spec.name, ...sheetsArgs(code, ZONES[0], spec, example.args));
          if (fake.log.includes('SpreadsheetApp.getActiveRange')) readers.push(spec.name);
        }
      }
      expect([...new Set(readers)]).toEqual([]);
    });

    it('names another sheet, open ranges and semicolon-separated arguments', () => {
      calling("=IFERROR(QUOTA_ATTAINMENT('Q1 plan'!$B$10:$B$12; 'Q1 plan'!C10:C), \"\")");
      expect((plain(code.run('QUOTA_ATTAINMENT', actual, quota)) as unknown[][])[1]).toEqual(["#DIV/0! quota is 0 in 'Q1 plan'!C11"]);
      calling('=quota_attainment(B:B,Sheet1!C:C)');
      expect((plain(code.run('QUOTA_ATTAINMENT', actual, quota)) as unknown[][])[1]).toEqual(['#DIV/0! quota is 0 in C2']);
    });

    it('falls back to the row within the argument for a literal, a name, or a formula it cannot read', () => {
      for (const formula of ['=QUOTA_ATTAINMENT(B2:B4, {100000;0;-5})', '=QUOTA_ATTAINMENT(B2:B4, Quotas)', '=QUOTA_ATTAINMENT(B2:B4,C2:C4)+QUOTA_ATTAINMENT(B2:B4,D2:D4)']) {
        calling(formula);
        expect((plain(code.run('QUOTA_ATTAINMENT', actual, quota)) as unknown[][])[1]).toEqual(['#DIV/0! quota is 0 in row 2 of quota']);
      }
      fake.failures.throwOn.add('Range.getFormula');
      calling('=QUOTA_ATTAINMENT(B2:B4, C2:C4)');
      expect((plain(code.run('QUOTA_ATTAINMENT', actual, quota)) as unknown[][])[1]).toEqual(['#DIV/0! quota is 0 in row 2 of quota']);
      fake.failures.throwOn.delete('Range.getFormula');
      fake.spreadsheet.activeRange = null;
    });
  });

  it('shows blank rows as empty cells and leaves off trailing blank rows of an open range', () => {
    const result = plain(code.run('QUOTA_ATTAINMENT', [[90000], [''], [120000], [''], ['']], 100000));
    expect(result).toEqual([[0.9], [''], [1.2]]);
  });

  it('throws a whole-call problem as an Error whose message is the code and the sentence', () => {
    const message = thrownMessage(() => code.run('QUOTA_ATTAINMENT', [[1], [2], [3]], [[1], [2]]));
    expect(message).toMatch(/^#VALUE! /);
    expect(message).toMatch(/actual.*3 rows.*quota.*2 rows/);
    expect(message).not.toMatch(CRASH);
  });

  it('throws a single-cell error so the cell shows #ERROR! with the reason', () => {
    expect(thrownMessage(() => code.run('QUOTA_ATTAINMENT', 30000, 0))).toMatch(/^#DIV\/0! quota is 0/);
  });

  it('treats an optional argument left out, left blank or given as the default alike', () => {
    const byDefault = code.run('FORECAST_ERROR', 90000, 100000);
    expect(byDefault).toBeCloseTo(-0.1111111111, 9);
    expect(code.run('FORECAST_ERROR', 90000, 100000, '')).toBe(byDefault);
    expect(code.run('FORECAST_ERROR', 90000, 100000, '', '')).toBe(byDefault);
    expect(code.run('FORECAST_ERROR', 90000, 100000, 'pe', 'actual')).toBe(byDefault);
    expect(code.run('FORECAST_ERROR', 90000, 100000, '', 'forecast')).toBeCloseTo(-0.1, 12);
    expect(code.run('FORECAST_ERROR', 90000, 100000, undefined, 'forecast')).toBeCloseTo(-0.1, 12);
  });

  it('refuses extra arguments instead of ignoring them', () => {
    expect(thrownMessage(() => code.run('QUOTA_ATTAINMENT', 1, 2, 3))).toMatch(/^#VALUE! .*at most 2 arguments, got 3/);
  });

  it('refuses a cell it cannot read with #VALUE! naming the argument, not a crash', () => {
    const hostile = {
      toString() {
        throw new TypeError('cannot convert this cell');
      },
    };
    expect(thrownMessage(() => code.run('WIN_RATE', [['Won'], [hostile]]))).toBe(
      '#VALUE! outcomes holds a cell that cannot be read: it is not a number, text, a date or TRUE/FALSE',
    );
  });

  it('reports a bug inside the add-on briefly, naming the function, and logs the details', () => {
    const broken = fakeAppsScript({ timeZone: ZONES[0] });
    broken.spreadsheet.getSpreadsheetTimeZone = () => {
      throw new TypeError('cannot read the time zone');
    };
    const before = broken.errorLog.length;
    const message = thrownMessage(() => loadCode(broken).run('WIN_RATE', [['Won'], [code.newDate(Date.UTC(2026, 0, 1))]]));
    expect(message).toMatch(/^WIN_RATE failed unexpectedly \(cannot read the time zone\)\. This is a bug/);
    expect(message).not.toMatch(/\n/);
    expect(message.length).toBeLessThan(200);
    expect(broken.errorLog.length).toBe(before + 1);
  });
});

describe('date conversion cost', () => {
  it('looks nothing up when no argument is a date', () => {
    const fake = fakeAppsScript({ timeZone: ZONES[1] });
    const code = loadCode(fake);
    expect(code.run('QUOTA_ATTAINMENT', [[90000], [120000]], 100000)).toEqual([[0.9], [1.2]]);
    expect(fake.counts).toEqual({ formatDate: 0, timeZone: 0 });
    expect(fake.log).toEqual([]);
  });

  it('converts 100,000 dates over two years of DST changes with a handful of Utilities calls', () => {
    const zone = ZONES[1];
    const fake = fakeAppsScript({ timeZone: zone });
    const code = loadCode(fake);
    const rows = 100_000;
    const starts: Date[][] = [];
    const closes: Date[][] = [];
    const pad = (n: number) => String(n).padStart(2, '0');
    const iso = (serial: number) => {
      const d = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
      return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
    };
    // Deals opened over 2025-2026 (four clock changes), each closing 10 days later.
    const isoDays = Array.from({ length: 730 }, (_, i) => [iso(45658 + i), iso(45668 + i)] as const);
    const instants = isoDays.map(([start, close]) => [instantIn(zone, start), instantIn(zone, close)] as const);
    for (let r = 0; r < rows; r++) {
      const [start, close] = instants[r % instants.length];
      starts.push([code.newDate(start)]);
      closes.push([code.newDate(close)]);
    }
    expect(code.run('SALES_CYCLE', starts, closes)).toBe(10);
    expect(fake.counts.timeZone).toBe(1);
    expect(fake.counts.formatDate).toBeLessThanOrEqual(4);
  });

  it('reads a date-time on its own day, even late in the evening', () => {
    const zone = ZONES[0];
    const fake = fakeAppsScript({ timeZone: zone });
    const code = loadCode(fake);
    // 18:00 on 1 March to midnight on 31 March: 29 whole calendar days between the dates' days.
    const start = code.newDate(instantIn(zone, '2026-03-01T18:00'));
    const close = code.newDate(instantIn(zone, '2026-03-31'));
    expect(code.run('SALES_CYCLE', [[start]], [[close]])).toBe(30);
    // Late evening must not roll over to the next day.
    const late = code.newDate(instantIn(zone, '2026-03-31T23:30'));
    expect(code.run('SALES_CYCLE', [[code.newDate(instantIn(zone, '2026-03-01'))]], [[late]])).toBe(30);
  });
});
