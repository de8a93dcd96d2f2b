/**
 * The playground's demo CRM data, generated from a fixed seed so every machine
 * sees the same workbook: Reps (with live formulas), Deals, Stages. The data is
 * "as of" 1 April 2026: won and lost deals closed in Q1 2026, open deals close
 * from April on.
 */
import type { PlanCell, SheetPlan } from '../core/templates';
import { serialFromYmd } from '../core/values';
import { createRandom } from './random';

export const DEMO_SEED = 20260401;
export const DEAL_COUNT = 300;

export const STAGES: readonly (readonly [string, number])[] = [
  ['Prospecting', 0.1],
  ['Qualification', 0.2],
  ['Proposal', 0.5],
  ['Negotiation', 0.75],
  ['Closed Won', 1],
  ['Closed Lost', 0],
];

const REPS: readonly (readonly [string, string])[] = [
  ['Alex Morgan', 'West'],
  ['Priya Shah', 'West'],
  ['Diego Alvarez', 'Central'],
  ['Mei Tanaka', 'Central'],
  ['Sam Carter', 'East'],
  ['Fatima Noor', 'East'],
  ['Lukas Weber', 'EMEA'],
  ['Grace Kim', 'EMEA'],
];

const ACCOUNT_NAMES = [
  'Northwind', 'Contoso', 'Fabrikam', 'Tailspin', 'Woodgrove', 'Litware', 'Adatum', 'Proseware',
  'Wingtip', 'Alpine', 'Blue Yonder', 'Coho', 'Fourth Coffee', 'Lucerne', 'Trey Research', 'Humongous',
  'Graphic Design', 'Wide World', 'Relecloud', 'Southridge', 'Datum', 'Bellows', 'Vanarsdel', 'Lamna',
];
const ACCOUNT_SUFFIXES = ['Inc', 'Ltd', 'Group', 'Labs', 'Systems', 'Foods', 'Logistics', 'Health', 'Partners', 'Energy'];

const Q1_START = serialFromYmd(2026, 1, 1);
const Q1_DAYS = 90;
const Q2_START = serialFromYmd(2026, 4, 1);

export interface Deal {
  readonly id: string;
  readonly account: string;
  readonly owner: string;
  readonly amount: number;
  readonly stage: string;
  readonly probability: number;
  readonly created: number;
  readonly close: number;
  readonly category: string;
  readonly outcome: 'Won' | 'Lost' | 'Open';
}

export interface Rep {
  readonly name: string;
  readonly region: string;
  readonly quota: number;
  readonly forecast: number;
}

export interface DemoData {
  readonly deals: readonly Deal[];
  readonly reps: readonly Rep[];
}

const roundTo = (value: number, step: number) => Math.round(value / step) * step;

export function demoData(seed = DEMO_SEED): DemoData {
  const random = createRandom(seed);
  const probabilityOf = new Map(STAGES);
  const deals: Deal[] = [];
  for (let i = 0; i < DEAL_COUNT; i++) {
    const owner = random.pick(REPS)[0];
    const account = `${random.pick(ACCOUNT_NAMES)} ${random.pick(ACCOUNT_SUFFIXES)}`;
    const amount = roundTo(8000 + 150000 * random.next() ** 2, 500);
    const outcome = random.weighted<Deal['outcome']>([['Won', 30], ['Lost', 20], ['Open', 50]]);
    const stage =
      outcome === 'Won'
        ? 'Closed Won'
        : outcome === 'Lost'
          ? 'Closed Lost'
          : random.weighted([['Prospecting', 30], ['Qualification', 25], ['Proposal', 25], ['Negotiation', 20]] as const);
    const close = outcome === 'Open' ? Q2_START + random.int(0, 180) : Q1_START + random.int(0, Q1_DAYS - 1);
    // Open deals were all created before the data's as-of date.
    const created = outcome === 'Open' ? Q2_START - random.int(1, 120) : close - random.int(20, 150);
    const category =
      outcome === 'Won'
        ? 'Closed'
        : outcome === 'Lost'
          ? 'Omitted'
          : stage === 'Negotiation'
            ? 'Commit'
            : stage === 'Proposal'
              ? 'Best Case'
              : 'Pipeline';
    deals.push({
      id: `D-${1001 + i}`,
      account,
      owner,
      amount,
      stage,
      probability: probabilityOf.get(stage)!,
      created,
      close,
      category,
      outcome,
    });
  }
  const reps = REPS.map(([name, region]) => {
    const won = deals.filter((deal) => deal.owner === name && deal.outcome === 'Won').reduce((sum, d) => sum + d.amount, 0);
    return {
      name,
      region,
      quota: Math.max(50000, roundTo(won * (0.8 + 0.55 * random.next()), 5000)),
      forecast: roundTo(won * (0.85 + 0.35 * random.next()), 5000),
    };
  });
  return { deals, reps };
}

const f = (formula: string): PlanCell => ({ formula });

/** The demo workbook's sheets, in tab order, as sheet plans. */
export function demoSheets(seed = DEMO_SEED): SheetPlan[] {
  const { deals, reps } = demoData(seed);
  const last = DEAL_COUNT + 1;
  const col = (letter: string) => `Deals!$${letter}$2:$${letter}$${last}`;
  const repLast = reps.length + 1;

  const range = (letter: string) => `Deals!${letter}2:${letter}${last}`;
  const repRows: PlanCell[][] = [
    ['Rep', 'Region', 'Q1 quota', 'Q1 forecast', 'Q1 closed won', 'Attainment', 'Forecast error', null, 'Team, Q1 2026', null],
  ];
  reps.forEach((rep, i) => {
    const row = i + 2;
    repRows.push([
      rep.name,
      rep.region,
      rep.quota,
      rep.forecast,
      f(`SUMIFS(${col('D')},${col('C')},A${row},${col('J')},"Won")`),
      i === 0 ? f(`QUOTA_ATTAINMENT(E2:E${repLast},C2:C${repLast})`) : null,
      i === 0 ? f(`FORECAST_ERROR(E2:E${repLast},D2:D${repLast})`) : null,
      null,
      null,
      null,
    ]);
  });
  // A summary beside the reps: team figures, then pipeline figures from the Deals sheet.
  const summary: ([string, string] | [string] | [])[] = [
    ['Team attainment', `SUM(E2:E${repLast})/SUM(C2:C${repLast})`],
    ['Reps at or above quota', `QUOTA_ATTAINMENT_RATE(E2:E${repLast},C2:C${repLast})`],
    ['Forecast WAPE', `FORECAST_ERROR(E2:E${repLast},D2:D${repLast},"wape")`],
    ['Forecast bias', `FORECAST_ERROR(E2:E${repLast},D2:D${repLast},"bias")`],
    [],
    ['Pipeline, from the Deals sheet'],
    ['Weighted open pipeline', `WEIGHTED_PIPELINE(${range('D')},${range('E')},Stages!A2:B7,${range('H')},DATE(2026,4,1))`],
    ['Weighted, closing in Q2 2026', `WEIGHTED_PIPELINE(${range('D')},${range('F')},,${range('H')},DATE(2026,4,1),DATE(2026,6,30))`],
    ['Win rate (closed deals)', `WIN_RATE(${range('J')})`],
    ['Average won deal', `AVG_DEAL_SIZE(${range('D')},${range('J')})`],
    ['Sales cycle, won deals (days)', `SALES_CYCLE(${range('G')},${range('H')},${range('J')})`],
    [],
    ['Forecast roll-up (cumulative)'],
  ];
  summary.forEach(([label, formula], i) => {
    const row = (repRows[i + 1] ??= new Array<PlanCell>(10).fill(null));
    row[8] = label ?? null;
    row[9] = formula ? f(formula) : null;
  });
  // FORECAST_ROLLUP spills a table (header and four rows) under its label.
  repRows.push([null, null, null, null, null, null, null, null, f(`FORECAST_ROLLUP(${range('D')},${range('I')})`), null]);
  const rollupRow = repRows.length;

  const dealRows: PlanCell[][] = [
    ['Deal ID', 'Account', 'Owner', 'Amount', 'Stage', 'Probability', 'Created', 'Close date', 'Forecast category', 'Outcome'],
  ];
  for (const deal of deals) {
    dealRows.push([
      deal.id, deal.account, deal.owner, deal.amount, deal.stage, deal.probability,
      deal.created, deal.close, deal.category, deal.outcome,
    ]);
  }
  const dealRange = (letter: string) => `${letter}2:${letter}${last}`;

  const stageRows: PlanCell[][] = [['Stage', 'Probability'], ...STAGES.map(([stage, p]) => [stage, p])];

  return [
    {
      name: 'Reps',
      cells: repRows,
      formats: [
        { range: `C2:E${repLast}`, format: '#,##0' },
        { range: `F2:F${repLast}`, format: '0%' },
        { range: `G2:G${repLast}`, format: '0.0%' },
        { range: 'J2:J3', format: '0%' },
        { range: 'J4', format: '0.0%' },
        { range: 'J5', format: '#,##0' },
        { range: 'J8:J9', format: '#,##0' },
        { range: 'J10', format: '0%' },
        { range: 'J11', format: '#,##0' },
        { range: 'J12', format: '0' },
        { range: `J${rollupRow}:J${rollupRow + 4}`, format: '#,##0' },
      ],
      columnWidths: [115, 70, 85, 100, 125, 100, 115, 16, 215, 90],
      boldRows: [1],
      frozenRows: 1,
    },
    {
      name: 'Deals',
      cells: dealRows,
      formats: [
        { range: dealRange('D'), format: '#,##0' },
        { range: dealRange('F'), format: '0%' },
        { range: dealRange('G'), format: 'yyyy-mm-dd' },
        { range: dealRange('H'), format: 'yyyy-mm-dd' },
      ],
      columnWidths: [70, 160, 110, 85, 105, 85, 90, 90, 125, 75],
      boldRows: [1],
      frozenRows: 1,
    },
    {
      name: 'Stages',
      cells: stageRows,
      formats: [{ range: 'B2:B7', format: '0%' }],
      columnWidths: [130, 90],
      boldRows: [1],
      frozenRows: 1,
    },
  ];
}
