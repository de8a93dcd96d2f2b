/**
 * The bench's io section: files in and out of the playground through the
 * modules the page uses (playground/io/), against the budgets:
 * - a 100,000-row CSV export (Salesforce's shape: USD amounts, month-first
 *   dates, a "Probability (%)" column, its Grand Totals footer) opened as a
 *   new sheet beside the demo: parsed, typed and in the engine, ≤ 3 s;
 * - the demo workbook plus 100,000 deal rows and a commission plan sheet
 *   (its payout chart added to the package ExcelJS wrote) downloaded as
 *   .xlsx, ≤ 3 s;
 * - the same Salesforce export as .xlsx (its values as the CSV import typed
 *   them, nothing frozen) opened beside the demo, ≤ 3 s like the CSV.
 * The .xlsx reading and writing is playground/io/xlsx.ts as the page's build
 * bundles it (ExcelJS from its sources, JSZip zipping), not Node's ExcelJS,
 * which zips with archiver and Node's zlib. Each is the median of three runs;
 * progress goes to stderr.
 */
import { mulberry32 } from '../core/random';
import { commissionSheet } from '../core/templates/commission';
import { readCsv } from '../playground/io/csv';
import { bookData } from '../playground/io/book-data';
import { insertImported } from '../playground/io/insert-imported';
import { demoWorkbook } from '../playground/io/session';
import type * as Xlsx from '../playground/io/xlsx';
import { Workbook } from '../playground/workbook';
import { loadAsThePage } from '../scripts/build/browser-sources';
import { sheetWords } from '../ui/sheet-words';

const ROWS = 100_000;
const BUDGET_MS = 3000;
const RUNS = 3;

const progress = (message: string) => process.stderr.write(`io: ${message}\n`);

/** Collects the last run's garbage before the next is timed (npm run bench passes --expose-gc), so runs do not pay for each other. */
const collectGarbage = () => (globalThis as { gc?: () => void }).gc?.();

const STAGES = ['Prospecting', 'Qualification', 'Proposal', 'Negotiation', 'Closed Won', 'Closed Lost'];
const PROBABILITY = [10, 20, 50, 75, 100, 0];
const OWNERS = ['Alex Morgan', 'Priya Shah', 'Diego Alvarez', 'Mei Tanaka', 'Sam Carter', 'Fatima Noor', 'Lukas Weber', 'Grace Kim'];

/** A Salesforce opportunity report export of `rows` deals, footer and all (the playground's io test opens one too). */
export function salesforceCsv(rows: number): string {
  const r = mulberry32(11);
  const lines = ['"Opportunity Name","Account Name","Amount","Close Date","Stage","Probability (%)","Owner Full Name"'];
  for (let i = 0; i < rows; i++) {
    const stage = Math.floor(r() * STAGES.length);
    const amount = (Math.round(r() * 25_000_000) / 100).toLocaleString('en-US', { minimumFractionDigits: 2 });
    const close = `${1 + Math.floor(r() * 12)}/${1 + Math.floor(r() * 28)}/2026`;
    lines.push(`"Account ${i % 5000} - Deal ${i}","Account ${i % 5000} Inc","USD ${amount}","${close}","${STAGES[stage]}","${PROBABILITY[stage]}","${OWNERS[i % OWNERS.length]}"`);
  }
  lines.push('""', `"Grand Totals (${rows} records)"`, '""', '"Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."');
  return lines.join('\r\n');
}

/** The demo's Deals sheet shape, `rows` deals long. */
function dealRows(rows: number): (string | number)[][] {
  const r = mulberry32(12);
  const out: (string | number)[][] = [['Deal ID', 'Account', 'Owner', 'Amount', 'Stage', 'Probability', 'Created', 'Close date', 'Forecast category', 'Outcome']];
  for (let i = 0; i < rows; i++) {
    const stage = Math.floor(r() * STAGES.length);
    const close = 46023 + Math.floor(r() * 270);
    out.push([
      `D-${100001 + i}`, `Account ${i % 5000} Inc`, OWNERS[i % OWNERS.length], Math.round(8000 + r() * 150000), STAGES[stage],
      PROBABILITY[stage] / 100, close - 20 - Math.floor(r() * 120), close, stage === 3 ? 'Commit' : 'Pipeline', stage === 4 ? 'Won' : stage === 5 ? 'Lost' : 'Open',
    ]);
  }
  return out;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const since = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const verdict = (ms: number) => (ms <= BUDGET_MS ? 'within' : 'OVER');

export async function benchIo(): Promise<string[]> {
  const { readXlsx, writeXlsx } = await loadAsThePage<typeof Xlsx>('playground/io/xlsx.ts');
  progress(`writing a ${ROWS.toLocaleString('en-US')}-row Salesforce export`);
  const csv = salesforceCsv(ROWS);
  const imports: { parse: number; insert: number }[] = [];
  let xlsxExport = new Uint8Array();
  for (let run = 1; run <= RUNS; run++) {
    progress(`importing it, run ${run} of ${RUNS}`);
    const workbook = new Workbook();
    workbook.replaceAll(demoWorkbook());
    collectGarbage();
    const start = process.hrtime.bigint();
    const file = readCsv(csv, 'Opportunities.csv');
    const parsed = since(start);
    const [name] = insertImported(workbook, file);
    imports.push({ parse: parsed, insert: since(start) - parsed });
    const { rows } = workbook.extent(workbook.sheetId(name));
    if (rows !== ROWS + 1) throw new Error(`the import holds ${rows} rows, not ${ROWS + 1}`);
    if (run === RUNS) {
      const sheet = bookData(workbook).sheets.find((candidate) => candidate.name === name)!;
      xlsxExport = await writeXlsx({ sheets: [{ ...sheet, frozenRows: 0 }] });
    }
    workbook.hf.destroy();
  }

  progress(`building the demo workbook plus ${ROWS.toLocaleString('en-US')} deal rows and a commission plan`);
  const workbook = new Workbook();
  workbook.replaceAll([
    ...demoWorkbook(),
    {
      name: 'Deals 100k',
      content: dealRows(ROWS),
      layout: {
        formats: [
          { range: `D2:D${ROWS + 1}`, format: '#,##0' },
          { range: `F2:F${ROWS + 1}`, format: '0%' },
          { range: `G2:H${ROWS + 1}`, format: 'yyyy-mm-dd' },
        ],
        boldRows: [1],
        frozenRows: 1,
      },
    },
  ]);
  workbook.insertPlan(commissionSheet({ kind: 'marginal', tiers: [{ from: 0, rate: 0.08 }, { from: 1, rate: 0.12 }] }, [{ rep: OWNERS[0], quota: 250_000, bookings: [310_000] }], sheetWords));
  const exports: { collect: number; write: number; bytes: number }[] = [];
  for (let run = 1; run <= RUNS; run++) {
    progress(`downloading it as .xlsx, run ${run} of ${RUNS}`);
    collectGarbage();
    const start = process.hrtime.bigint();
    const data = bookData(workbook);
    const collected = since(start);
    const bytes = await writeXlsx(data);
    exports.push({ collect: collected, write: since(start) - collected, bytes: bytes.length });
  }
  workbook.hf.destroy();

  const reads: { parse: number; insert: number }[] = [];
  for (let run = 1; run <= RUNS; run++) {
    progress(`opening the Salesforce export as .xlsx, run ${run} of ${RUNS}`);
    const target = new Workbook();
    target.replaceAll(demoWorkbook());
    collectGarbage();
    const start = process.hrtime.bigint();
    const opened = await readXlsx(xlsxExport, 'Opportunities.xlsx');
    const parsed = since(start);
    const names = insertImported(target, opened);
    reads.push({ parse: parsed, insert: since(start) - parsed });
    const { rows } = target.extent(target.sheetId(names[0]));
    if (rows !== ROWS + 1) throw new Error(`the .xlsx import holds ${rows} rows, not ${ROWS + 1}`);
    target.hf.destroy();
  }

  const importTotal = median(imports.map((run) => run.parse + run.insert));
  const exportTotal = median(exports.map((run) => run.collect + run.write));
  const readTotal = median(reads.map((run) => run.parse + run.insert));
  const ms = (value: number) => value.toFixed(0);
  return [
    `| files in and out, ${ROWS.toLocaleString('en-US')} rows (median of ${RUNS}) | parts ms | total ms | budget | |`,
    '| --- | --- | ---: | ---: | --- |',
    `| CSV export opened beside the demo | parse and type ${ms(median(imports.map((run) => run.parse)))} + into the engine ${ms(median(imports.map((run) => run.insert)))} | ${ms(importTotal)} | ≤ ${BUDGET_MS} | ${verdict(importTotal)} |`,
    `| demo + deal rows + commission plan and its chart downloaded as .xlsx (${(exports[0].bytes / 1e6).toFixed(1)} MB) | read the workbook ${ms(median(exports.map((run) => run.collect)))} + ExcelJS and the chart ${ms(median(exports.map((run) => run.write)))} | ${ms(exportTotal)} | ≤ ${BUDGET_MS} | ${verdict(exportTotal)} |`,
    `| the same export as .xlsx opened beside the demo | ExcelJS ${ms(median(reads.map((run) => run.parse)))} + into the engine ${ms(median(reads.map((run) => run.insert)))} | ${ms(readTotal)} | ≤ ${BUDGET_MS} | ${verdict(readTotal)} |`,
  ];
}
