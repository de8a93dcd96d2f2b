/**
 * Plans every host's writer is tested with: hostile text a rep could be named,
 * and a small commission table with a line chart over it.
 */
import type { SheetPlan } from '../../core/templates';

/** Text that a host would run, link or convert if it were written as input, not as text. */
export const HOSTILE_TEXT: readonly string[] = [
  '=HYPERLINK("http://x","y")',
  "+cmd|' /C calc'!A0",
  '<img src=x onerror=alert(1)>',
  '-2+3',
  '0012',
  '@SUM(A1)',
  '\t=1+1',
  '\r=1+1',
  '#N/A',
  'TRUE',
  '2026-03-31',
  '25%',
  "'quoted",
  ' 42',
  '１２',
];

/** Reps and payouts from A1, and a line chart of payout by attainment anchored at E2. */
export const CHART_PLAN: SheetPlan = {
  name: 'Payout chart',
  cells: [
    ['Attainment', 'Payout', 'Rep'],
    [0.5, 0, HOSTILE_TEXT[0]],
    [1, { formula: 'A3*10000' }, HOSTILE_TEXT[1]],
    [1.5, { formula: '=A4*10000' }, HOSTILE_TEXT[2]],
  ],
  formats: [
    { range: 'A2:A4', format: '0%' },
    { range: 'B2:B4', format: '$#,##0' },
  ],
  columnWidths: [100, 90, 220],
  boldRows: [1],
  frozenRows: 1,
  charts: [
    {
      kind: 'line',
      title: 'Payout by attainment',
      categories: 'A2:A4',
      series: [{ name: 'Payout', values: 'B2:B4' }],
      anchor: 'E2',
      xTitle: 'Attainment',
      yTitle: 'Payout ($)',
    },
  ],
};
