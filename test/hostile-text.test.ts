/**
 * Hostile text (see test/support/hostile-text.ts): 50,000-character near-misses
 * in every text-reading parameter of every function get the answer such text
 * gets, nearly always a typed error, and get it after reading the text once.
 *
 * No test here measures time (`npm run bench -- hostile` reports the slowest
 * call). A pattern that backtracks makes these calls take seconds each, and the
 * catalog-wide tests below give way between calls so that jest's own timeout
 * stops them: on the old number pattern the first one runs past it.
 */
import fc from 'fast-check';
import { FormulaError, type FunctionSpec, type ParamSpec, invoke, parseDateText, parseNumberText } from '../core';
import { MAX_RULE_TEXT, Test, parseCondition } from '../core/rules';
import { fakeAppsScript } from './support/apps-script-fakes';
import { CRASH, loadCode } from './support/apps-script-load';
import { HOSTILE_LENGTH, HOSTILE_TEXTS, hostileCalls } from './support/hostile-text';

type Expected = '#VALUE!' | '#N/A' | '#DIV/0!' | 'an answer';

/**
 * Parameters that take any label, and what a label that matches nothing gets
 * there. Every other text-reading parameter refuses such text with #VALUE!: it
 * is not a number, a date, one of the choices, TRUE or FALSE, or a rule.
 */
const ANY_LABEL: Readonly<Record<string, Expected>> = {
  'WEIGHTED_PIPELINE probabilities': '#VALUE!', // text is a probability only with a stage table
  'WIN_RATE outcomes': 'an answer', // an outcome neither won nor lost is an open deal
  'WIN_RATE won_label': 'an answer',
  'WIN_RATE lost_label': 'an answer',
  'STAGE_CONVERSION furthest_stages': '#N/A', // not one of stage_order
  'STAGE_CONVERSION stage_order': '#N/A', // so the deals at the stage it replaced are in no stage
  'SALES_CYCLE outcomes': 'an answer',
  'SALES_CYCLE won_label': '#DIV/0!', // no deal is won
  'AVG_DEAL_SIZE outcomes': 'an answer',
  'AVG_DEAL_SIZE won_label': '#DIV/0!',
  'FORECAST_ROLLUP categories': '#N/A', // not a forecast category
  'TERRITORY_ASSIGN territories': 'an answer', // a territory may have any name
  'TERRITORY_ASSIGN locked': '#N/A', // not one of the territories
  'TERRITORY_ASSIGN current_owners': '#N/A',
  'TERRITORY_BALANCE assignments': 'an answer', // a territory may have any name
  'TERRITORY_SUMMARY assignments': 'an answer',
  'ASSIGN_BY_RULES attributes': '#N/A', // Employees is no number, so no rule matches the account
  'ROUND_ROBIN items': 'an answer',
  'ROUND_ROBIN reps': 'an answer',
};

function expected(spec: FunctionSpec, param: ParamSpec): Expected {
  const key = `${spec.name} ${param.name}`;
  if (key in ANY_LABEL) return ANY_LABEL[key];
  if (param.kind === 'labels' || param.kind === 'values' || (param.kind === 'text' && !param.choices)) {
    throw new Error(`${key} takes labels: say in ANY_LABEL what a label that matches nothing gets there`);
  }
  return '#VALUE!';
}

/** An error as a user sees it. */
interface Shown {
  readonly code: string;
  readonly message: string;
}

/**
 * What a call comes to: the code of the error it throws, the codes of the
 * errors among its cells, or 'an answer'; and the longest of its messages.
 * `errorIn` reads an error from a thrown value or a cell (undefined: not one).
 */
function outcomeOf(run: () => unknown, errorIn: (value: unknown) => Shown | undefined): { outcome: string; longest: number } {
  let errors: Shown[];
  try {
    const result = run();
    errors = (Array.isArray(result) ? result.flat() : [result]).map(errorIn).filter((error) => error !== undefined);
  } catch (thrown) {
    const error = errorIn(thrown);
    if (!error) throw thrown;
    errors = [error];
  }
  const codes = [...new Set(errors.map((error) => error.code))].sort();
  return { outcome: codes.length ? codes.join(' and ') : 'an answer', longest: Math.max(0, ...errors.map((error) => error.message.length)) };
}

const coreError = (value: unknown): Shown | undefined => (value instanceof FormulaError ? value : undefined);

/** Sheets shows an error as "#CODE explanation": in the cell's text, or in the message of the error a call throws. */
const ERROR_TEXT = /^(?<code>#DIV\/0!|#NUM!|#N\/A|#VALUE!) /;

function sheetsError(value: unknown): Shown | undefined {
  const text = value instanceof Error || Object.prototype.toString.call(value) === '[object Error]' ? (value as Error).message : value;
  if (typeof text !== 'string') return undefined;
  if (CRASH.test(text)) throw new Error(`crashed in Sheets: ${text.slice(0, 200)}`);
  const code = ERROR_TEXT.exec(text)?.groups?.code;
  return code ? { code, message: text } : undefined;
}

/** Longer than any message: one this long quotes the hostile text whole, not its first 40 characters. */
const LONGEST_MESSAGE = 1000;

/** Gives way to the event loop, so that jest's timeout can end a test that has run too long. */
const breather = () => new Promise((resolve) => setImmediate(resolve));

describe.each(Object.entries(HOSTILE_TEXTS))('%s', (_name, text) => {
  const calls = hostileCalls(text);

  it('in every text-reading parameter of every function gets the typed error (or answer) such text gets', async () => {
    const wrong: string[] = [];
    for (const { spec, param, label, args } of calls) {
      const want = expected(spec, param);
      const { outcome, longest } = outcomeOf(() => invoke(spec, args), coreError);
      if (outcome !== want) wrong.push(`${label}: ${outcome}, not ${want}`);
      if (longest > LONGEST_MESSAGE) wrong.push(`${label}: a message of ${longest} characters`);
      await breather();
    }
    expect(wrong).toEqual([]);
  });

  it('gets the same through the built Code.js, as Sheets shows it', async () => {
    const code = loadCode(fakeAppsScript({ timeZone: 'Etc/UTC' }));
    const sheetsCell = (cell: unknown) => cell ?? '';
    const wrong: string[] = [];
    for (const { spec, param, label, args } of calls) {
      const want = expected(spec, param);
      const sheetsArgs = args.map((arg) => (Array.isArray(arg) ? arg.map((row: readonly unknown[]) => row.map(sheetsCell)) : sheetsCell(arg)));
      const { outcome, longest } = outcomeOf(() => code.run(spec.name, ...sheetsArgs), sheetsError);
      if (outcome !== want) wrong.push(`${label}: ${outcome}, not ${want}`);
      if (longest > LONGEST_MESSAGE) wrong.push(`${label}: a message of ${longest} characters`);
      await breather();
    }
    expect(wrong).toEqual([]);
  });
});

describe('the hostile calls', () => {
  it('reach every text-reading parameter ANY_LABEL names', () => {
    const labels = hostileCalls('x').map((call) => call.label);
    expect(Object.keys(ANY_LABEL).filter((key) => !labels.includes(key))).toEqual([]);
  });

  it(`are ${HOSTILE_LENGTH.toLocaleString('en-US')} characters or more`, () => {
    expect(Object.values(HOSTILE_TEXTS).filter((text) => text.length < HOSTILE_LENGTH)).toEqual([]);
  });
});

/**
 * The grammar the old number pattern accepted, written so that it cannot
 * backtrack (one way to match each text): the reference the scanner must agree with.
 */
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

function referenceNumber(text: string): number | undefined {
  let body = text.trim();
  let scale = 1;
  if (body.endsWith('%')) {
    body = body.slice(0, -1).trim();
    scale = 0.01;
  }
  if (!PLAIN_NUMBER.test(body)) return undefined;
  const value = Number(body) * scale;
  return Number.isFinite(value) ? value : undefined;
}

/** Short text made of the characters numbers and rules are made of. */
const numberish = (maxLength: number) =>
  fc.array(fc.constantFrom(...'0123456789.+-eE% \t\u00a0x>=<'.split('')), { maxLength }).map((chars) => chars.join(''));

describe('parseNumberText', () => {
  it('reads what the old pattern read, for text of up to 100 characters', () => {
    fc.assert(
      fc.property(fc.oneof(numberish(12), numberish(100)), (text) => {
        expect(parseNumberText(text)).toBe(referenceNumber(text));
      }),
      { numRuns: 5000, seed: 2024 },
    );
  });

  it.each([
    ['1250', 1250],
    ['-3.5', -3.5],
    ['+.5', 0.5],
    ['5.', 5],
    ['1.5e6', 1.5e6],
    ['2E-3', 0.002],
    [' 12 % ', 0.12],
    ['1e400', undefined],
    ['1e', undefined],
    ['.', undefined],
    ['.e5', undefined],
    ['1,000', undefined],
    ['١٢', undefined], // Arabic-Indic digits: \d never matched them either
    ['', undefined],
    ['%', undefined],
  ])('%j is %p', (text, value) => {
    expect(parseNumberText(text)).toBe(value);
  });

  it('reads no number of more than 100 characters, however it is spelled', () => {
    expect(parseNumberText(`0.${'0'.repeat(96)}1`)).toBe(1e-97); // 99 characters
    expect(parseNumberText(`0.${'0'.repeat(98)}1`)).toBeUndefined(); // 101
    expect(parseNumberText(`${' '.repeat(1000)}42${' '.repeat(1000)}`)).toBe(42); // spaces around do not count
  });
});

/** The range grammar of the old pattern, written so that it cannot backtrack. */
const BOUND = String.raw`[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:\s*%)?`;
const RANGE = new RegExp(String.raw`^(${BOUND})\s*-\s*(${BOUND})$`);

/** Text shaped like a range rule, often one and often nearly one. */
const rangeish = (() => {
  const bound = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom('1', '25', '0.5', '.5', '5.', '+3', '-3', '-.5', '1e3', '.', '2026') },
    { weight: 1, arbitrary: numberish(4) },
  );
  const gap = fc.oneof({ weight: 4, arbitrary: fc.constantFrom('', ' ', '  ', '\t', '\u00a0', ' % ', '%', '% ') }, { weight: 1, arbitrary: numberish(2) });
  return fc.tuple(bound, gap, fc.constantFrom('-', '-', '-', '--', '+'), gap, bound, gap).map((parts) => parts.join(''));
})();

function referenceRange(text: string): [number, number] | undefined {
  const match = RANGE.exec(text);
  const low = match && parseNumberText(match[1]);
  const high = match && parseNumberText(match[2]);
  return typeof low === 'number' && typeof high === 'number' ? [low, high] : undefined;
}

/** The bounds of a range rule, or undefined when the rule is something else. */
function between(rule: string): [number, number] | undefined {
  const parsed = parseCondition(rule, 0, () => 'rule');
  return parsed?.test === Test.Between ? [parsed.low, parsed.high] : undefined;
}

describe('range rules', () => {
  it('are read as the old pattern read them', () => {
    fc.assert(
      fc.property(fc.oneof(rangeish, numberish(16)), (text) => {
        const rule = text.trim();
        // A rule that reads as a comparison, a number or a date is not tried as a range.
        fc.pre(!/^[<>=]/.test(rule) && parseNumberText(rule) === undefined && parseDateText(rule) === undefined);
        const reference = referenceRange(rule);
        if (reference && reference[0] > reference[1]) expect(() => parseCondition(rule, 0, () => 'rule')).toThrow(FormulaError);
        else expect(between(rule)).toEqual(reference);
      }),
      { numRuns: 5000, seed: 77 },
    );
  });

  it('allow space around each part exactly where \\s matched', () => {
    const wrong: number[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const space = String.fromCharCode(code);
      let bounds: [number, number] | undefined;
      try {
        bounds = between(`1${space}-${space}2`);
      } catch {
        bounds = undefined; // "1.-.2" runs backwards
      }
      const isOneToTwo = bounds?.[0] === 1 && bounds[1] === 2;
      if (isOneToTwo !== /\s/.test(space)) wrong.push(code);
    }
    expect(wrong).toEqual([]);
  });

  it(`are at most ${MAX_RULE_TEXT.toLocaleString('en-US')} characters: a longer rule is a #VALUE! that quotes 40 at most`, () => {
    const longest = `=${'a'.repeat(MAX_RULE_TEXT - 1)}`;
    expect(parseCondition(`  ${longest}  `, 0, () => 'rules row 2:')?.test).toBe(Test.EqualText);
    let error: unknown;
    try {
      parseCondition(`${longest}a`, 0, () => 'rules row 2:');
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(FormulaError);
    expect((error as FormulaError).code).toBe('#VALUE!');
    const { message } = error as FormulaError;
    const quoted = /^rules row 2: "(?<start>=a+)\.\.\." is 1,001 characters long: a rule is at most 1,000$/.exec(message)?.groups?.start;
    expect(quoted?.length).toBeLessThanOrEqual(40);
  });
});
