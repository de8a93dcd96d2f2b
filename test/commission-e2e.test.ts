/**
 * The commission plan template as a manager uses it, in the playground in
 * Chromium: build a tiered plan, watch the preview follow a rate, take the reps
 * from a table in the workbook (hostile names included), insert twice, change
 * a rate in the inserted sheet and see payouts follow, undo the insert. Saves
 * test-results/commission-sidebar.png and commission-sheet.png.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { type PlaygroundSession, openPlayground, gridCell, typeIntoCell } from './support/playground-browser';

const RESULTS = path.join(__dirname, '..', 'test-results');
let session: PlaygroundSession;
let page: Page;

beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  session = await openPlayground({ width: 1400, height: 1800 });
  page = session.page;
  await page.goto(session.server.url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });
});

afterAll(async () => {
  await session?.close();
});

const card = () => page.locator('[data-template="commission"]');
const field = (name: string) => card().locator(`[data-field="${name}"]`);
const previewRows = () => card().locator('.so-preview-table tbody tr').allTextContents();
const tabs = () => page.locator('.pg-tab').allTextContents();
const cell = (ref: string) => gridCell(page, ref);
const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

const typeInto = (ref: string, input: string) => typeIntoCell(page, ref, input);

describe('a commission plan from the sidebar', () => {
  it('previews what a tiered plan pays, and the preview follows a rate as it is typed', async () => {
    await field('kind').selectOption('marginal');
    // Tiers 0% 8%, 100% 12%, 125% 15% on a quota of 100,000: 80% pays 6,400; 120% pays 8,000 + 2,400; 150% adds 3,000 + 3,750.
    await expect(previewRows()).resolves.toEqual(['50%4,000', '80%6,400', '100%8,000', '120%10,400', '150%14,750']);
    await field('tiers[1].rate').fill('20');
    await expect(previewRows()).resolves.toEqual(['50%4,000', '80%6,400', '100%8,000', '120%12,000', '150%16,750']);
    await field('tiers[1].rate').fill('120');
    await expect(card().locator('.so-field-problem:not(:empty)').allTextContents()).resolves.toEqual(['Row 2: A rate is at most 100%.']);
    await expect(card().locator('.so-preview').textContent()).resolves.toContain('Fix the marked fields');
    await field('tiers[1].rate').fill('12');
    // Markup typed into a field stays text: a problem under the field, nothing rendered.
    await field('gate').fill('<img src=x onerror=alert(1)>');
    await expect(card().locator('.so-field-problem:not(:empty)').allTextContents()).resolves.toEqual(['Enter a number here.']);
    await expect(field('gate').inputValue()).resolves.toBe('<img src=x onerror=alert(1)>');
    expect(await card().locator('img').count()).toBe(0);
    await field('gate').fill('');
    await expect(previewRows()).resolves.toEqual(['50%4,000', '80%6,400', '100%8,000', '120%10,400', '150%14,750']);
    await card().screenshot({ path: path.join(RESULTS, 'commission-sidebar.png') });
  });

  it('inserts the plan for reps chosen from a table in the workbook, twice, leaving the table as it was', async () => {
    await page.locator('.pg-tab-add').click();
    const source = (await page.locator('.pg-tab[aria-selected="true"]').textContent()) ?? '';
    const rows = [
      ['<img src=x onerror=alert(1)>Rep', 'Quota', 'Bookings'],
      ['=HYPERLINK("http://x","y")', '100000', '150000'],
      ['<img src=x onerror=alert(1)>', '100000', '80000'],
    ];
    for (const [r, row] of rows.entries()) for (const [c, value] of row.entries()) await typeInto(`${'ABC'[c]}${r + 1}`, value.startsWith('=') ? `'${value}` : value);
    await cell('A1').click();
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await field('reps.source.workbook').check();
    await card().getByRole('button', { name: 'Use selection' }).click();
    // The selection is read in steps, each its own task: wait for the count.
    await card().locator('.so-rows-source', { hasText: '2 rows read' }).waitFor();
    // The table's own header, hostile markup and all, is shown in the column choices as text.
    await expect(field('reps.pick.rep').locator('option:checked').textContent()).resolves.toBe('<img src=x onerror=alert(1)>Rep');
    expect(await card().locator('img').count()).toBe(0);

    const insert = card().getByRole('button', { name: 'Insert commission plan' });
    await insert.click();
    await expect(card().locator('.so-status').textContent()).resolves.toBe("Inserted sheet 'Commission plan'");
    await insert.click();
    await expect(card().locator('.so-status').textContent()).resolves.toBe("Inserted sheet 'Commission plan (2)'");
    await expect(tabs()).resolves.toEqual(expect.arrayContaining([source, 'Commission plan', 'Commission plan (2)']));

    // The rep names are text in the new sheet: nothing ran, nothing became a link or an image.
    const texts = await page.locator('table.pg-grid td').allTextContents();
    expect(texts).toEqual(expect.arrayContaining(['=HYPERLINK("http://x","y")', '<img src=x onerror=alert(1)>']));
    expect(await page.locator('table.pg-grid img').count()).toBe(0);
    await page.screenshot({ path: path.join(RESULTS, 'commission-sheet.png') });

    await page.locator(`.pg-tab[data-sheet="${source}"]`).click();
    await expect(cell('A2').textContent()).resolves.toBe('=HYPERLINK("http://x","y")');
    await expect(cell('C3').textContent()).resolves.toBe('80000');
  });

  it('recalculates every payout when finance changes a rate in the inserted sheet, and the insert undoes as one step', async () => {
    await page.locator('.pg-tab[data-sheet="Commission plan (2)"]').click();
    // The first rep booked 150% of quota: 8,000 + 25,000 × 12% + 25,000 × 15% = 14,750.
    const payout = page.locator('table.pg-grid td').filter({ hasText: '$14,750' });
    await expect(payout.count()).resolves.toBeGreaterThan(0);
    const rate = page.locator('table.pg-grid td').filter({ hasText: /^12\.0%$/ }).first();
    const ref = (await rate.getAttribute('data-ref')) ?? '';
    await typeInto(ref, '20%');
    // 8,000 + 25,000 × 20% + 25,000 × 15% = 16,750.
    await expect(page.locator('table.pg-grid td').filter({ hasText: '$16,750' }).count()).resolves.toBeGreaterThan(0);
    await page.keyboard.press(`${mod}+Z`);
    await expect(page.locator('table.pg-grid td').filter({ hasText: '$14,750' }).count()).resolves.toBeGreaterThan(0);
    await page.keyboard.press(`${mod}+Z`);
    await expect(tabs()).resolves.not.toContain('Commission plan (2)');
    await expect(tabs()).resolves.toContain('Commission plan');
  });
});
