/**
 * The built playground as the browser benches measure it: built into a
 * temporary folder, served on a free port and opened in Debian's Chromium.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, type Page, chromium } from 'playwright-core';
import { servePlayground } from '../playground/server';
import { buildPlayground } from '../scripts/build/playground';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

declare global {
  interface Window {
    /** Durations of the main thread's long tasks (50 ms or more) since recording started or was reset. */
    longTasks?: number[];
  }
}

/** Starts recording the page's long tasks into window.longTasks. */
export async function recordLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.longTasks?.push(entry.duration);
    }).observe({ entryTypes: ['longtask'] });
  });
}

export interface BuiltPlayground {
  readonly browser: Browser;
  readonly url: string;
  /** A new page at the playground, once it is ready to work in. */
  open(viewport?: { width: number; height: number }): Promise<Page>;
  /** Writes `text` as file `name` beside the build, and opens it through the page's Open menu; resolves when sheet `sheet` shows. */
  openFile(page: Page, name: string, text: string, sheet: string, timeout: number): Promise<void>;
  /** Closes the browser and the server, and removes the build. */
  close(): Promise<void>;
}

export async function builtPlayground(bench: string): Promise<BuiltPlayground> {
  const outDir = mkdtempSync(path.join(os.tmpdir(), `salesops-bench-${bench}-`));
  await buildPlayground({ outDir, baseUrl: 'https://localhost:3000' });
  const server = await servePlayground({ root: outDir, port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  return {
    browser,
    url: server.url,
    async open(viewport = { width: 1400, height: 860 }) {
      const page = await (await browser.newContext({ viewport })).newPage();
      await page.goto(server.url);
      await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
      return page;
    },
    async openFile(page, name, text, sheet, timeout) {
      const file = path.join(outDir, name);
      writeFileSync(file, text);
      const chooser = page.waitForEvent('filechooser');
      await page.locator('.pg-menu-button[data-action="open"]').click();
      await (await chooser).setFiles(file);
      await page.waitForSelector(`table.pg-grid[data-sheet="${sheet}"]`, { timeout });
    },
    async close() {
      await browser.close();
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}
