/**
 * The territory designer as a sales manager uses it, in the playground in
 * Chromium: select an account table, run two scenarios (in a Web Worker, with
 * progress), compare them, insert the chosen one, reassign an account by hand
 * in the inserted sheet and watch the summary follow. Saves
 * test-results/territory-preview.png and territory-sheet.png.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { type PlaygroundSession, gridCell, openPlayground, typeIntoCell } from './support/playground-browser';
import { accountsCsv } from './support/territory-accounts';

const RESULTS = path.join(__dirname, '..', 'test-results');
let session: PlaygroundSession;
let page: Page;

beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  session = await openPlayground({ width: 1400, height: 3200 });
  page = session.page;
  await page.goto(session.server.url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });
});

afterAll(async () => {
  await session?.close();
});

const card = () => page.locator('[data-template="territory"]');
const field = (name: string) => card().locator(`[data-field="${name}"]`);
const figure = (name: string) => card().locator(`.so-territory-view [data-figure="${name}"]`).textContent();
const tabs = () => page.locator('.pg-tab').allTextContents();
/** Waits until the run's status reads `pattern`. */
const runStatus = (pattern: RegExp) => card().locator('.so-status', { hasText: pattern }).first().waitFor({ timeout: 15_000 });
/** Waits until cell `ref` shows exactly `shown`. */
const cellShows = (ref: string, shown: string) => gridCell(page, ref).filter({ hasText: new RegExp(`^${shown}$`) }).waitFor({ timeout: 5_000 });

/** Eight accounts: potential 80, 70, 60, 50, 40, 30, 20, 10 (360 in all), owned by 1 or 2. */
const TABLE = [
  ['Account', 'Potential', 'Owner'],
  ...[80, 70, 60, 50, 40, 30, 20, 10].map((potential, i) => [`Acct ${i + 1}`, String(potential), i < 4 ? '1' : '2']),
];

describe('the territory designer', () => {
  it('runs two scenarios on a selected account table and compares them', async () => {
    await page.locator('.pg-tab-add').click();
    for (const [r, row] of TABLE.entries()) for (const [c, value] of row.entries()) await typeIntoCell(page, `${'ABC'[c]}${r + 1}`, value);
    await gridCell(page, 'A1').click();
    await gridCell(page, 'C9').click({ modifiers: ['Shift'] });
    await field('accounts.source.workbook').check();
    await card().getByRole('button', { name: 'Use selection' }).click();
    // The selection is read in steps, each its own task: wait for the count.
    await card().locator('.so-rows-source', { hasText: '8 rows read' }).waitFor();
    // Guessed from the headers: the name, the balance column and the owner.
    await expect(field('accounts.pick.account').locator('option:checked').textContent()).resolves.toBe('Account');
    await expect(field('accounts.pick.owner').locator('option:checked').textContent()).resolves.toBe('Owner');
    await expect(field('accounts.pick.balances.1').isChecked()).resolves.toBe(true);
    await expect(field('accounts.pick.latitude').locator('option:checked').textContent()).resolves.toBe('(none)');
    await expect(card().locator('.so-territory-measures label').allTextContents()).resolves.toEqual(['Potential']);

    // Scenario 1: two territories; owners hold 260 against 100, so accounts must move to come within 5%.
    await field('count').fill('2');
    await card().getByRole('button', { name: 'Run' }).click();
    await runStatus(/^Scenario 1 ran in/);
    await expect(figure('maxDeviation')).resolves.toBe('0%');
    expect(await figure('moved')).toMatch(/^[1-9]\d* accounts?, \d+ of Potential$/);

    // Scenario 2: three territories, 20% tolerance.
    await field('count').fill('3');
    await field('tolerance').fill('20');
    await card().getByRole('button', { name: 'Run' }).click();
    await runStatus(/^Scenario 2 ran in/);
    const header = await card().locator('.so-compare thead th').allTextContents();
    expect(header).toEqual(['', 'Scenario 1', 'Scenario 2']);
    const rows = await card().locator('.so-compare tbody tr').allTextContents();
    expect(rows[0]).toBe('Territories23');
    expect(rows[1]).toBe('Tolerance5%20%');
    await expect(card().locator('.so-territory-view svg').count()).resolves.toBe(1);
    await card().locator('.so-territory-compare').evaluate((element) => element.scrollIntoView());
    await card().screenshot({ path: path.join(RESULTS, 'territory-preview.png') });
  });

  it('inserts the chosen scenario, and the summary follows an account moved by hand', async () => {
    await card().locator('[data-choose="1"]').click();
    await expect(card().locator('.so-territory-view h3').textContent()).resolves.toBe('Scenario 1');
    await card().getByRole('button', { name: 'Insert territories' }).click();
    await card().locator('.so-status', { hasText: "Inserted scenario 1 as sheet 'Territories'" }).waitFor({ timeout: 5_000 });
    await expect(tabs()).resolves.toContain('Territories');
    // The summary: two territories of 180 each (names in F5:F6, totals in I5:I6; owner in C, potential in D).
    await cellShows('I5', '180');
    await cellShows('I6', '180');
    const first = (await gridCell(page, 'B5').textContent())!;
    const other = first === '1' ? '2' : '1';
    // Acct 1 (80) moves by hand: its territory drops to 100, the other rises to 260.
    await typeIntoCell(page, 'B5', other);
    const total = (territory: string) => (territory === '1' ? 'I5' : 'I6');
    await cellShows(total(first), '100');
    await cellShows(total(other), '260');
    await page.screenshot({ path: path.join(RESULTS, 'territory-sheet.png') });
  });

  it('shows a long run’s progress, stays usable while it runs, and Cancel stops it with nothing added', async () => {
    const file = path.join(RESULTS, 'Accounts.csv');
    writeFileSync(file, accountsCsv(100_000));
    const chooser = page.waitForEvent('filechooser');
    await page.locator('.pg-menu-button[data-action="open"]').click();
    await (await chooser).setFiles(file);
    await page.waitForSelector('table.pg-grid[data-sheet="Accounts"]', { timeout: 60_000 });
    await gridCell(page, 'A1').click();
    await page.keyboard.press('Control+Shift+End');
    await card().getByRole('button', { name: 'Use selection' }).click();
    await card().locator('.so-rows-source', { hasText: '100,000 rows read' }).waitFor({ timeout: 30_000 });
    await field('count').fill('100');
    const before = await card().locator('.so-compare thead th').allTextContents();

    await card().getByRole('button', { name: 'Run' }).click();
    const bar = card().locator('progress');
    // The bar moves: two readings apart, both part-way.
    const reading = () => bar.evaluate((element: HTMLProgressElement) => element.value);
    await page.waitForFunction(() => (document.querySelector('[data-template="territory"] progress') as HTMLProgressElement).value > 0, undefined, { timeout: 30_000 });
    const first = await reading();
    await page.waitForFunction((seen) => (document.querySelector('[data-template="territory"] progress') as HTMLProgressElement).value > seen, first, { timeout: 30_000 });
    const second = await reading();
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first);
    expect(second).toBeLessThan(1);
    // The page answers while the worker runs: a field takes typing and the run goes on.
    await field('tolerance').fill('10');
    await expect(field('tolerance').inputValue()).resolves.toBe('10');
    await expect(card().locator('.so-status', { hasText: 'Running…' }).count()).resolves.toBe(1);

    await card().getByRole('button', { name: 'Cancel' }).click();
    await runStatus(/^Run cancelled: nothing changed\.$/);
    await expect(bar.isHidden()).resolves.toBe(true);
    await expect(card().getByRole('button', { name: 'Cancel' }).isHidden()).resolves.toBe(true);
    await expect(card().getByRole('button', { name: 'Run' }).isEnabled()).resolves.toBe(true);
    await expect(card().locator('.so-compare thead th').allTextContents()).resolves.toEqual(before);
  });

  it('maps the example accounts by territory: the axis fits their latitudes and the legend of twelve territories stays inside the chart', async () => {
    await field('accounts.source.examples').check();
    await field('count').fill('12');
    await card().getByRole('button', { name: 'Run' }).click();
    await runStatus(/^Scenario 3 ran in/);
    const map = card().locator('.so-territory-view svg').last();
    // The examples lie between latitudes 28 and 49: no tick at 0.
    const ticks = await map.locator('text[text-anchor="end"]').allTextContents();
    expect(ticks).not.toContain('0');
    expect(ticks.length).toBeGreaterThan(2);
    const box = (await map.boundingBox())!;
    const legend = map.locator('text[font-size="11"]:not([text-anchor])');
    await expect(legend.allTextContents()).resolves.toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']);
    for (const entry of await legend.all()) {
      const at = (await entry.boundingBox())!;
      expect(at.x + at.width).toBeLessThanOrEqual(box.x + box.width);
    }
    await map.evaluate((element) => element.scrollIntoView());
    await card().locator('.so-territory-view').screenshot({ path: path.join(RESULTS, 'territory-map.png') });
  });
});

