/**
 * One territory scenario in the designer's card: its figures (max deviation,
 * Gini, accounts moved from their owners), a column chart per balance column of
 * each territory's total against its target, and with coordinates a scatter of
 * the accounts coloured by territory.
 */
import type { ScenarioResult } from '../../core/templates/territory';
import { drawChart } from '../../ui/chart';
import { formatNumber, text } from '../../ui/messages';
import { el } from '../dom';

/** About the sidebar's width, so the charts' text keeps its size. */
const SIZE = { width: 320, height: 240 };
/** Accounts the map draws at most: every n-th beyond that (an SVG of 250,000 dots would stall the page). */
const MAP_POINTS = 2_000;

export const percentText = (fraction: number) => formatNumber(fraction, { style: 'percent', maximumFractionDigits: 1 });
export const giniText = (value: number) => formatNumber(value, { minimumFractionDigits: 3, maximumFractionDigits: 3 });
const amount = (value: number) => formatNumber(value, { maximumFractionDigits: 0 });

export function movedText(result: ScenarioResult, names: readonly string[]): string {
  if (!result.hasOwners) return text('sidebar.territory.movedNone');
  return text('sidebar.territory.movedWeight', { count: result.moved, weight: amount(result.movedWeight[0] ?? 0), measure: names[0] ?? '' });
}

function sized(chart: SVGSVGElement): SVGSVGElement {
  chart.setAttribute('class', 'so-preview-chart');
  chart.removeAttribute('width');
  chart.removeAttribute('height');
  return chart;
}

/** The scenario's preview; `names` are its balance columns' names. */
export function scenarioView(title: string, result: ScenarioResult, names: readonly string[]): HTMLElement {
  const figures = el('dl', { className: 'so-figures' }, [
    el('dt', { text: text('sidebar.territory.maxDeviation') }),
    el('dd', { text: percentText(result.maxDeviation), attrs: { 'data-figure': 'maxDeviation' } }),
    el('dt', { text: text('sidebar.territory.gini') }),
    el('dd', { text: giniText(result.gini), attrs: { 'data-figure': 'gini' } }),
    el('dt', { text: text('sidebar.territory.moved') }),
    el('dd', { text: movedText(result, names), attrs: { 'data-figure': 'moved' } }),
  ]);
  const section = el('section', { className: 'so-preview so-territory-preview', attrs: { 'aria-live': 'polite' } }, [
    el('h3', { className: 'so-preview-title', text: title }),
    figures,
    result.budgetReached ? el('p', { className: 'so-muted', text: text('sidebar.territory.budget') }) : null,
  ]);
  names.forEach((name, j) => {
    section.append(
      sized(
        drawChart(
          document,
          {
            kind: 'column',
            title: text('sidebar.territory.chartTitle', { measure: name }),
            labels: result.territories,
            xs: result.territories.map(() => null),
            series: [
              { name: text('sidebar.territory.total'), values: result.totals.map((row) => row[j]) },
              { name: text('sidebar.territory.target'), values: result.targets.map((row) => row[j]) },
            ],
            formatY: amount,
            formatX: amount,
          },
          SIZE,
        ),
      ),
    );
  });
  if (result.points) {
    const { points, assignment } = result;
    const step = Math.ceil(points.x.length / MAP_POINTS);
    const shown = Array.from({ length: Math.ceil(points.x.length / step) }, (_, k) => k * step);
    const x = shown.map((i) => points.x[i]);
    const degrees = (value: number) => formatNumber(value, { maximumFractionDigits: 1 });
    section.append(
      sized(
        drawChart(
          document,
          {
            kind: 'scatter',
            title: text('sidebar.territory.map'),
            xTitle: text('sidebar.territory.longitude'),
            yTitle: text('sidebar.territory.latitude'),
            labels: x.map(degrees),
            xs: x,
            // One series per territory: its accounts' latitudes, blank elsewhere.
            series: result.territories.map((name, t) => ({ name, values: shown.map((i) => (assignment[i] === t ? points.y[i] : null)) })),
            formatY: degrees,
            formatX: degrees,
            lines: false,
            moreSeries: (count) => text('sidebar.territory.legendMore', { count }),
          },
          { width: SIZE.width, height: 280 },
        ),
      ),
    );
    if (step > 1) section.append(el('p', { className: 'so-muted', text: text('sidebar.territory.mapSample', { shown: shown.length, count: points.x.length }) }));
  }
  return section;
}
