/**
 * A page for the chart test: the playground's workbook, grid and chart layer,
 * with a template's plan inserted from outside (window.__charts) the way the
 * sidebar's host inserts one.
 */
import { mountCharts } from '../../playground/chart-layer';
import { Grid } from '../../playground/grid/grid';
import { Workbook } from '../../playground/workbook';
import { CHART_PLAN } from './plan-fixtures';

const part = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string) => Object.assign(document.createElement(tag), { className });

const workbook = new Workbook();
workbook.addSheet('Data', [['Rep', 'Quota'], ['Ana', 100000]]);
workbook.clearHistory();
const [viewport, nameBox, formulaInput, cellNote, tabs, status, toolbar, overlays] = [
  part('div', 'pg-viewport'),
  part('input', 'pg-namebox'),
  part('input', 'pg-formula-input'),
  part('div', 'pg-cell-note'),
  part('div', 'pg-tab-bar'),
  part('div', 'pg-status'),
  part('div', 'pg-toolbar-row'),
  part('div', 'pg-overlays'),
];
const area = part('main', 'pg-sheet-area');
area.append(toolbar, nameBox, formulaInput, cellNote, viewport, tabs, status);
const body = part('div', 'pg-body');
body.append(area);
document.getElementById('root')!.append(body, overlays);

const grid = new Grid(workbook, { viewport, nameBox, formulaInput, cellNote, tabs, status, toolbar, overlays });
mountCharts(workbook, viewport, () => grid.sheet);

(window as unknown as { __charts: unknown }).__charts = {
  insert(): string {
    const name = workbook.insertPlan(CHART_PLAN);
    grid.showSheet(workbook.sheetId(name));
    return name;
  },
  set(row: number, col: number, input: string): void {
    workbook.setCell(grid.sheet, { row, col }, input);
  },
  undo(): void {
    grid.undo();
  },
  sheets: () => workbook.sheetNames(),
};
