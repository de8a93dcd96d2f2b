/**
 * Every function through the built Code.js with random Sheets-shaped arguments:
 * blanks as '', date cells as Date objects at midnight in the spreadsheet's time
 * zone (anywhere a user may have formatted a cell as a date), and the rest as
 * random input. Sheets must show exactly what the core answers for the same
 * cells, or the same error, and never a crash, a null or a non-finite number.
 */
import fc from 'fast-check';
import { FUNCTIONS, FormulaError, type FunctionSpec, type HostArg, invoke, isoFromSerial } from '../core';
import { fakeAppsScript, instantIn, spreadsheetZones } from './support/apps-script-fakes';
import { CRASH, type LoadedCode, loadCode, plain } from './support/apps-script-load';
import { argsFor, mutatedExample } from './support/arbitraries';

const RUNS = 150;
const [ZONE] = spreadsheetZones();
const ERROR_TEXT = /^(?:#DIV\/0!|#NUM!|#N\/A|#VALUE!) \S/;

/** A whole day serial a date cell can show. */
const isDaySerial = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 2958465;

/** The arguments as Sheets passes them; `asDate` picks which day serials were date-formatted cells. */
function sheetsArgs(code: LoadedCode, args: readonly HostArg[], asDate: (k: number) => boolean): unknown[] {
  let k = 0;
  const cell = (value: unknown) => {
    if (value === null) return '';
    if (isDaySerial(value) && asDate(k++)) return code.newDate(instantIn(ZONE, isoFromSerial(value)));
    return value;
  };
  return args.map((arg) => (Array.isArray(arg) ? arg.map((row: unknown[]) => row.map(cell)) : cell(arg)));
}

type Shown = number | string | boolean;

/** What the core answers, as Sheets would show it: blanks as '', errors as "CODE message". */
function coreOutcome(spec: FunctionSpec, args: readonly HostArg[]): Shown | Shown[][] {
  const show = (cell: unknown): Shown => (cell === null ? '' : cell instanceof FormulaError ? `${cell.code} ${cell.message}` : (cell as Shown));
  try {
    const result = invoke(spec, args);
    return Array.isArray(result) ? result.map((row) => row.map(show)) : show(result);
  } catch (error) {
    if (error instanceof FormulaError) return `thrown ${error.code} ${error.message}`;
    throw error;
  }
}

function sheetsOutcome(code: LoadedCode, spec: FunctionSpec, args: unknown[]): Shown | Shown[][] {
  try {
    return plain(code.run(spec.name, ...args)) as Shown | Shown[][];
  } catch (error) {
    const message = String((error as Error).message);
    if (CRASH.test(message) || !ERROR_TEXT.test(message)) throw new Error(`${spec.name} crashed in Sheets: ${message}`);
    return `thrown ${message}`;
  }
}

function checkCells(spec: FunctionSpec, outcome: Shown | Shown[][]): void {
  for (const cell of Array.isArray(outcome) ? outcome.flat() : [outcome]) {
    const shown = ['string', 'boolean'].includes(typeof cell) || (typeof cell === 'number' && Number.isFinite(cell));
    if (!shown) throw new Error(`${spec.name} gave Sheets a cell it cannot show: ${String(cell)}`);
  }
}

describe.each(FUNCTIONS.map((spec) => [spec.name, spec] as const))('%s in Sheets under fuzzing', (_name, spec) => {
  const code = loadCode(fakeAppsScript({ timeZone: ZONE }));

  it(`shows what the core answers for ${RUNS} random Sheets-shaped argument lists`, () => {
    fc.assert(
      fc.property(
        fc.oneof(argsFor(spec.params), mutatedExample(spec)),
        fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }),
        (args, mask) => {
          const inSheets = sheetsOutcome(code, spec, sheetsArgs(code, args, (k) => mask[k % mask.length]));
          checkCells(spec, inSheets);
          expect(inSheets).toEqual(coreOutcome(spec, args));
        },
      ),
      { numRuns: RUNS, seed: 1123 },
    );
  });
});
