/**
 * The territory sheet: every account with its territory (a plain value the
 * user may change by hand) and its balances, beside a summary block per
 * territory of native COUNTIFS and SUMIFS formulas (accounts, and per balance
 * column its total, target and deviation) and a column chart of totals against
 * targets per balance column. Reassign an account and the summary follows, in
 * any spreadsheet, with no add-in.
 */
import { NUMBER_FORMAT_CODES } from '../../spec';
import { Grid, at, span } from '../grid';
import type { PlanChart, SheetPlan } from '../plan';
import { type SheetWords, numbered, wordsUnder } from '../words';
import { type ScenarioResult, type TerritoryValues, accountsOf } from './scenario';

/** Catalog id of the sheet's name; its other words are the ids under `templateSheet.territory.`. */
export const TERRITORY_SHEET_NAME = 'templateSheet.territory.name';

const COUNT = NUMBER_FORMAT_CODES.count!;
const PERCENT = NUMBER_FORMAT_CODES.percent!;
/** The row of the tables' headers (0-based); a row above it names each balance column's group in the summary. */
const HEADER = 3;
const FIRST = HEADER + 1;
/** Rows from one chart's anchor to the next. */
const CHART_ROWS = 18;

/** Where the summary's figures are, as A1 names: for reading them back. */
export interface TerritorySheetCells {
  /** Per territory: its accounts, and per balance column its total, target and deviation. */
  readonly territories: readonly {
    readonly accounts: string;
    readonly measures: readonly { readonly total: string; readonly target: string; readonly deviation: string }[];
  }[];
  /** Each account's territory cell, in the accounts' order. */
  readonly assignment: readonly string[];
}

/** The balance columns' names: the form's, the examples' words, or "Balance 1", "Balance 2"… */
export function measureNames(values: TerritoryValues, words: SheetWords, count: number): string[] {
  const say = wordsUnder(words, 'templateSheet.territory');
  if (values.measures) return values.measures.map((measure) => measure.name);
  if (values.accounts === null) return [say('example.potential'), say('example.accounts')];
  return Array.from({ length: count }, (_, j) => numbered(say, 'balance', j + 1));
}

export function buildTerritorySheet(values: TerritoryValues, scenario: ScenarioResult, words: SheetWords): { sheet: SheetPlan; cells: TerritorySheetCells } {
  const say = wordsUnder(words, 'templateSheet.territory');
  const accounts = accountsOf(values);
  const m = scenario.importance.length;
  const names = measureNames(values, words, m);
  const byCount = values.by === 'count';
  const territoryCell = (t: number) => (byCount ? t + 1 : scenario.territories[t]);
  const withOwner = accounts.some((row) => row.owner);
  const withLock = accounts.some((row) => row.locked);

  const grid = new Grid();
  grid.set(0, 0, words(TERRITORY_SHEET_NAME));
  grid.boldRow(0);
  grid.set(1, 0, say('lead'));

  // The accounts: A account, B territory, then owner and lock when given, then the balances.
  const extra = [...(withOwner ? ['owner'] : []), ...(withLock ? ['locked'] : [])];
  const firstBalance = 2 + extra.length;
  grid.line(HEADER, 0, [say('account'), say('territory'), ...extra.map((id) => say(id)), ...names]);
  const last = FIRST + Math.max(1, accounts.length) - 1;
  const assignment: string[] = [];
  accounts.forEach((row, i) => {
    const r = FIRST + i;
    grid.line(r, 0, [row.account, territoryCell(scenario.assignment[i])]);
    assignment.push(at(r, 1));
    if (withOwner) grid.set(r, 2, row.owner || null);
    if (withLock) grid.set(r, 2 + (withOwner ? 1 : 0), row.locked || null);
    grid.line(r, firstBalance, row.balances);
  });
  const territoryColumn = span(FIRST, 1, last, true);
  const balanceColumn = (j: number) => span(FIRST, firstBalance + j, last, true);

  // The summary, one column after the accounts: territory, target share, accounts, then total, target and deviation per balance column.
  const left = firstBalance + m + 1;
  const shareCol = left + 1;
  const countCol = left + 2;
  const measureCol = (j: number) => left + 3 + 3 * j;
  grid.line(HEADER, left, [say('territory'), say('targetShare'), say('accounts')]);
  names.forEach((name, j) => {
    grid.set(HEADER - 1, measureCol(j), name);
    grid.line(HEADER, measureCol(j), [say('total'), say('target'), say('deviation')]);
  });
  const summary = scenario.territories.map((_, t) => {
    const r = FIRST + t;
    const name = at(r, left);
    grid.set(r, left, territoryCell(t));
    grid.set(r, shareCol, scenario.targetShares[t]);
    grid.formula(r, countCol, `COUNTIFS(${territoryColumn},${name})`);
    const measures = names.map((_, j) => {
      const [total, target, deviation] = [0, 1, 2].map((k) => at(r, measureCol(j) + k));
      grid.formula(r, measureCol(j), `SUMIFS(${balanceColumn(j)},${territoryColumn},${name})`);
      grid.formula(r, measureCol(j) + 1, `SUM(${balanceColumn(j)})*${at(r, shareCol)}`);
      grid.formula(r, measureCol(j) + 2, `IF(${target}=0,0,(${total}-${target})/${target})`);
      return { total, target, deviation };
    });
    return { accounts: at(r, countCol), measures };
  });
  const k = scenario.territories.length;
  const bottom = FIRST + k - 1;
  // The largest deviation either way, per balance column: MAX and MIN only, no array formula.
  grid.set(bottom + 1, left, say('largestDeviation'));
  names.forEach((_, j) => {
    const deviations = span(FIRST, measureCol(j) + 2, bottom);
    grid.formula(bottom + 1, measureCol(j) + 2, `MAX(MAX(${deviations}),-MIN(${deviations}))`);
    grid.format(FIRST, measureCol(j), bottom, measureCol(j) + 1, COUNT);
    grid.format(FIRST, measureCol(j) + 2, bottom + 1, measureCol(j) + 2, PERCENT);
  });
  grid.format(FIRST, shareCol, bottom, shareCol, PERCENT);

  const categories = span(FIRST, left, bottom);
  const charts: PlanChart[] = names.map((name, j) => ({
    kind: 'column',
    title: name,
    categories,
    series: [
      { name: say('total'), values: span(FIRST, measureCol(j), bottom) },
      { name: say('target'), values: span(FIRST, measureCol(j) + 1, bottom) },
    ],
    anchor: at(bottom + 3 + CHART_ROWS * j, left),
    xTitle: say('territory'),
  }));
  grid.boldRow(HEADER - 1);
  grid.boldRow(HEADER);
  const widths = [180, 110, ...extra.map(() => 110), ...names.map(() => 100), 24, 110, 90, 80, ...names.flatMap(() => [100, 100, 90])];
  const plan = grid.plan(words(TERRITORY_SHEET_NAME), widths, charts);
  return { sheet: { ...plan, frozenRows: FIRST }, cells: { territories: summary, assignment } };
}
