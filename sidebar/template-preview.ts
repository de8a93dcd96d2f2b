/**
 * A template's live preview in its card: a chart of payout against attainment
 * and a small table of payouts, both computed by the core as the user types.
 * When the form has problems, the preview says so instead of guessing.
 */
import type { TemplatePreview } from '../core/templates';
import { drawChart } from '../ui/chart';
import { currentLocale, formatNumber, text } from '../ui/messages';
import { el } from './dom';

const percent = (fraction: number) => formatNumber(fraction, { style: 'percent', maximumFractionDigits: 0 });
const money = (amount: number) => formatNumber(amount, { maximumFractionDigits: 0 });
/** About the sidebar's width, so the chart's text keeps its size. */
const PREVIEW_SIZE = { width: 320, height: 240 };

export function templatePreview(): { element: HTMLElement; show(preview: TemplatePreview | undefined): void } {
  const element = el('section', { className: 'so-preview', attrs: { 'aria-live': 'polite' } });
  return {
    element,
    show(preview) {
      element.replaceChildren(el('h3', { className: 'so-preview-title', text: text('sidebar.preview.title') }));
      if (!preview) {
        element.append(el('p', { className: 'so-muted', text: text('sidebar.preview.fix') }));
        return;
      }
      const chart = drawChart(document, {
        kind: 'line',
        title: text('sidebar.preview.chartTitle'),
        xTitle: text('sidebar.preview.xTitle'),
        yTitle: text('sidebar.preview.yTitle'),
        labels: preview.x.map(percent),
        xs: preview.x,
        series: [{ name: text('sidebar.preview.payout'), values: preview.y }],
        formatY: money,
        formatX: percent,
      }, PREVIEW_SIZE);
      chart.setAttribute('class', 'so-preview-chart');
      chart.removeAttribute('width');
      chart.removeAttribute('height');
      const rows = preview.table.map((point) => el('tr', {}, [el('td', { text: percent(point.x) }), el('td', { text: money(point.y) })]));
      element.append(
        el('p', { className: 'so-muted', text: text('sidebar.preview.example', { quota: money(preview.example) }) }),
        chart,
        el('table', { className: 'so-preview-table', attrs: { lang: currentLocale() } }, [
          el('thead', {}, [el('tr', {}, [el('th', { text: text('sidebar.preview.attainment') }), el('th', { text: text('sidebar.preview.payout') })])]),
          el('tbody', {}, rows),
        ]),
      );
    },
  };
}
