/**
 * The commission sheet: a labelled parameter block of editable cells, a table
 * of reps whose every figure is a native formula over that block, totals, and
 * a payout-by-attainment table feeding a line chart. Finance can audit it,
 * change a rate and see every payout follow, in any spreadsheet.
 */
import { parseCell } from '../../a1';
import { NUMBER_FORMAT_CODES } from '../../spec';
import type { PlanCell, PlanChart, SheetPlan } from '../plan';
import { type SheetWords, numbered, wordsUnder } from '../words';
import { type EarnedInputs, type ParameterCells, curveShareFormula, drawFormulas, earnedFormula } from './formulas';
import { Grid, at, span } from '../grid';
import type { CommissionPlan, PayPeriods, PlanKind, RepRow } from './model';
import { monthsPerPlanPeriod, periodLabels, periodsToDate, startsPlanPeriod } from './periods';
import { CHART_ATTAINMENTS, DEFAULT_EXAMPLE, type ExampleRep, exampleTarget } from './preview';
import { assertSound } from './validate';

/** Catalog id of the sheet's name; its other words are the ids under `templateSheet.commission.`. */
export const COMMISSION_SHEET_NAME = 'templateSheet.commission.name';

const MONEY = NUMBER_FORMAT_CODES.currency!;
const PERCENT = NUMBER_FORMAT_CODES.percent!;
const SHARE_OF_QUOTA = '0.00%';
const SLOPE = '0.00';

const kindTitle = (say: SheetWords, kind: PlanKind) => say(`kind.${kind}`);
const periodsTitle = (say: SheetWords, periods: PayPeriods) => say(`periods.${periods}`);

export interface CommissionSheetOptions {
  /** The sheet name asked for; hosts make it unique. */
  readonly name?: string;
  /** The rep the payout table and chart pay. */
  readonly example?: ExampleRep;
  /** Titles of the pay periods' column groups (e.g. the source range's headers); "Month 1"... by default. */
  readonly periodLabels?: readonly string[];
}

/** A1 names of one pay period's figures for one rep. */
export interface PeriodCells {
  readonly bookings: string;
  readonly attainment: string;
  readonly payoutShare?: string;
  /** Periodic plans: earned on the plan period's bookings to date. */
  readonly earnedToDate?: string;
  /** Earned this pay period. */
  readonly earned: string;
  readonly drawPaid?: string;
  readonly balance?: string;
  /** What the rep is paid: drawPaid with a draw, else earned. */
  readonly payout: string;
}

/** Where the sheet keeps each computed figure, as A1 names: for reading it back. */
export interface CommissionSheetCells {
  readonly reps: readonly { readonly periods: readonly PeriodCells[]; readonly totalPaid?: string }[];
  /** The totals row: every rep's payout per pay period, and (several periods) in all. */
  readonly totals: { readonly payout: readonly string[]; readonly totalPaid?: string };
  /** The payout-by-attainment table: the example rep's payout at CHART_ATTAINMENTS. */
  readonly chart: readonly string[];
}

/**
 * The sheet of a sound plan for `reps`, with where its figures are, worded by
 * the host's catalog. Throws PlanProblemsError for a plan that is not sound.
 */
export function buildCommissionSheet(
  plan: CommissionPlan,
  reps: readonly RepRow[],
  words: SheetWords,
  options: CommissionSheetOptions = {},
): { sheet: SheetPlan; cells: CommissionSheetCells } {
  assertSound(plan, reps);
  const say = wordsUnder(words, 'templateSheet.commission');
  const grid = new Grid();
  grid.set(0, 0, `${words(COMMISSION_SHEET_NAME)}: ${kindTitle(say, plan.kind)}`);
  grid.boldRow(0);
  grid.set(1, 0, say('lead'));
  const { cells: params, next } = parameterBlock(grid, plan, say, 3);
  const { cells: repCells, totals, next: afterReps, width } = repTable(grid, plan, reps, params, say, next, options.periodLabels);
  const { cells: chart, chart: planChart } = payoutTable(grid, plan, params, say, afterReps + 1, options.example ?? DEFAULT_EXAMPLE);
  const widths = [190, ...Array.from({ length: Math.max(width, 6) - 1 }, () => 110)];
  return { sheet: grid.plan(options.name ?? words(COMMISSION_SHEET_NAME), widths, [planChart]), cells: { reps: repCells, totals, chart } };
}

export function commissionSheet(plan: CommissionPlan, reps: readonly RepRow[], words: SheetWords, options: CommissionSheetOptions = {}): SheetPlan {
  return buildCommissionSheet(plan, reps, words, options).sheet;
}

/** Labels in A, values in B, tables in B–D. Returns the cells formulas refer to, and the first row after. */
function parameterBlock(grid: Grid, plan: CommissionPlan, say: SheetWords, top: number): { cells: ParameterCells; next: number } {
  let row = top;
  grid.set(row, 0, say('plan'));
  grid.boldRow(row++);
  const cells: { -readonly [K in keyof ParameterCells]: ParameterCells[K] } = {};
  const value = (label: string, cell: PlanCell, format?: string, note?: string): string => {
    grid.line(row, 0, note ? [label, cell, note] : [label, cell]);
    if (format) grid.format(row, 1, row, 1, format);
    return at(row++, 1, true);
  };
  value(say('planType'), kindTitle(say, plan.kind));
  value(say('payPeriods'), periodsTitle(say, plan.periods ?? 'none'));
  if (plan.kind === 'flat') cells.rate = value(say('rate'), plan.rate, PERCENT, say('rate.note'));
  if (plan.kind === 'curve') {
    if (plan.targetIncentive != null) cells.targetIncentive = value(say('targetIncentive'), plan.targetIncentive, MONEY, say('targetIncentive.note'));
    if (plan.cap != null) cells.cap = value(say('cap'), plan.cap, PERCENT, say('cap.note'));
  }
  if (plan.gate != null) cells.gate = value(say('gate'), plan.gate, PERCENT, say('gate.note'));
  if (plan.draw) {
    cells.draw = value(say('draw'), plan.draw.amount, MONEY, say(plan.draw.recoverable ? 'draw.recoverable' : 'draw.nonRecoverable'));
  }
  row++;
  if (plan.kind === 'marginal' || plan.kind === 'retroactive') {
    const marginal = plan.kind === 'marginal';
    grid.line(row, 0, [say('tier'), say('tier.from'), say('tier.rate'), ...(marginal ? [say('tier.start')] : [])]);
    grid.boldRow(row++);
    const first = row;
    const last = first + plan.tiers.length - 1;
    plan.tiers.forEach((tier, k) => {
      const r = first + k;
      // The commission below a tier: the one below the tier before, plus that tier's slice at its rate.
      const start: PlanCell = k === 0 ? 0 : { formula: `${at(r - 1, 3)}+(${at(r, 1)}-${at(r - 1, 1)})*${at(r - 1, 2)}` };
      grid.line(r, 0, [numbered(say, 'tier', k + 1), tier.from, tier.rate, ...(marginal ? [start] : [])]);
    });
    grid.format(first, 1, last, 2, PERCENT);
    if (marginal) grid.format(first, 3, last, 3, SHARE_OF_QUOTA);
    cells.tiers = { from: span(first, 1, last, true), rate: span(first, 2, last, true), ...(marginal ? { start: span(first, 3, last, true) } : {}) };
    row = last + 2;
  }
  if (plan.kind === 'curve') {
    grid.line(row, 0, [say('point'), say('point.attainment'), say('point.payout'), say('point.slope')]);
    grid.boldRow(row++);
    const first = row;
    const last = first + plan.curve.length - 1;
    plan.curve.forEach((point, k) => {
      const r = first + k;
      // Payout per unit of attainment up to the next point; beyond the last point the last slope goes on (the accelerator).
      const slope = k < plan.curve.length - 1 ? `(${at(r + 1, 2)}-${at(r, 2)})/(${at(r + 1, 1)}-${at(r, 1)})` : at(r - 1, 3);
      grid.line(r, 0, [k === 0 ? say('point.threshold') : numbered(say, 'point', k + 1), point.attainment, point.payout, { formula: slope }]);
    });
    grid.format(first, 1, last, 2, PERCENT);
    grid.format(first, 3, last, 3, SLOPE);
    cells.curve = { attainment: span(first, 1, last, true), payout: span(first, 2, last, true), slope: span(first, 3, last, true), first: at(first, 1, true) };
    row = last + 2;
  }
  return { cells, next: row };
}

/** One pay period's columns, left to right, and their headers. */
function groupColumns(plan: CommissionPlan, say: SheetWords): { key: keyof PeriodCells; header: string; format: string }[] {
  const periodic = monthsPerPlanPeriod(plan) > 1;
  const toDate = periodic ? '.toDate' : '';
  const earned = plan.kind === 'curve' ? 'incentive' : 'commission';
  const columns: { key: keyof PeriodCells; header: string; format: string }[] = [
    { key: 'bookings', header: say('bookings'), format: MONEY },
    { key: 'attainment', header: say(`attainment${toDate}`), format: PERCENT },
  ];
  if (plan.kind === 'curve') columns.push({ key: 'payoutShare', header: say(`payoutShare${toDate}`), format: PERCENT });
  if (periodic) columns.push({ key: 'earnedToDate', header: say(`${earned}.toDate`), format: MONEY });
  columns.push({ key: 'earned', header: say(periodic ? `${earned}.thisMonth` : earned), format: MONEY });
  if (plan.draw) columns.push({ key: 'drawPaid', header: say('drawPaid'), format: MONEY });
  if (plan.draw?.recoverable) columns.push({ key: 'balance', header: say('drawBalance'), format: MONEY });
  return columns;
}

function repTable(
  grid: Grid,
  plan: CommissionPlan,
  reps: readonly RepRow[],
  params: ParameterCells,
  say: SheetWords,
  top: number,
  labels?: readonly string[],
): { cells: CommissionSheetCells['reps']; totals: CommissionSheetCells['totals']; next: number; width: number } {
  const count = reps[0].bookings.length;
  const columns = groupColumns(plan, say);
  const ownTarget = plan.kind === 'curve';
  const firstGroupCol = ownTarget ? 3 : 2;
  const groupCol = (m: number, key: keyof PeriodCells) => firstGroupCol + m * columns.length + columns.findIndex((c) => c.key === key);
  const totalCol = count > 1 ? firstGroupCol + count * columns.length : undefined;
  let row = top;
  grid.set(row, 0, say('reps'));
  grid.boldRow(row++);
  if (count > 1) {
    const titles = labels && labels.length === count ? labels : periodLabels(plan, count, say);
    titles.forEach((title, m) => grid.set(row, groupCol(m, 'bookings'), title));
    grid.boldRow(row++);
  }
  const header: PlanCell[] = [say('rep'), say('quota'), ...(ownTarget ? [say('repTargetIncentive')] : [])];
  for (let m = 0; m < count; m++) header.push(...columns.map((c) => c.header));
  if (totalCol !== undefined) header.push(say('totalPaid'));
  grid.line(row, 0, header);
  grid.boldRow(row++);
  const first = row;
  const last = first + reps.length - 1;
  const cells = reps.map((rep, i) => {
    const r = first + i;
    const quota = at(r, 1);
    const target = ownTarget ? at(r, 2) : undefined;
    grid.line(r, 0, [rep.rep, rep.quota]);
    if (ownTarget) grid.set(r, 2, params.targetIncentive ? { formula: params.targetIncentive } : (rep.targetIncentive ?? null));
    const periods: PeriodCells[] = [];
    for (let m = 0; m < count; m++) {
      const cell = (key: keyof PeriodCells) => at(r, groupCol(m, key));
      const toDate = periodsToDate(plan, m).map((k) => at(r, groupCol(k, 'bookings')));
      const bookingsToDate = toDate.length === 1 ? toDate[0] : `SUM(${toDate.join(',')})`;
      grid.set(r, groupCol(m, 'bookings'), rep.bookings[m]);
      grid.formula(r, groupCol(m, 'attainment'), `${bookingsToDate}/${quota}`);
      const inputs: EarnedInputs = { attainment: cell('attainment'), bookings: bookingsToDate, quota, target, share: ownTarget ? cell('payoutShare') : undefined };
      if (ownTarget) grid.formula(r, groupCol(m, 'payoutShare'), curveShareFormula(params, cell('attainment')));
      const earnedFormulaText = earnedFormula(plan, params, inputs);
      if (monthsPerPlanPeriod(plan) > 1) {
        grid.formula(r, groupCol(m, 'earnedToDate'), earnedFormulaText);
        const before = startsPlanPeriod(plan, m) ? '' : `-${periods[m - 1].earnedToDate}`;
        grid.formula(r, groupCol(m, 'earned'), `${cell('earnedToDate')}${before}`);
      } else grid.formula(r, groupCol(m, 'earned'), earnedFormulaText);
      if (plan.draw) {
        const draw = drawFormulas(plan.draw, params, cell('earned'), m > 0 ? periods[m - 1].balance : undefined);
        grid.formula(r, groupCol(m, 'drawPaid'), draw.paid);
        if (draw.balance) grid.formula(r, groupCol(m, 'balance'), draw.balance);
      }
      const names = Object.fromEntries(columns.map((c) => [c.key, cell(c.key)])) as Record<keyof PeriodCells, string>;
      periods.push({ ...names, payout: plan.draw ? names.drawPaid : names.earned });
    }
    if (totalCol !== undefined) grid.formula(r, totalCol, `SUM(${periods.map((p) => p.payout).join(',')})`);
    return { periods, ...(totalCol !== undefined ? { totalPaid: at(r, totalCol) } : {}) };
  });
  // Totals: money adds up across reps; attainment and payout shares do not.
  const totals = last + 1;
  grid.set(totals, 0, say('total'));
  grid.boldRow(totals);
  const sum = (col: number) => grid.formula(totals, col, `SUM(${span(first, col, last)})`);
  sum(1);
  grid.format(first, 1, totals, 1, MONEY);
  if (ownTarget) {
    sum(2);
    grid.format(first, 2, totals, 2, MONEY);
  }
  for (let m = 0; m < count; m++) {
    for (const c of columns) {
      const col = groupCol(m, c.key);
      if (c.format === MONEY) sum(col);
      grid.format(first, col, c.format === MONEY ? totals : last, col, c.format);
    }
  }
  if (totalCol !== undefined) {
    sum(totalCol);
    grid.format(first, totalCol, totals, totalCol, MONEY);
  }
  // The totals row's cell in the column of a rep's figure.
  const totalOf = (name: string) => at(totals, parseCell(name)!.col);
  return {
    cells,
    totals: { payout: cells[0].periods.map((p) => totalOf(p.payout)), ...(totalCol !== undefined ? { totalPaid: at(totals, totalCol) } : {}) },
    next: totals + 1,
    width: header.length,
  };
}

/** What one plan period pays the example rep from 0% to 200% attainment, by the same formulas, and the chart over it. */
function payoutTable(
  grid: Grid,
  plan: CommissionPlan,
  params: ParameterCells,
  say: SheetWords,
  top: number,
  example: ExampleRep,
): { cells: string[]; chart: PlanChart } {
  let row = top;
  grid.set(row, 0, say('payoutTable'));
  grid.boldRow(row++);
  grid.line(row, 0, [say('exampleQuota'), example.quota]);
  grid.format(row, 1, row, 1, MONEY);
  const quota = at(row++, 1, true);
  let target: string | undefined;
  if (plan.kind === 'curve') {
    target = params.targetIncentive;
    if (!target) {
      grid.line(row, 0, [say('exampleTargetIncentive'), exampleTarget(plan, example)]);
      grid.format(row, 1, row, 1, MONEY);
      target = at(row++, 1, true);
    }
  }
  grid.line(row, 0, [say('attainment'), say('payout')]);
  grid.boldRow(row);
  const header = row++;
  const first = row;
  const cells = CHART_ATTAINMENTS.map((attainment, k) => {
    const r = first + k;
    const a = at(r, 0);
    const share = plan.kind === 'curve' ? `(${curveShareFormula(params, a)})` : undefined;
    grid.line(r, 0, [attainment, { formula: earnedFormula(plan, params, { attainment: a, bookings: `(${a}*${quota})`, quota, target, share }) }]);
    return at(r, 1);
  });
  const last = first + CHART_ATTAINMENTS.length - 1;
  grid.format(first, 0, last, 0, PERCENT);
  grid.format(first, 1, last, 1, MONEY);
  return {
    cells,
    chart: {
      kind: 'line',
      title: say('chart.title'),
      categories: span(first, 0, last),
      series: [{ name: say('payout'), values: span(first, 1, last) }],
      anchor: at(header, 3),
      xTitle: say('attainment'),
      yTitle: say('payout'),
    },
  };
}
