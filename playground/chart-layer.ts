/**
 * Draws the charts a sheet's layout holds (a template's payout chart) over the
 * grid, each with its top-left corner on its anchor cell. A chart reads its
 * cells from the workbook and is drawn again after every change, so editing a
 * rate moves the line; its title, axis titles and series names are the plan's.
 * The layer sits in the grid's scrolling viewport and lets clicks through to
 * the cells under it.
 */
import type { CellRef, RangeRef } from '../core/a1';
import type { NormalisedChart } from '../core/templates/normalise-plan';
import { CHART_HEIGHT, CHART_WIDTH, type ChartData, drawChart } from '../ui/chart';
import { formatNumber } from './format';
import { ROW_HEADER_WIDTH, ROW_HEIGHT } from './grid/table';
import { DEFAULT_COLUMN_WIDTH, formatAt } from './layout';
import type { Workbook } from './workbook';

function cellsOf(range: RangeRef): CellRef[] {
  const cells: CellRef[] = [];
  for (let row = range.top; row <= range.bottom; row++) for (let col = range.left; col <= range.right; col++) cells.push({ row, col });
  return cells;
}

/** What a chart shows: the plan's words and the cells' current values, formatted as the cells are. */
export function chartData(workbook: Workbook, sheet: number, chart: NormalisedChart): ChartData {
  const layout = workbook.layout(sheet);
  const number = (ref: CellRef) => {
    const value = workbook.values(sheet, { top: ref.row, left: ref.col, bottom: ref.row, right: ref.col })[0][0];
    return typeof value === 'number' && Number.isFinite(value) ? value : null;
  };
  const formatter = (ref: CellRef | undefined) => (value: number) => formatNumber(value, ref && formatAt(layout, ref));
  const categories = cellsOf(chart.categories);
  const firstValue = chart.series[0] && { row: chart.series[0].values.top, col: chart.series[0].values.left };
  return {
    kind: chart.kind,
    title: chart.title,
    xTitle: chart.xTitle,
    yTitle: chart.yTitle,
    labels: categories.map((ref) => workbook.view(sheet, ref).text),
    xs: categories.map(number),
    series: chart.series.map((series) => ({ name: series.name, values: cellsOf(series.values).map(number) })),
    formatY: formatter(firstValue),
    formatX: formatter(categories[0]),
  };
}

/** Where a cell's top-left corner is in the viewport's scrolled content. */
function cornerOf(workbook: Workbook, sheet: number, viewport: HTMLElement, anchor: CellRef): { left: number; top: number } {
  const widths = workbook.layout(sheet).columnWidths;
  let left = ROW_HEADER_WIDTH;
  for (let c = 0; c < anchor.col; c++) left += widths[c] ?? DEFAULT_COLUMN_WIDTH;
  const header = viewport.querySelector<HTMLElement>(':scope > table .pg-header-row')?.offsetHeight ?? ROW_HEIGHT;
  return { left, top: header + anchor.row * ROW_HEIGHT };
}

/** Keeps the charts of the sheet on screen drawn over `viewport`; `currentSheet` says which sheet that is. */
export function mountCharts(workbook: Workbook, viewport: HTMLElement, currentSheet: () => number): void {
  const layer = document.createElement('div');
  layer.className = 'pg-chart-layer';
  viewport.append(layer);
  const draw = () => {
    const sheet = currentSheet();
    const charts = workbook.hf.getSheetName(sheet) === undefined ? [] : workbook.layout(sheet).charts;
    layer.replaceChildren(
      ...charts.map((chart) => {
        const box = document.createElement('figure');
        box.className = 'pg-chart';
        const corner = cornerOf(workbook, sheet, viewport, chart.anchor);
        box.style.left = `${corner.left}px`;
        box.style.top = `${corner.top}px`;
        box.style.width = `${CHART_WIDTH}px`;
        box.style.height = `${CHART_HEIGHT}px`;
        box.setAttribute('aria-label', chart.title);
        box.append(drawChart(document, chartData(workbook, sheet, chart)));
        return box;
      }),
    );
  };
  workbook.onChange(draw);
  // The grid builds its table afresh for another sheet or new column widths: the charts follow.
  new MutationObserver(draw).observe(viewport, { childList: true });
  draw();
}
