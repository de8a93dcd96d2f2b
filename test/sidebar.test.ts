/**
 * The sidebar, in a real browser, on a fake Host: inserting a template, what it
 * shows on success and failure, untrusted text staying text, the function list.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { FUNCTIONS } from '../core/registry';
import { type TestBrowser, bundleForPage, openBrowser } from './support/playground-browser';

const css = readFileSync(path.join(__dirname, '..', 'sidebar', 'sidebar.css'), 'utf8');
let script: string;
let browser: TestBrowser;

type Control = {
  calls: { method: string; args: unknown[] }[];
  answer(name: string): void;
  fail(message: string): void;
  failWith(value: unknown): void;
};

beforeAll(async () => {
  script = await bundleForPage(path.join(__dirname, 'support', 'playground-sidebar-fixture.ts'));
  browser = await openBrowser({ width: 300, height: 760 });
});
afterAll(async () => {
  await browser?.close();
});

async function load(hostName = 'Playground', functionPrefix = '') {
  const { page } = browser;
  const html =
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><style>${css}</style></head>` +
    `<body style="margin:0"><div id="root"></div>` +
    `<script>window.__hostName = ${JSON.stringify(hostName)}; window.__functionPrefix = ${JSON.stringify(functionPrefix)};</script>` +
    `<script>${script}</script></body></html>`;
  await page.setContent(html);
  return page;
}

const control = <T>(fn: (host: Control) => T) => browser.page.evaluate(fn as never) as Promise<T>;
const status = () => browser.page.locator('[data-template="examples"] .so-status');

describe('the sidebar', () => {
  it('mounts with a titled header, an Insert button and no errors', async () => {
    const page = await load();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('SalesOps Formulas');
    await expect(page.getByRole('button', { name: 'Insert examples sheet' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('tab', { name: 'Templates' }).getAttribute('aria-selected')).resolves.toBe('true');
    expect(browser.errors).toEqual([]);
  });

  it('inserts through the host with a plain { template: "examples" } request, once, and names the new sheet', async () => {
    const page = await load();
    const button = page.getByRole('button', { name: 'Insert examples sheet' });
    await button.click();
    await expect(button.isDisabled()).resolves.toBe(true);
    await expect(status().textContent()).resolves.toBe('Inserting…');
    await page.evaluate(() => (document.querySelector('[data-template="examples"] .so-button-primary') as HTMLButtonElement).click());
    const calls = await control(() => (window as unknown as { __host: Control }).__host.calls);
    expect(calls).toEqual([{ method: 'insertTemplate', args: [{ template: 'examples' }] }]);

    await control(() => (window as unknown as { __host: Control }).__host.answer('SalesOps Examples (2)'));
    await page.waitForSelector('[data-template="examples"] .so-status[data-state="success"]');
    await expect(status().textContent()).resolves.toBe("Inserted sheet 'SalesOps Examples (2)'");
    await expect(button.isEnabled()).resolves.toBe(true);
    await expect(status().getAttribute('role')).resolves.toBe('status');
  });

  it('shows the error message when the host fails, and lets the user try again', async () => {
    const page = await load();
    const button = page.getByRole('button', { name: 'Insert examples sheet' });
    await button.click();
    await control(() => (window as unknown as { __host: Control }).__host.fail('You need edit access to this spreadsheet.'));
    await page.waitForSelector('[data-template="examples"] .so-status[data-state="error"]');
    await expect(status().textContent()).resolves.toBe('You need edit access to this spreadsheet.');
    await expect(button.isEnabled()).resolves.toBe(true);

    await button.click();
    await control(() => (window as unknown as { __host: Control }).__host.failWith({ message: 'Exception: Service Spreadsheets timed out' }));
    await page.waitForFunction(() => document.querySelector('[data-template="examples"] .so-status')?.textContent?.startsWith('Exception'));
    await expect(status().textContent()).resolves.toBe('Exception: Service Spreadsheets timed out');

    await button.click();
    await control(() => (window as unknown as { __host: Control }).__host.failWith(undefined));
    await page.waitForFunction(() => document.querySelector('[data-template="examples"] .so-status')?.textContent?.startsWith('Something'));
    await expect(status().textContent()).resolves.toBe('Something went wrong. Please try again.');
  });

  it('shows names and messages from the host as text, never as markup', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const page = await load(`<b>${hostile}</b>`);
    await expect(page.locator('.so-host').textContent()).resolves.toBe(`in <b>${hostile}</b>`);
    await page.getByRole('button', { name: 'Insert examples sheet' }).click();
    await control(() => (window as unknown as { __host: Control }).__host.answer('<img src=x onerror="window.__pwned=1">'));
    await page.waitForSelector('[data-template="examples"] .so-status[data-state="success"]');
    await expect(status().textContent()).resolves.toBe(`Inserted sheet '${hostile}'`);
    await page.getByRole('button', { name: 'Insert examples sheet' }).click();
    await control(() => (window as unknown as { __host: Control }).__host.fail('<script>window.__pwned=2</script><b>bold</b>'));
    await page.waitForSelector('[data-template="examples"] .so-status[data-state="error"]');
    await expect(status().textContent()).resolves.toBe('<script>window.__pwned=2</script><b>bold</b>');
    expect(await page.evaluate(() => document.querySelectorAll('img, b, #root script').length)).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  it('lists every function with its arguments and summary under Functions', async () => {
    const page = await load();
    await page.getByRole('tab', { name: 'Functions' }).click();
    const items = await page.$$eval('.so-fn', (nodes) =>
      nodes.map((node) => ({
        name: node.getAttribute('data-name'),
        signature: node.querySelector('.so-fn-signature')?.textContent,
        summary: node.querySelector('.so-fn-summary')?.textContent,
        visible: (node as HTMLElement).offsetParent !== null,
      })),
    );
    expect(items.map((item) => item.name)).toEqual(expect.arrayContaining(FUNCTIONS.map((spec) => spec.name)));
    expect(items).toHaveLength(FUNCTIONS.length);
    const attainment = items.find((item) => item.name === 'QUOTA_ATTAINMENT')!;
    expect(attainment.signature).toBe('QUOTA_ATTAINMENT(actual, quota)');
    expect(attainment.summary).toBe(FUNCTIONS.find((spec) => spec.name === 'QUOTA_ATTAINMENT')!.summary);
    const pipeline = items.find((item) => item.name === 'WEIGHTED_PIPELINE')!;
    expect(pipeline.signature).toBe(
      'WEIGHTED_PIPELINE(amounts, probabilities, [stage_table], [close_dates], [period_start], [period_end])',
    );
    expect(items.every((item) => item.visible)).toBe(true);
    await expect(page.getByRole('button', { name: 'Insert examples sheet' }).isVisible()).resolves.toBe(false);
  });

  it('writes Excel calls with the SALESOPS namespace', async () => {
    const page = await load('Excel', 'SALESOPS.');
    await page.getByRole('tab', { name: 'Functions' }).click();
    const signature = await page.locator('.so-fn[data-name="QUOTA_ATTAINMENT"] .so-fn-signature').textContent();
    expect(signature).toBe('SALESOPS.QUOTA_ATTAINMENT(actual, quota)');
  });

  it('filters the function list as the user types', async () => {
    const page = await load();
    await page.getByRole('tab', { name: 'Functions' }).click();
    await page.getByPlaceholder('Filter functions').fill('forecast error');
    const visible = await page.$$eval('.so-fn', (nodes) =>
      nodes.filter((node) => (node as HTMLElement).offsetParent !== null).map((node) => node.getAttribute('data-name')),
    );
    expect(visible).toContain('FORECAST_ERROR');
    expect(visible).not.toContain('QUOTA_ATTAINMENT');
    await page.getByPlaceholder('Filter functions').fill('no such function anywhere');
    await expect(page.getByText('No function matches.').isVisible()).resolves.toBe(true);
  });

  it('moves between tabs with the arrow keys', async () => {
    const page = await load();
    await page.getByRole('tab', { name: 'Templates' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('tab', { name: 'Functions' }).getAttribute('aria-selected')).resolves.toBe('true');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Functions');
    await expect(page.getByRole('tabpanel').count()).resolves.toBe(1);
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('tab', { name: 'Templates' }).getAttribute('aria-selected')).resolves.toBe('true');
  });

  it('fits a 300px sidebar and reaches nothing on the network', async () => {
    const page = await load();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(300);
    mkdirSync(path.join(__dirname, '..', 'test-results'), { recursive: true });
    await page.screenshot({ path: path.join(__dirname, '..', 'test-results', 'sidebar.png') });
    expect(browser.offline).toEqual([]);
    expect(browser.errors).toEqual([]);
  });
});
