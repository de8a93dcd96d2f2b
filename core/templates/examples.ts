/**
 * The examples sheet: a small sample of reps, deals and monthly forecasts with
 * live formulas that use the add-on's functions, each with a label saying what
 * it shows. Formulas are Excel syntax with custom functions written bare; the
 * Excel host adds its namespace (formulaForHost). Its labels come from the
 * catalog (ids under `templateSheet.examples.`); the sample reps, deals and
 * stages are data, as a CRM export would have them.
 */
import { columnName as letter } from '../a1';
import { serialFromYmd } from '../values';
import type { PlanCell, SheetPlan } from './plan';
import { type SheetWords, wordsUnder } from './words';

/** Catalog id of the sheet's name. */
export const EXAMPLES_SHEET_NAME = 'templateSheet.examples.name';

/** Builds the grid row by row, so every formula's references follow the layout. */
class SheetBuilder {
  readonly rows: PlanCell[][] = [];
  readonly formats: { range: string; format: string }[] = [];
  readonly boldRows: number[] = [];

  /** The 1-based number the next row will get. */
  get next(): number {
    return this.rows.length + 1;
  }

  row(cells: PlanCell[], options: { bold?: boolean } = {}): number {
    this.rows.push(cells);
    if (options.bold) this.boldRows.push(this.rows.length);
    return this.rows.length;
  }

  blank(): void {
    this.rows.push([]);
  }

  /** Every row padded to the same width: hosts write one rectangular block. */
  rectangle(): PlanCell[][] {
    const width = Math.max(...this.rows.map((row) => row.length));
    return this.rows.map((row) => [...row, ...new Array<PlanCell>(width - row.length).fill(null)]);
  }

  format(fromCol: number, fromRow: number, toCol: number, toRow: number, format: string): void {
    const start = `${letter(fromCol)}${fromRow}`;
    const end = `${letter(toCol)}${toRow}`;
    this.formats.push({ range: start === end ? start : `${start}:${end}`, format });
  }
}

const f = (formula: string): PlanCell => ({ formula });
const range = (col: number, from: number, to: number) => `${letter(col)}${from}:${letter(col)}${to}`;
const date = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return serialFromYmd(y, m, d);
};

const MONEY = '#,##0';
const PERCENT = '0%';
const PERCENT_1 = '0.0%';
const DATE = 'yyyy-mm-dd';
const MONTH = 'mmm yyyy';

/** Sample reps: name, actual bookings, quota. */
const REPS: readonly (readonly [string, number, number])[] = [
  ['Ana Silva', 90000, 100000],
  ['Ben Okafor', 132000, 120000],
  ['Chen Wei', 45000, 60000],
  ['Dana Ruiz', 150000, 150000],
];

/** Sales stages and their win probabilities, as a settings table. */
const STAGES: readonly (readonly [string, number])[] = [
  ['Discovery', 0.1],
  ['Qualified', 0.25],
  ['Proposal', 0.5],
  ['Negotiation', 0.75],
  ['Closed Won', 1],
];

/** Sample open deals: name, amount, stage, expected close date. */
const DEALS: readonly (readonly [string, number, string, string])[] = [
  ['Acme Corp', 120000, 'Discovery', '2026-02-20'],
  ['Globex', 80000, 'Proposal', '2026-03-15'],
  ['Initech', 50000, 'Negotiation', '2026-04-10'],
  ['Umbrella Co', 200000, 'Qualified', '2026-03-31'],
  ['Stark Industries', 30000, 'Negotiation', '2026-01-28'],
];

/** Monthly bookings: month, actual, what was forecast. */
const MONTHS: readonly (readonly [string, number, number])[] = [
  ['2026-01-01', 180000, 200000],
  ['2026-02-01', 165000, 150000],
  ['2026-03-01', 220000, 220000],
];

export function examplesPlan(words: SheetWords): SheetPlan {
  const say = wordsUnder(words, 'templateSheet.examples');
  const sheet = new SheetBuilder();
  // Columns: A label, B–E values, F gap, G–H the stage table.
  const [A, B, C, D, E, , G, H] = [0, 1, 2, 3, 4, 5, 6, 7];

  sheet.row([say('title')], { bold: true });
  sheet.row([say('lead')]);
  sheet.blank();

  // Quota attainment: one formula spills down the reps.
  sheet.row([say('attainment.title')], { bold: true });
  sheet.row([say('rep'), say('actual'), say('quota'), say('attainment')], { bold: true });
  const repFirst = sheet.next;
  const repLast = repFirst + REPS.length - 1;
  REPS.forEach(([rep, actual, quota], i) => {
    const cells: PlanCell[] = [rep, actual, quota];
    if (i === 0) {
      cells.push(f(`QUOTA_ATTAINMENT(${range(B, repFirst, repLast)},${range(C, repFirst, repLast)})`));
      cells.push(say('attainment.note'));
    }
    sheet.row(cells);
  });
  sheet.format(B, repFirst, C, repLast, MONEY);
  sheet.format(D, repFirst, D, repLast, PERCENT);
  sheet.blank();

  // Weighted pipeline: probabilities typed per deal, or looked up from the stage table.
  sheet.row([say('pipeline')], { bold: true });
  const dealHeader = sheet.row([say('deal'), say('amount'), say('stage'), say('probability'), say('closeDate'), null, say('stage'), say('probability')], {
    bold: true,
  });
  const dealFirst = sheet.next;
  const dealLast = dealFirst + DEALS.length - 1;
  const stageFirst = dealHeader + 1;
  const stageLast = stageFirst + STAGES.length - 1;
  const rowsNeeded = Math.max(DEALS.length, STAGES.length);
  for (let i = 0; i < rowsNeeded; i++) {
    const deal = DEALS[i];
    const stage = STAGES[i];
    const probability = deal ? STAGES.find(([name]) => name === deal[2])![1] : null;
    sheet.row([
      deal ? deal[0] : null,
      deal ? deal[1] : null,
      deal ? deal[2] : null,
      probability,
      deal ? date(deal[3]) : null,
      null,
      stage ? stage[0] : null,
      stage ? stage[1] : null,
    ]);
  }
  sheet.format(B, dealFirst, B, dealLast, MONEY);
  sheet.format(D, dealFirst, D, dealLast, PERCENT);
  sheet.format(E, dealFirst, E, dealLast, DATE);
  sheet.format(H, stageFirst, H, stageLast, PERCENT);
  sheet.blank();
  const amounts = range(B, dealFirst, dealLast);
  const probabilities = range(D, dealFirst, dealLast);
  const pipelineFirst = sheet.row([
    say('pipeline'),
    f(`WEIGHTED_PIPELINE(${amounts},${probabilities})`),
    say('pipeline.note'),
  ]);
  const stageNames = range(C, dealFirst, dealLast);
  const stageTable = `${letter(G)}${stageFirst}:${letter(H)}${stageLast}`;
  sheet.row([
    say('pipeline.byStage'),
    f(`WEIGHTED_PIPELINE(${amounts},${stageNames},${stageTable})`),
    say('pipeline.byStage.note'),
  ]);
  // No argument is left empty (a,,b): every host reads the call the same way.
  const pipelineLast = sheet.row([
    say('pipeline.closing'),
    f(`WEIGHTED_PIPELINE(${amounts},${stageNames},${stageTable},${range(E, dealFirst, dealLast)},DATE(2026,1,1),DATE(2026,3,31))`),
    say('pipeline.closing.note'),
  ]);
  sheet.format(B, pipelineFirst, B, pipelineLast, MONEY);
  sheet.blank();

  // Forecast accuracy: per-month error spills; WAPE and bias sum it up.
  sheet.row([say('forecast.title')], { bold: true });
  sheet.row([say('month'), say('actual'), say('forecast'), say('error')], { bold: true });
  const monthFirst = sheet.next;
  const monthLast = monthFirst + MONTHS.length - 1;
  const actuals = range(B, monthFirst, monthLast);
  const forecasts = range(C, monthFirst, monthLast);
  MONTHS.forEach(([month, actual, forecast], i) => {
    const cells: PlanCell[] = [date(month), actual, forecast];
    if (i === 0) {
      cells.push(f(`FORECAST_ERROR(${actuals},${forecasts})`));
      cells.push(say('error.note'));
    }
    sheet.row(cells);
  });
  sheet.format(A, monthFirst, A, monthLast, MONTH);
  sheet.format(B, monthFirst, C, monthLast, MONEY);
  sheet.format(D, monthFirst, D, monthLast, PERCENT_1);
  sheet.blank();
  const wapeRow = sheet.row([
    say('wape'),
    f(`FORECAST_ERROR(${actuals},${forecasts},"wape")`),
    say('wape.note'),
  ]);
  const biasRow = sheet.row([
    say('bias'),
    f(`FORECAST_ERROR(${actuals},${forecasts},"bias")`),
    say('bias.note'),
  ]);
  sheet.format(B, wapeRow, B, wapeRow, PERCENT_1);
  sheet.format(B, biasRow, B, biasRow, MONEY);

  return {
    name: words(EXAMPLES_SHEET_NAME),
    cells: sheet.rectangle(),
    formats: sheet.formats,
    columnWidths: [210, 100, 100, 100, 100, 24, 110, 90],
    boldRows: sheet.boldRows,
  };
}
