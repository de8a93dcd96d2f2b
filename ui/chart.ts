/**
 * A chart as an SVG element: line, column or scatter, with a title, axis
 * titles, a legend and gridlines. Small and dependency-free (a template's chart
 * is one to a few series of a few dozen points; a charting library would be
 * most of the page's weight). Every text goes in through textContent, never as
 * markup. No workbook here: chart-layer.ts reads the cells and calls drawChart.
 */

export interface ChartData {
  readonly kind: 'line' | 'column' | 'scatter';
  readonly title: string;
  readonly xTitle?: string;
  readonly yTitle?: string;
  /** One label per point, as the category cells show them. */
  readonly labels: readonly string[];
  /** The category cells' numbers, for a scatter chart's x axis (null where a cell holds none). */
  readonly xs: readonly (number | null)[];
  readonly series: readonly { readonly name: string; readonly values: readonly (number | null)[] }[];
  /** How the value axis shows a number (the series cells' own format). */
  readonly formatY: (value: number) => string;
  /** How a scatter chart's x axis shows a number (the category cells' own format). */
  readonly formatX: (value: number) => string;
  /** A line or scatter chart joins its points (the default); false draws the points alone, such as accounts on a map. */
  readonly lines?: boolean;
  /** What the legend says for the series it has no room for (it wraps onto at most three rows); without it, every series is listed. */
  readonly moreSeries?: (count: number) => string;
}

export const CHART_WIDTH = 480;
export const CHART_HEIGHT = 300;
const SVG = 'http://www.w3.org/2000/svg';
const COLOURS = ['#1a73e8', '#e8710a', '#188038', '#a142f4', '#d93025', '#12b5cb'];
const MARGIN = { top: 52, right: 18, bottom: 58, left: 72 };
const TICKS = 5;
/** The legend's rows: the first at LEGEND_Y, each LEGEND_ROW below the last; a short legend is one row. */
const LEGEND_Y = 33;
const LEGEND_ROW = 16;
const LEGEND_ROWS = 3;

/** Series s's colour: the six above, then hues a golden angle apart so neighbours differ (a map of many territories). */
const colourOf = (s: number) => (s < COLOURS.length ? COLOURS[s] : `hsl(${Math.round((s * 137.508) % 360)}, 62%, 42%)`);

/** About how wide a legend entry is at 11 px: its swatch, its name, and a gap. */
const legendWidth = (name: string) => 14 + name.length * 6.2 + 16;

function node<K extends keyof SVGElementTagNameMap>(doc: Document, tag: K, attributes: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const element = doc.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

/** Round steps (1, 2, 2.5 or 5 × a power of ten) that cover lo..hi in about TICKS intervals. */
export function niceTicks(lo: number, hi: number): number[] {
  if (lo === hi) [lo, hi] = lo === 0 ? [0, 1] : [Math.min(0, lo), Math.max(0, hi)];
  const raw = (hi - lo) / (TICKS - 1);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
  const first = Math.floor(lo / step) * step;
  const ticks: number[] = [];
  for (let t = first; t < hi + step / 2; t += step) ticks.push(Number(t.toPrecision(12)));
  if (ticks[ticks.length - 1] < hi) ticks.push(Number((ticks[ticks.length - 1] + step).toPrecision(12)));
  return ticks;
}

const finite = (values: readonly (number | null)[]) => values.filter((v): v is number => v !== null && Number.isFinite(v));

/** The least and greatest of `values` (a loop: spreading a map's 250,000 points into Math.min overflows the stack). */
function extent(values: readonly number[]): [number, number] {
  let [lo, hi] = [Infinity, -Infinity];
  for (const value of values) {
    if (value < lo) lo = value;
    if (value > hi) hi = value;
  }
  return [lo, hi];
}

interface LegendEntry {
  readonly x: number;
  readonly row: number;
  readonly name: string;
  /** The series it stands for; undefined for the "more" note. */
  readonly series?: number;
}

/** Where each series' legend entry goes, left to right in rows across `left`..`right`; what does not fit is counted in a last entry. */
function legendLayout(names: readonly string[], left: number, right: number, more?: (count: number) => string): LegendEntry[] {
  const entries: LegendEntry[] = [];
  let [x, row] = [left, 0];
  for (let s = 0; s < names.length; s++) {
    const width = legendWidth(names[s]);
    if (x > left && x + width > right) [x, row] = [left, row + 1];
    const last = row === LEGEND_ROWS - 1;
    // On the last row, keep room for the note of what is left out.
    const rest = names.length - s - 1;
    if (more && (row >= LEGEND_ROWS || (last && rest > 0 && x + width + legendWidth(more(rest)) > right))) {
      entries.push({ x: row >= LEGEND_ROWS ? left : x, row: Math.min(row, LEGEND_ROWS - 1), name: more(names.length - s) });
      return entries;
    }
    entries.push({ x, row, name: names[s], series: s });
    x += width;
  }
  return entries;
}
/** `size`: the drawing's own units; a narrow place (the sidebar) draws a smaller chart rather than shrinking a large one's text. */
export function drawChart(doc: Document, data: ChartData, size = { width: CHART_WIDTH, height: CHART_HEIGHT }): SVGSVGElement {
  const { width, height } = size;
  const svg = node(doc, 'svg', { xmlns: SVG, width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'pg-chart-svg' });
  svg.append(node(doc, 'title', {}, data.title));
  svg.append(node(doc, 'rect', { x: 0, y: 0, width, height, fill: '#fff', stroke: '#dadce0' }));
  svg.append(node(doc, 'text', { x: width / 2, y: 22, 'text-anchor': 'middle', 'font-size': 15, 'font-weight': 600, fill: '#202124' }, data.title));

  const legend = legendLayout(data.series.map((series) => series.name), MARGIN.left, width - MARGIN.right, data.moreSeries);
  const legendRows = Math.max(1, ...legend.map((entry) => entry.row + 1));
  const plot = { left: MARGIN.left, top: MARGIN.top + (legendRows - 1) * LEGEND_ROW, right: width - MARGIN.right, bottom: height - MARGIN.bottom };
  const [lo, hi] = extent(data.series.flatMap((series) => finite(series.values)));
  // Amounts are measured from 0; a scatter's coordinates (latitudes) fit their own range.
  const yTicks = data.kind === 'scatter' && lo <= hi ? niceTicks(lo, hi) : niceTicks(Math.min(0, lo), Math.max(0, hi));
  const [yMin, yMax] = [yTicks[0], yTicks[yTicks.length - 1]];
  const y = (value: number) => plot.bottom - ((value - yMin) / (yMax - yMin)) * (plot.bottom - plot.top);

  const points = data.labels.length;
  const xNumbers = finite(data.xs);
  const numericX = data.kind === 'scatter' && xNumbers.length > 0;
  const xTicks = numericX ? niceTicks(...extent(xNumbers)) : [];
  const band = (plot.right - plot.left) / Math.max(1, points);
  const x = (i: number): number | undefined => {
    if (!numericX) return plot.left + band * (i + 0.5);
    const value = data.xs[i];
    if (value === null) return undefined;
    return plot.left + ((value - xTicks[0]) / (xTicks[xTicks.length - 1] - xTicks[0])) * (plot.right - plot.left);
  };

  // Gridlines and the value axis's labels.
  for (const tick of yTicks) {
    svg.append(node(doc, 'line', { x1: plot.left, x2: plot.right, y1: y(tick), y2: y(tick), stroke: tick === 0 ? '#9aa0a6' : '#e8eaed' }));
    svg.append(node(doc, 'text', { x: plot.left - 6, y: y(tick) + 4, 'text-anchor': 'end', 'font-size': 11, fill: '#5f6368' }, data.formatY(tick)));
  }
  // The category axis's labels: every one that fits.
  const every = Math.max(1, Math.ceil(points / Math.floor((plot.right - plot.left) / 44)));
  if (numericX) {
    for (const tick of xTicks) {
      const at = plot.left + ((tick - xTicks[0]) / (xTicks[xTicks.length - 1] - xTicks[0])) * (plot.right - plot.left);
      svg.append(node(doc, 'text', { x: at, y: plot.bottom + 16, 'text-anchor': 'middle', 'font-size': 11, fill: '#5f6368' }, data.formatX(tick)));
    }
  } else {
    data.labels.forEach((label, i) => {
      if (i % every === 0) svg.append(node(doc, 'text', { x: x(i)!, y: plot.bottom + 16, 'text-anchor': 'middle', 'font-size': 11, fill: '#5f6368' }, label));
    });
  }
  if (data.xTitle) svg.append(node(doc, 'text', { x: (plot.left + plot.right) / 2, y: height - 12, 'text-anchor': 'middle', 'font-size': 12, fill: '#3c4043' }, data.xTitle));
  if (data.yTitle) {
    const at = { x: 16, y: (plot.top + plot.bottom) / 2 };
    svg.append(node(doc, 'text', { x: at.x, y: at.y, transform: `rotate(-90 ${at.x} ${at.y})`, 'text-anchor': 'middle', 'font-size': 12, fill: '#3c4043' }, data.yTitle));
  }

  data.series.forEach((series, s) => {
    const colour = colourOf(s);
    const group = node(doc, 'g', { class: 'pg-chart-series', fill: colour, stroke: colour });
    if (data.kind === 'column') {
      const width = (band * 0.7) / data.series.length;
      series.values.forEach((value, i) => {
        if (value === null) return;
        const left = plot.left + band * i + band * 0.15 + width * s;
        group.append(node(doc, 'rect', { x: left, y: Math.min(y(value), y(0)), width, height: Math.abs(y(value) - y(0)), stroke: 'none' }));
      });
    } else {
      let path = '';
      series.values.forEach((value, i) => {
        const at = x(i);
        if (value === null || at === undefined) return;
        path += `${path ? 'L' : 'M'}${at.toFixed(1)},${y(value).toFixed(1)}`;
        group.append(node(doc, 'circle', { cx: at.toFixed(1), cy: y(value).toFixed(1), r: 2.5, stroke: 'none' }));
      });
      if (path && data.lines !== false) group.prepend(node(doc, 'path', { d: path, fill: 'none', 'stroke-width': 2 }));
    }
    svg.append(group);
  });
  // The legend, under the title.
  for (const entry of legend) {
    const top = LEGEND_Y + entry.row * LEGEND_ROW;
    if (entry.series !== undefined) svg.append(node(doc, 'rect', { x: entry.x, y: top, width: 10, height: 10, fill: colourOf(entry.series) }));
    svg.append(node(doc, 'text', { x: entry.series === undefined ? entry.x : entry.x + 14, y: top + 9, 'font-size': 11, fill: '#3c4043' }, entry.name));
  }
  return svg;
}
