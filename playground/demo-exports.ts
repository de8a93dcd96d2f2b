/**
 * Two CRM exports in the shapes the CRMs write them, as an analyst would drop
 * them into the workbook: a Salesforce opportunity report and a HubSpot deals
 * export, each with the untidy cells real exports have, and formulas beside
 * them that read the data as it is.
 */
import type { PlanCell, SheetPlan } from '../core/templates';
import { columnName } from '../core/a1';
import { ymdFromSerial } from '../core/values';
import { text } from '../ui/messages';
import { type Deal, LOST, STAGE_PROBABILITIES, WON } from './demo-data';
import {
  AS_OF_CELL,
  DATE,
  HUBSPOT,
  HUBSPOT_STAGE_TABLE,
  MONEY,
  PERCENT,
  SALESFORCE,
  STAGE_TABLE,
  formula as f,
  rectangle,
} from './demo-layout';

/** A Salesforce opportunity report's columns ("Details only" export). */
const SALESFORCE_COLUMNS = [
  'Opportunity Name', 'Account Name', 'Opportunity Owner', 'Stage', 'Amount', 'Probability (%)',
  'Close Date', 'Created Date', 'Type', 'Fiscal Period',
];

/** A HubSpot deals export's columns. */
const HUBSPOT_COLUMNS = ['Record ID', 'Deal Name', 'Deal Stage', 'Amount', 'Close Date', 'Deal owner', 'Pipeline', 'Create Date'];

/** Our stages as HubSpot's default pipeline names them (internal ids, as its API and some exports give them). */
const HUBSPOT_STAGE_OF: Readonly<Record<string, readonly string[]>> = {
  Prospecting: ['appointmentscheduled'],
  Qualification: ['qualifiedtobuy'],
  Proposal: ['presentationscheduled'],
  Negotiation: ['decisionmakerboughtin', 'contractsent'],
  [WON]: ['closedwon'],
  [LOST]: ['closedlost'],
};

const probabilityOf = new Map(STAGE_PROBABILITIES);

function fiscalPeriod(serial: number): string {
  const { year, month } = ymdFromSerial(serial);
  return `Q${Math.ceil(month / 3)}-${year}`;
}

/** A line beside the data: a note on its own, or a label and its figure in a number format. */
type Line = readonly [note: string] | readonly [label: string, value: PlanCell, format: string];

/**
 * Beside the data, after a narrow gap, from row 2 down: short lines, so each
 * reads without scrolling along it. Returns the figures' number formats.
 */
function besideData(rows: PlanCell[][], labelCol: number, lines: readonly Line[]): { range: string; format: string }[] {
  return lines.flatMap((line, i) => {
    const row = (rows[i + 1] ??= []);
    row[labelCol] = line[0];
    if (line.length === 1) return [];
    row[labelCol + 1] = line[1];
    return [{ range: `${columnName(labelCol + 1)}${i + 2}`, format: line[2] }];
  });
}

/**
 * The West region's opportunities as Salesforce exports them. Untidy on
 * purpose: two "Closed Won " stages and an owner with a trailing space, and
 * Type left blank now and then.
 */
export function salesforceSheet(deals: readonly Deal[]): SheetPlan {
  const wonRows = deals.flatMap((deal, i) => (deal.stage === WON ? [i] : [])).slice(0, 2);
  const rows: PlanCell[][] = [[...SALESFORCE_COLUMNS]];
  deals.forEach((deal, i) => {
    rows.push([
      `${deal.account} - ${deal.type}`,
      deal.account,
      i === 4 ? `${deal.owner} ` : deal.owner,
      wonRows.includes(i) ? `${deal.stage} ` : deal.stage,
      deal.amount,
      probabilityOf.get(deal.stage)!,
      deal.close,
      deal.created,
      i % 9 === 4 ? null : deal.type,
      fiscalPeriod(deal.close),
    ]);
  });
  const last = deals.length + 1;
  const column = (letter: string) => `${letter}2:${letter}${last}`;
  const [stage, amount, close, created] = ['D', 'E', 'G', 'H'].map(column);
  const figureFormats = besideData(rows, 11, [
    [text('demo.salesforce.title')],
    [text('demo.salesforce.untidy')],
    [''],
    [text('demo.export.winRate'), f(`WIN_RATE(${stage})`), PERCENT],
    [text('demo.export.weighted'), f(`WEIGHTED_PIPELINE(${amount},${stage},${STAGE_TABLE},${close},${AS_OF_CELL})`), MONEY],
    [text('demo.export.avgDeal'), f(`AVG_DEAL_SIZE(${amount},${stage})`), MONEY],
    [text('demo.export.salesCycle'), f(`SALES_CYCLE(${created},${close},${stage})`), '0'],
  ]);
  return {
    name: SALESFORCE,
    cells: rectangle(rows),
    formats: [
      { range: column('E'), format: MONEY },
      { range: column('F'), format: PERCENT },
      { range: `G2:H${last}`, format: DATE },
      ...figureFormats,
    ],
    columnWidths: [240, 150, 145, 100, 85, 120, 95, 105, 110, 95, 12, 210, 100],
    boldRows: [1],
    frozenRows: 1,
  };
}

/**
 * The EMEA region's deals as HubSpot exports them: stage ids, its own stage
 * probabilities (on Settings), one owner with a trailing space, and one deal
 * with no Amount. That blank is left in on purpose: the weighted pipeline
 * beside it shows the error that names it, with a note saying so.
 */
export function hubspotSheet(deals: readonly Deal[]): SheetPlan {
  const noAmount = deals.findIndex((deal) => deal.stage === 'Prospecting');
  const rows: PlanCell[][] = [[...HUBSPOT_COLUMNS]];
  deals.forEach((deal, i) => {
    const ids = HUBSPOT_STAGE_OF[deal.stage];
    rows.push([
      9_213_000_000 + Number(deal.id.slice(2)) * 4391,
      `${deal.account} - ${deal.type}`,
      ids[i % ids.length],
      i === noAmount ? null : deal.amount,
      deal.close,
      i === 2 ? `${deal.owner} ` : deal.owner,
      'Sales Pipeline',
      deal.created,
    ]);
  });
  const last = deals.length + 1;
  const column = (letter: string) => `${letter}2:${letter}${last}`;
  const [stage, amount, close, created] = ['C', 'D', 'E', 'H'].map(column);
  const blankRow = noAmount + 2;
  const blankCell = `D${blankRow}`;
  const figureFormats = besideData(rows, 9, [
    [text('demo.hubspot.title')],
    [text('demo.hubspot.stages')],
    [''],
    [text('demo.export.winRate'), f(`WIN_RATE(${stage})`), PERCENT],
    [text('demo.export.weighted'), f(`WEIGHTED_PIPELINE(${amount},${stage},${HUBSPOT_STAGE_TABLE},${close},${AS_OF_CELL})`), MONEY],
    [text('demo.hubspot.blankAmount', { row: blankRow })],
    [text('demo.hubspot.blankAmountFix', { cell: blankCell })],
    [text('demo.export.avgDeal'), f(`AVG_DEAL_SIZE(${amount},${stage})`), MONEY],
    [text('demo.export.salesCycle'), f(`SALES_CYCLE(${created},${close},${stage})`), '0'],
  ]);
  return {
    name: HUBSPOT,
    cells: rectangle(rows),
    formats: [
      { range: column('D'), format: MONEY },
      { range: column('E'), format: DATE },
      { range: column('H'), format: DATE },
      ...figureFormats,
    ],
    columnWidths: [100, 240, 170, 85, 95, 115, 110, 100, 12, 210, 100],
    boldRows: [1],
    frozenRows: 1,
  };
}
