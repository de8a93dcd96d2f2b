/**
 * npm run bench: speed as ratios measured in the same run (absolute times on a
 * shared machine mislead). For each function family, on 100k and 1M rows:
 * the function through its Google Sheets entry point (the built Code.js in a vm)
 * ÷ a minimal hand-written loop computing the same answer from the same 2D
 * array (target ≤ 1.5). Then WEIGHTED_PIPELINE and marginal COMMISSION against
 * the equivalent SUMPRODUCT formulas in the playground's engine, the size
 * and cold-evaluation time of Code.js (targets ≤ 160 KB, ≤ 5 ms), and the
 * slowest call on a 50,000-character near-miss in any text-reading parameter
 * (target ≤ 5 ms: text is read once, never backtracked over), and files in and
 * out of the playground against their budgets (bench/io.ts), and the longest
 * main-thread task after an edit while a 100,000-row sheet is kept in the
 * browser (bench/autosave.ts, ≤ 50 ms).
 */
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { HyperFormula } from 'hyperformula';
import { ENGINE_CONFIG, registerSalesOpsFunctions, settleSpills } from '../playground/engine';
import { mulberry32 } from '../core/random';
import { HOSTILE_LENGTH, HOSTILE_TEXTS, hostileCalls } from '../test/support/hostile-text';
import { benchAutosave } from './autosave';
import { benchIo } from './io';
import { benchPage } from './page';
import { benchTerritoryAssign } from './territory';
import { benchTerritorySidebar } from './territory-sidebar';

type Grid = unknown[][];

const CODE = readFileSync('dist/apps-script/Code.js', 'utf8');

function loadCodeJs(): vm.Context {
  const context = vm.createContext({ console });
  new vm.Script(CODE, { filename: 'Code.js' }).runInContext(context);
  return context;
}

/**
 * Code.js's entry points for timing. A vm context makes every global lookup
 * (Math, Number, Float64Array) go through an interceptor, 10x slower than in
 * Apps Script's own V8 isolate, so timed calls run the same file in this realm.
 */
function entryPoints(): Record<string, (...args: unknown[]) => unknown> {
  vm.runInThisContext(CODE, { filename: 'Code.js' });
  // A call that fails asks Sheets for the calling cell, to name the cell at fault. Here no
  // cell called: the answer is "none", so the time measured is the core's, not a service's.
  const realm = globalThis as unknown as { SpreadsheetApp?: unknown };
  realm.SpreadsheetApp ??= { getActiveRange: () => null };
  return globalThis as unknown as Record<string, (...args: unknown[]) => unknown>;
}

function column(n: number, value: (i: number) => unknown): Grid {
  const out: Grid = new Array(n);
  for (let i = 0; i < n; i++) out[i] = [value(i)];
  return out;
}

function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** a ÷ b to two decimals, or to two significant digits when it is too small for that (0.0012). */
function ratio(a: number, b: number): string {
  const value = a / b;
  return value >= 0.1 ? value.toFixed(2) : value.toPrecision(2);
}

function millisecondsOf(run: () => unknown): { ms: number; result: unknown } {
  const start = process.hrtime.bigint();
  const result = run();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, result };
}

/**
 * Median milliseconds of `runs` calls of each of `a` and `b`, taken in turns so
 * both meet the same machine state (JIT, heap, other load). The first round
 * warms up and is not counted. Neither may change its input: the core reads
 * the host's arrays without writing to them.
 */
function timeInTurns(runs: number, a: () => unknown, b: () => unknown) {
  const times: [number[], number[]] = [[], []];
  const results: unknown[] = [];
  for (let k = 0; k <= runs; k++) {
    [a, b].forEach((run, side) => {
      const { ms, result } = millisecondsOf(run);
      results[side] = result;
      if (k > 0) times[side].push(ms);
    });
  }
  return { a: { ms: median(times[0]), result: results[0] }, b: { ms: median(times[1]), result: results[1] } };
}

interface Case {
  readonly family: string;
  readonly call: string;
  readonly args: (n: number) => unknown[];
  readonly handWritten: (args: unknown[]) => unknown;
}

const TIERS = [
  [0, 0.08],
  [100000, 0.12],
  [150000, 0.15],
];
const RAMP = [[0.25, 0.5, 0.75]];

const num = (grid: unknown, i: number) => (grid as number[][])[i][0];

const CASES: Case[] = [
  {
    family: 'quota',
    call: 'QUOTA_ATTAINMENT(actual, quota)',
    args: (n) => {
      const r = mulberry32(1);
      return [column(n, () => Math.round(r() * 200000)), column(n, () => 100000 + Math.round(r() * 50000))];
    },
    handWritten: ([actual, quota]) => {
      const n = (actual as Grid).length;
      const out = new Array(n);
      for (let i = 0; i < n; i++) out[i] = [num(actual, i) / num(quota, i)];
      return out;
    },
  },
  {
    family: 'pipeline',
    call: 'WEIGHTED_PIPELINE(amounts, probabilities)',
    args: (n) => {
      const r = mulberry32(2);
      return [column(n, () => Math.round(r() * 100000)), column(n, () => Math.round(r() * 100) / 100)];
    },
    handWritten: ([amounts, probabilities]) => {
      let total = 0;
      for (let i = 0; i < (amounts as Grid).length; i++) total += num(amounts, i) * num(probabilities, i);
      return total;
    },
  },
  {
    family: 'forecast',
    call: 'FORECAST_ERROR(actuals, forecasts, "wape")',
    args: (n) => {
      const r = mulberry32(3);
      return [column(n, () => 1000 + Math.round(r() * 9000)), column(n, () => 1000 + Math.round(r() * 9000)), 'wape'];
    },
    handWritten: ([actuals, forecasts]) => {
      let errors = 0;
      let actual = 0;
      for (let i = 0; i < (actuals as Grid).length; i++) {
        errors += Math.abs(num(actuals, i) - num(forecasts, i));
        actual += Math.abs(num(actuals, i));
      }
      return errors / actual;
    },
  },
  {
    family: 'commission',
    call: 'COMMISSION(amounts, tiers) marginal',
    args: (n) => {
      const r = mulberry32(4);
      return [column(n, () => Math.round(r() * 250000)), TIERS];
    },
    handWritten: ([amounts]) => {
      const n = (amounts as Grid).length;
      const out = new Array(n);
      for (let i = 0; i < n; i++) {
        const amount = num(amounts, i);
        let paid = 0;
        for (let t = 0; t < TIERS.length; t++) {
          const upper = t + 1 < TIERS.length ? TIERS[t + 1][0] : Infinity;
          if (amount > TIERS[t][0]) paid += (Math.min(amount, upper) - TIERS[t][0]) * TIERS[t][1];
        }
        out[i] = [paid];
      }
      return out;
    },
  },
  {
    family: 'territory',
    call: 'TERRITORY_BALANCE(assignments, weights)',
    args: (n) => {
      const r = mulberry32(5);
      return [column(n, () => 1 + Math.floor(r() * 20)), column(n, () => Math.round(r() * 1000))];
    },
    handWritten: ([assignments, weights]) => {
      const totals = new Map<number, number>();
      for (let i = 0; i < (assignments as Grid).length; i++) {
        const key = num(assignments, i);
        totals.set(key, (totals.get(key) ?? 0) + num(weights, i));
      }
      let sum = 0;
      for (const total of totals.values()) sum += total;
      const mean = sum / totals.size;
      let worst = 0;
      for (const total of totals.values()) worst = Math.max(worst, Math.abs(total - mean) / mean);
      return worst;
    },
  },
  {
    family: 'capacity',
    call: 'TEAM_CAPACITY(quotas, months, ramp, 80%)',
    args: (n) => {
      const r = mulberry32(6);
      return [column(n, () => 500000 + Math.round(r() * 500000)), column(n, () => 1 + Math.floor(r() * 12)), RAMP, 0.8];
    },
    handWritten: ([quotas, months]) => {
      let total = 0;
      for (let i = 0; i < (quotas as Grid).length; i++) {
        const month = num(months, i);
        total += num(quotas, i) * (month <= RAMP[0].length ? RAMP[0][month - 1] : 1) * 0.8;
      }
      return total;
    },
  },
];

function sameAnswer(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((row, i) => sameAnswer(row[0], b[i][0]));
  return a === b;
}

function benchSheetsEntryPoints(): string[] {
  const context = entryPoints();
  const lines = ['| family | call | rows | Sheets entry point ms | hand-written loop ms | ratio (target ≤ 1.5) |', '| --- | --- | ---: | ---: | ---: | ---: |'];
  for (const size of [100_000, 1_000_000]) {
    for (const testCase of CASES) {
      const args = testCase.args(size);
      const name = testCase.call.split('(')[0];
      const runs = size > 100_000 ? 9 : 31;
      const { a: entry, b: loop } = timeInTurns(
        runs,
        () => context[name](...args),
        () => testCase.handWritten(args),
      );
      if (!sameAnswer(entry.result, loop.result)) throw new Error(`${name}: the entry point and the hand-written loop disagree`);
      lines.push(
        `| ${testCase.family} | ${testCase.call} | ${size.toLocaleString('en-US')} | ${entry.ms.toFixed(1)} | ${loop.ms.toFixed(1)} | ${ratio(entry.ms, loop.ms)} |`,
      );
    }
  }
  return lines;
}

/** A formula engine holding `n` deals in A:B and, for commission, tier helpers in E:G. */
function engineWith(n: number): HyperFormula {
  registerSalesOpsFunctions();
  const r = mulberry32(7);
  const rows: (number | null)[][] = [];
  for (let i = 0; i < n; i++) rows.push([Math.round(r() * 250000), Math.round(r() * 100) / 100]);
  // Native marginal commission needs each tier's rate increase over the tier below (G).
  TIERS.forEach(([bound, rate], t) => {
    rows[t].push(null, null, bound, rate, t === 0 ? rate : rate - TIERS[t - 1][1]);
  });
  return HyperFormula.buildFromArray(rows, { ...ENGINE_CONFIG, maxRows: Math.max(ENGINE_CONFIG.maxRows, n + 10) });
}

function timeFormulas(n: number, formulas: (row: number) => string, count: number, column: number): number {
  const hf = engineWith(n);
  const start = process.hrtime.bigint();
  hf.batch(() => {
    for (let k = 0; k < count; k++) hf.setCellContents({ sheet: 0, col: column, row: k }, formulas(k));
  });
  settleSpills(hf);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const value = hf.getCellValue({ sheet: 0, col: column, row: count - 1 });
  if (typeof value !== 'number') throw new Error(`engine answered ${JSON.stringify(value)} for ${formulas(count - 1)}`);
  hf.destroy();
  return ms;
}

function benchAgainstNativeFormulas(): string[] {
  const n = 100_000;
  const last = n;
  console.error('  weighted pipeline: custom function and SUMPRODUCT, 3 runs each…');
  const pipelineCustom = median([1, 2, 3].map(() => timeFormulas(n, () => `=WEIGHTED_PIPELINE(A1:A${last}, B1:B${last})`, 1, 9)));
  const pipelineNative = median([1, 2, 3].map(() => timeFormulas(n, () => `=SUMPRODUCT(A1:A${last}, B1:B${last})`, 1, 9)));
  console.error(`  marginal commission: one spill, then ${n.toLocaleString('en-US')} SUMPRODUCT formulas (the slow part, minutes)…`);
  const commissionCustom = median(
    [1, 2, 3].map(() => timeFormulas(n, () => `=COMMISSION(A1:A${last}, E1:F3)`, 1, 9)),
  );
  const commissionNative = timeFormulas(
    n,
    (row) => `=SUMPRODUCT((A${row + 1}>$E$1:$E$3)*(A${row + 1}-$E$1:$E$3)*$G$1:$G$3)`,
    n,
    9,
  );
  return [
    `| formula in the playground engine, ${n.toLocaleString('en-US')} deals | custom function ms | native SUMPRODUCT form ms | ratio |`,
    '| --- | ---: | ---: | ---: |',
    `| weighted pipeline (one formula) | ${pipelineCustom.toFixed(1)} | ${pipelineNative.toFixed(1)} | ${ratio(pipelineCustom, pipelineNative)} |`,
    `| marginal commission per deal (one spill vs ${n.toLocaleString('en-US')} formulas) | ${commissionCustom.toFixed(1)} | ${commissionNative.toFixed(1)} | ${ratio(commissionCustom, commissionNative)} |`,
  ];
}

function benchCodeJs(): string[] {
  const times: number[] = [];
  for (let k = 0; k < 21; k++) {
    const start = process.hrtime.bigint();
    loadCodeJs();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  const kb = Buffer.byteLength(CODE) / 1000;
  return [
    '| Code.js | measured | target |',
    '| --- | ---: | ---: |',
    `| size | ${kb.toFixed(1)} KB | ≤ 160 KB |`,
    `| evaluate once in a fresh vm context (median of 21) | ${median(times).toFixed(2)} ms | ≤ 5 ms |`,
  ];
}

/**
 * Every function through its Sheets entry point with a 50,000-character
 * near-miss (digits then a letter, runs of spaces, a comparison before 50k
 * digits) in each text-reading parameter, valid values elsewhere: the slowest
 * call for each kind of text, as the median of 5 runs. A pattern that
 * backtracks shows here as seconds.
 */
function benchHostileText(): string[] {
  const context = entryPoints();
  const sheetsCell = (cell: unknown) => cell ?? '';
  const lines = [
    `| near-miss text, ${HOSTILE_LENGTH.toLocaleString('en-US')} characters | calls | slowest call (function, parameter) | ms | target |`,
    '| --- | ---: | --- | ---: | ---: |',
  ];
  let worst = { ms: 0, label: '', text: '' };
  for (const [name, text] of Object.entries(HOSTILE_TEXTS)) {
    const calls = hostileCalls(text);
    let slowest = { ms: -1, label: '' };
    for (const { spec, label, args } of calls) {
      const sheetsArgs = args.map((arg) => (Array.isArray(arg) ? arg.map((row: readonly unknown[]) => row.map(sheetsCell)) : sheetsCell(arg)));
      const call = () => {
        try {
          return context[spec.name](...sheetsArgs);
        } catch (error) {
          return error; // most of these calls end in the #VALUE! they are meant to
        }
      };
      const ms = median([0, 1, 2, 3, 4].map(() => millisecondsOf(call).ms));
      if (ms > slowest.ms) slowest = { ms, label };
    }
    if (slowest.ms > worst.ms) worst = { ...slowest, text: name };
    lines.push(`| ${name} | ${calls.length} | ${slowest.label} | ${slowest.ms.toFixed(2)} | ≤ 5 |`);
  }
  lines.push(`| slowest of all | | ${worst.text}: ${worst.label} | ${worst.ms.toFixed(2)} | ≤ 5 |`);
  return lines;
}

const SECTIONS: Record<string, () => string[] | Promise<string[]>> = {
  codejs: benchCodeJs,
  hostile: benchHostileText,
  sheets: benchSheetsEntryPoints,
  engine: benchAgainstNativeFormulas,
  io: benchIo,
  page: benchPage,
  autosave: benchAutosave,
  'territory-assign': benchTerritoryAssign,
  'territory-sidebar': benchTerritorySidebar,
};

/**
 * `npm run bench` runs every section; `npm run bench -- sheets` only the ones named
 * (`npm run bench -- codejs hostile sheets` skips only the slow engine section).
 */
async function main(): Promise<void> {
  const asked = process.argv.slice(2);
  const unknown = asked.filter((name) => !(name in SECTIONS));
  if (unknown.length) throw new Error(`no bench section ${unknown.join(', ')}: choose from ${Object.keys(SECTIONS).join(', ')}`);
  const names = asked.length ? asked : Object.keys(SECTIONS);
  const started = Date.now();
  for (const [k, name] of names.entries()) {
    // Progress goes to stderr, so the tables on stdout stay clean to paste.
    console.error(`bench ${k + 1}/${names.length}: ${name}…`);
    const sectionStarted = Date.now();
    const lines = await SECTIONS[name]();
    console.error(`bench ${k + 1}/${names.length}: ${name} took ${((Date.now() - sectionStarted) / 1000).toFixed(1)} s`);
    console.log(`${lines.join('\n')}\n`);
  }
  console.error(`bench done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

void main();
