/**
 * End to end: the built playground served locally, driven in headless Chromium
 * the way a user works: typing a formula over a range, reading the spilled
 * answer from the grid, inserting the examples sheet twice from the sidebar.
 * The page may reach nothing but the local server.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { type PlaygroundSession, openPlayground, gridCell, typeIntoCell } from './support/playground-browser';

jest.setTimeout(60_000);

const RESULTS = path.join(__dirname, '..', 'test-results');
let session: PlaygroundSession;
let page: Page;
const started = Date.now();

beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  session = await openPlayground({ width: 1400, height: 860 });
  page = session.page;
});

afterAll(async () => {
  await session?.close();
  console.log(`playground end-to-end took ${((Date.now() - started) / 1000).toFixed(1)} s`);
});

const DEMO_TABS = ['Summary', 'Deals', 'Settings', 'Salesforce export', 'HubSpot export'];
const cell = (ref: string) => gridCell(page, ref);
const texts = (refs: string[]) => Promise.all(refs.map((ref) => cell(ref).textContent()));
const activeSheet = () => page.locator('.pg-tab[aria-selected="true"]').textContent();

const typeInto = (ref: string, input: string) => typeIntoCell(page, ref, input);

async function showSheet(name: string): Promise<void> {
  await page.locator(`.pg-tab[data-sheet="${name}"]`).click();
  await page.waitForSelector(`table.pg-grid[data-sheet="${name}"]`);
}

describe('the playground in a browser', () => {
  it('opens on the demo summary, every formula computed; the one error in the workbook is on the HubSpot export, explained', async () => {
    await page.goto(session.server.url);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });
    await expect(page.locator('.pg-tab').allTextContents()).resolves.toEqual(DEMO_TABS);
    await expect(activeSheet()).resolves.toBe('Summary');
    await expect(page.locator('table.pg-grid td.is-error').count()).resolves.toBe(0);
    // Attainment and commission are each one formula, spilled down the reps.
    await expect(page.locator('table.pg-grid td.is-spill').count()).resolves.toBeGreaterThan(15);
    await expect(cell('F4').textContent()).resolves.toMatch(/^\d+%$/);
    await expect(cell('G4').textContent()).resolves.toMatch(/^\$\d{1,3}(?:,\d{3})*$/);
    await expect(cell('A16').textContent()).resolves.toBe('Stage');
    await page.screenshot({ path: path.join(RESULTS, 'playground-landing.png') });

    await showSheet('Deals');
    await expect(cell('I2').textContent()).resolves.toMatch(/^2026-\d\d-\d\d$/);
    await expect(cell('A2').textContent()).resolves.toBe('D-1001');
    await showSheet('HubSpot export');
    const errors = page.locator('table.pg-grid td.is-error');
    await expect(errors.count()).resolves.toBe(1);
    await expect(errors.first().getAttribute('title')).resolves.toMatch(/^#VALUE! amounts is blank in D\d+ while the row has other values$/);
    await expect(cell('J7').textContent()).resolves.toMatch(/^↑ On purpose/);
    // The figures sit to the right of the export, as an analyst would put them.
    await cell('K6').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(RESULTS, 'playground-hubspot-export.png') });
    await showSheet('Summary');
  });

  it('a formula typed over a range spills its answer down the grid; a bad row shows its error', async () => {
    await typeInto('L2', 'Actual');
    for (const [ref, value] of [['L3', '90000'], ['L4', '120000'], ['L5', '45000']]) await typeInto(ref, value);
    await typeInto('M2', 'Quota');
    for (const [ref, value] of [['M3', '100000'], ['M4', '100000'], ['M5', '0']]) await typeInto(ref, value);
    await typeInto('N3', '=QUOTA_ATTAINMENT(L3:L5, M3:M5)');

    // 90000 / 100000 = 0.9; 120000 / 100000 = 1.2 (attainment shows as a percentage); quota 0 is #DIV/0! for that row only.
    await expect(texts(['N3', 'N4', 'N5', 'N6'])).resolves.toEqual(['90.0%', '120.0%', '#DIV/0!', '']);
    await expect(cell('N5').getAttribute('title')).resolves.toBe('#DIV/0! quota is 0 in M5');
    await expect(cell('N4').getAttribute('class')).resolves.toContain('is-spill');

    await cell('N3').click();
    await expect(page.locator('.pg-formula-input').inputValue()).resolves.toBe('=QUOTA_ATTAINMENT(L3:L5, M3:M5)');
    await expect(page.locator('.pg-namebox').inputValue()).resolves.toBe('N3');

    // Fixing the quota fixes the row: 45000 / 50000 = 0.9.
    await typeInto('M5', '50000');
    await expect(texts(['N3', 'N4', 'N5'])).resolves.toEqual(['90.0%', '120.0%', '90.0%']);

    // A value typed where the answer spills blocks it, as in Excel.
    await typeInto('N4', 'in the way');
    await expect(cell('N3').textContent()).resolves.toBe('#SPILL!');
    await cell('N4').click();
    await page.keyboard.press('Delete');
    await expect(texts(['N3', 'N4', 'N5'])).resolves.toEqual(['90.0%', '120.0%', '90.0%']);
    await page.screenshot({ path: path.join(RESULTS, 'playground-formula.png') });
  });

  it('the sidebar inserts the examples sheet twice, as two sheets with distinct names whose formulas compute', async () => {
    const insert = page.getByRole('button', { name: 'Insert examples sheet' });
    const status = page.locator('[data-template="examples"] .so-status');

    await insert.click();
    await page.waitForSelector('[data-template="examples"] .so-status[data-state="success"]');
    await expect(status.textContent()).resolves.toBe("Inserted sheet 'SalesOps Examples'");
    await expect(activeSheet()).resolves.toBe('SalesOps Examples');
    await expectExampleValues();

    await insert.click();
    await page.waitForFunction(() => document.querySelector('[data-template="examples"] .so-status')?.textContent?.includes('(2)'));
    await expect(status.textContent()).resolves.toBe("Inserted sheet 'SalesOps Examples (2)'");
    await expect(activeSheet()).resolves.toBe('SalesOps Examples (2)');
    await expectExampleValues();
    await page.screenshot({ path: path.join(RESULTS, 'playground.png') });

    await expect(page.locator('.pg-tab').allTextContents()).resolves.toEqual([...DEMO_TABS, 'SalesOps Examples', 'SalesOps Examples (2)']);
    // The first copy and the cells typed earlier are untouched.
    await showSheet('SalesOps Examples');
    await expectExampleValues();
    await showSheet('Summary');
    await expect(texts(['L3', 'N3', 'N4'])).resolves.toEqual(['90000', '90.0%', '120.0%']);
  });

  it('made no request beyond the local server and logged no errors', () => {
    expect(session.browser.offline).toEqual([]);
    expect(session.browser.errors).toEqual([]);
  });
});

/** The examples sheet's formula cells, worked out by hand and written as the sheet formats them. */
async function expectExampleValues(): Promise<void> {
  // Attainment = actual ÷ quota: 90000/100000, 132000/120000, 45000/60000, 150000/150000.
  await expect(texts(['D6', 'D7', 'D8', 'D9'])).resolves.toEqual(['90%', '110%', '75%', '100%']);
  // Σ amount × probability = 12000 + 40000 + 37500 + 50000 + 22500 = 162000, by probability and by stage name.
  // Closing in Q1 2026 leaves out Initech (10 April): 162000 − 37500 = 124500.
  await expect(texts(['B19', 'B20', 'B21'])).resolves.toEqual(['162,000', '162,000', '124,500']);
  // (actual − forecast) ÷ actual: −20000/180000 = −11.1%, 15000/165000 = 9.1%, 0.
  await expect(texts(['D25', 'D26', 'D27'])).resolves.toEqual(['-11.1%', '9.1%', '0.0%']);
  // WAPE = (20000 + 15000 + 0) / (180000 + 165000 + 220000) = 6.2%; bias = (−20000 + 15000 + 0) / 3 = −1667.
  await expect(texts(['B29', 'B30'])).resolves.toEqual(['6.2%', '-1,667']);
  await expect(page.locator('table.pg-grid td.is-error').count()).resolves.toBe(0);
}
