/**
 * A template's chart in the playground, in Chromium: drawn over the inserted
 * sheet at its anchor with the plan's words, redrawn when a cell it reads
 * changes, gone with the sheet on Undo; hostile rep names in the sheet show as
 * text. Saves test-results/playground-chart.png.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CHART_PLAN, HOSTILE_TEXT } from './support/plan-fixtures';
import { type TestBrowser, bundleForPage, openBrowser } from './support/playground-browser';

const RESULTS = path.join(__dirname, '..', 'test-results');
const css = readFileSync(path.join(__dirname, '..', 'playground', 'playground.css'), 'utf8');
let browser: TestBrowser;

interface Charts {
  insert(): string;
  set(row: number, col: number, input: string): void;
  undo(): void;
  sheets(): string[];
}
const charts = <T>(fn: (charts: Charts) => T): Promise<T> =>
  browser.page.evaluate(`(${fn.toString()})(window.__charts)`) as Promise<T>;

beforeAll(async () => {
  const script = await bundleForPage(path.join(__dirname, 'support', 'playground-chart-fixture.ts'));
  browser = await openBrowser({ width: 1100, height: 560 });
  const html =
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><style>${css} .pg-viewport{flex:none;height:440px}</style></head>` +
    `<body style="margin:0"><div id="root"></div><script>${script}</script></body></html>`;
  await browser.page.setContent(html);
});
afterAll(async () => {
  await browser?.close();
});

describe('a template chart in the playground', () => {
  it('is drawn at its anchor with the plan\'s title, axis titles and series name, follows its cells, and goes with Undo', async () => {
    const { page } = browser;
    const name = await charts((c) => c.insert());
    expect(name).toBe(CHART_PLAN.name);
    const figure = page.locator('.pg-chart');
    await expect(figure.count()).resolves.toBe(1);
    const texts = await figure.locator('svg text').allTextContents();
    expect(texts).toEqual(expect.arrayContaining(['Payout by attainment', 'Attainment', 'Payout ($)', 'Payout', '50%', '100%', '150%']));

    // Its top-left corner is on E2.
    const anchor = await page.locator('tr[data-row="1"] td[data-col="4"]').boundingBox();
    const box = await figure.boundingBox();
    expect(anchor && box && [Math.round(box.x - anchor.x), Math.round(box.y - anchor.y)]).toEqual([0, 0]);

    // The rep names are text in the cells, never run.
    const names = await page.locator('td[data-col="2"]').allTextContents();
    expect(names.slice(1, 4)).toEqual(HOSTILE_TEXT.slice(0, 3));
    expect(await page.locator('img').count()).toBe(0);

    mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: path.join(RESULTS, 'playground-chart.png') });

    // Attainment 100% becomes 120%: the payout formula and the line follow.
    const before = await figure.locator('path').getAttribute('d');
    await charts((c) => c.set(2, 0, '120%'));
    const after = await figure.locator('path').getAttribute('d');
    expect(after).not.toBe(before);
    await expect(figure.locator('svg text').allTextContents()).resolves.toContain('120%');

    await charts((c) => c.undo());
    await charts((c) => c.undo());
    await expect(charts((c) => c.sheets())).resolves.toEqual(['Data']);
    await expect(page.locator('.pg-chart').count()).resolves.toBe(0);
    expect(browser.errors).toEqual([]);
  });
});
