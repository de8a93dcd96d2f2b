/**
 * The playground's demo workbook, built from the demo org (demo-data.ts):
 * Summary (the landing sheet: attainment, commission, forecast accuracy, win
 * rate, pipeline, a stage funnel, territory balance), Deals (the pipeline the
 * summary reads), a Salesforce and a HubSpot export as they come, and Settings
 * (stage probabilities, the commission plan, next quarter's quota).
 * Formulas are written as in Excel, with no argument left empty, so every host
 * and an exported .xlsx read them the same way.
 */
import type { PlanCell, SheetPlan } from '../core/templates';
import { text } from '../ui/messages';
import {
  AS_OF,
  CLOSED_QUARTER,
  COMMISSION_TIERS,
  type Deal,
  DEMO_SEED,
  type DemoData,
  FUNNEL,
  HUBSPOT_STAGES,
  NEXT_QUARTER,
  STAGE_PROBABILITIES,
  WON,
  demoData,
} from './demo-data';
import { hubspotSheet, salesforceSheet } from './demo-exports';
import {
  AS_OF_CELL,
  COMMISSION_PLAN,
  DATE,
  DEALS,
  FUNNEL_ORDER,
  MONEY,
  NEXT_QUOTA,
  NEXT_QUOTA_ROW,
  PERCENT,
  SETTINGS,
  STAGE_TABLE,
  SUMMARY,
  dateFormula,
  formula as f,
  rectangle,
} from './demo-layout';

/** The Deals sheet's columns, in order. */
const DEAL_COLUMNS = ['Deal ID', 'Account', 'Owner', 'Region', 'Amount', 'Stage', 'Furthest stage', 'Created', 'Close date', 'Forecast category'];

/**
 * Open deals whose stage the CRM handed over with a trailing space, as real
 * exports do now and then: the functions match labels ignoring it.
 */
function untidyStages(deals: readonly Deal[]): Set<number> {
  const first = (stage: string) => deals.findIndex((deal) => deal.stage === stage);
  return new Set([first('Proposal'), first('Negotiation')]);
}

function dealsSheet(deals: readonly Deal[]): SheetPlan {
  const untidy = untidyStages(deals);
  const rows: PlanCell[][] = [DEAL_COLUMNS];
  deals.forEach((deal, i) => {
    rows.push([
      deal.id,
      deal.account,
      deal.owner,
      deal.region,
      deal.amount,
      untidy.has(i) ? `${deal.stage} ` : deal.stage,
      deal.furthest,
      deal.created,
      deal.close,
      deal.category,
    ]);
  });
  const last = deals.length + 1;
  return {
    name: DEALS,
    cells: rows,
    formats: [
      { range: `E2:E${last}`, format: MONEY },
      { range: `H2:I${last}`, format: DATE },
    ],
    columnWidths: [70, 155, 110, 70, 90, 105, 125, 90, 95, 130],
    boldRows: [1],
    frozenRows: 1,
  };
}

function summarySheet({ reps, deals }: DemoData): SheetPlan {
  const last = deals.length + 1;
  const deal = (letter: string) => `${DEALS}!$${letter}$2:$${letter}$${last}`;
  const [amount, owner, region, stage, furthest, created, close, category] = ['E', 'C', 'D', 'F', 'G', 'H', 'I', 'J'].map(deal);
  const first = 4;
  const lastRep = first + reps.length - 1;
  const repRange = (letter: string) => `${letter}${first}:${letter}${lastRep}`;
  const [quotas, forecasts, closedWon] = ['C', 'D', 'E'].map(repRange);
  const nextQuarterEnd = dateFormula(NEXT_QUARTER.end);

  // Columns A–G: one row per rep. Columns I–J: the team's figures, beside them.
  const rows: PlanCell[][] = [
    [text('demo.summary.title', { quarter: CLOSED_QUARTER.label }), null, null, null, null, null, null, null, text('demo.summary.asOf'), AS_OF],
    [text('demo.summary.lead')],
    ['Rep', 'Region', 'Quota', 'Forecast', 'Closed won', 'Attainment', 'Commission', null, text('demo.summary.team', { quarter: CLOSED_QUARTER.label })],
  ];
  reps.forEach((rep, i) => {
    const row = first + i;
    rows.push([
      rep.name,
      rep.region,
      rep.quota,
      rep.forecast,
      f(`SUMIFS(${amount},${owner},A${row},${stage},"${WON}")`),
      i === 0 ? f(`QUOTA_ATTAINMENT(${closedWon},${quotas})`) : null,
      i === 0 ? f(`COMMISSION(${closedWon},${COMMISSION_PLAN},"marginal",0,${quotas})`) : null,
    ]);
  });
  const team: [string, string, string][] = [
    [text('demo.summary.teamAttainment'), `SUM(${closedWon})/SUM(${quotas})`, PERCENT],
    [text('demo.summary.repsAtQuota'), `QUOTA_ATTAINMENT_RATE(${closedWon},${quotas})`, PERCENT],
    [text('demo.summary.forecastAccuracy'), `FORECAST_ACCURACY(${closedWon},${forecasts})`, '0.0%'],
    [text('demo.summary.winRate'), `WIN_RATE(${stage})`, PERCENT],
    [text('demo.summary.avgDeal'), `AVG_DEAL_SIZE(${amount},${stage})`, MONEY],
    [text('demo.summary.salesCycle'), `SALES_CYCLE(${created},${close},${stage})`, '0'],
    [
      text('demo.summary.weightedQuarter', { quarter: NEXT_QUARTER.label }),
      `WEIGHTED_PIPELINE(${amount},${stage},${STAGE_TABLE},${close},${AS_OF_CELL},${nextQuarterEnd})`,
      MONEY,
    ],
    [text('demo.summary.weightedAll'), `WEIGHTED_PIPELINE(${amount},${stage},${STAGE_TABLE},${close},${AS_OF_CELL})`, MONEY],
    [
      text('demo.summary.coverage', { quarter: NEXT_QUARTER.label }),
      `PIPELINE_COVERAGE(SUMIFS(${amount},${close},">="&${AS_OF_CELL},${close},"<="&${nextQuarterEnd}),${NEXT_QUOTA})`,
      '0.00',
    ],
    [text('demo.summary.territoryBalance'), `TERRITORY_BALANCE(${region},${amount})`, PERCENT],
  ];
  const formats: { range: string; format: string }[] = [
    { range: 'J1', format: DATE },
    { range: `C${first}:E${lastRep}`, format: MONEY },
    { range: `F${first}:F${lastRep}`, format: PERCENT },
    { range: `G${first}:G${lastRep}`, format: MONEY },
  ];
  team.forEach(([label, formula, format], i) => {
    const row = (rows[first - 1 + i] ??= []);
    row[8] = label;
    row[9] = f(formula);
    formats.push({ range: `J${first + i}`, format });
  });

  // Below the reps: the funnel and the forecast roll-up, each a table one formula spills.
  const tablesTitle = Math.max(rows.length, first + team.length - 1) + 2;
  while (rows.length < tablesTitle - 1) rows.push([]);
  rows.push([text('demo.summary.funnel'), null, null, null, text('demo.summary.rollup')]);
  rows.push([f(`STAGE_CONVERSION(${furthest},${FUNNEL_ORDER})`), null, null, null, f(`FORECAST_ROLLUP(${amount},${category})`)]);
  const tables = tablesTitle + 1;
  formats.push(
    { range: `C${tables + 1}:C${tables + FUNNEL.length + 1}`, format: PERCENT },
    { range: `F${tables + 1}:F${tables + 4}`, format: MONEY },
  );

  return {
    name: SUMMARY,
    cells: rectangle(rows),
    formats,
    columnWidths: [110, 80, 90, 90, 100, 100, 95, 12, 240, 100],
    boldRows: [1, 3, tablesTitle, tables],
  };
}

function settingsSheet(reps: DemoData['reps']): SheetPlan {
  const rows: PlanCell[][] = [['Stage', 'Probability', null, 'Attainment from', 'Commission rate', null, 'HubSpot deal stage', 'HubSpot probability']];
  const height = Math.max(STAGE_PROBABILITIES.length, HUBSPOT_STAGES.length, NEXT_QUOTA_ROW - 1);
  const nextQuota = Math.round((reps.reduce((sum, rep) => sum + rep.quota, 0) * 1.1) / 50_000) * 50_000;
  for (let i = 0; i < height; i++) {
    const row = i + 2;
    const [stage, probability] = STAGE_PROBABILITIES[i] ?? [null, null];
    const [from, rate] = COMMISSION_TIERS[i] ?? [null, null];
    const [hubspotStage, hubspotProbability] = HUBSPOT_STAGES[i] ?? [null, null];
    const quota: PlanCell[] = row === NEXT_QUOTA_ROW ? [text('demo.settings.nextQuota', { quarter: NEXT_QUARTER.label }), nextQuota] : [from, rate];
    rows.push([stage, probability, null, ...quota, null, hubspotStage, hubspotProbability]);
  }
  return {
    name: SETTINGS,
    cells: rows,
    formats: [
      { range: `B2:B${STAGE_PROBABILITIES.length + 1}`, format: PERCENT },
      { range: `D2:E${COMMISSION_TIERS.length + 1}`, format: PERCENT },
      { range: `E${NEXT_QUOTA_ROW}`, format: MONEY },
      { range: `H2:H${HUBSPOT_STAGES.length + 1}`, format: PERCENT },
    ],
    columnWidths: [110, 85, 16, 165, 130, 16, 185, 140],
    boldRows: [1],
    frozenRows: 1,
  };
}

/** The demo workbook's sheets, in tab order, as sheet plans. */
export function demoSheets(seed = DEMO_SEED): SheetPlan[] {
  const data = demoData(seed);
  return [
    summarySheet(data),
    dealsSheet(data.deals),
    settingsSheet(data.reps),
    salesforceSheet(data.deals.filter((deal) => deal.region === 'West')),
    hubspotSheet(data.deals.filter((deal) => deal.region === 'EMEA')),
  ];
}
