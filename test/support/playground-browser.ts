/**
 * Headless Debian Chromium for the playground and sidebar tests, with every
 * request that is not to the local test server refused and recorded.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { type BrowserContext, type Page, chromium } from 'playwright-core';
import { type PlaygroundServer, servePlayground } from '../../playground/server';
import { buildPlayground } from '../../scripts/build/playground';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface TestBrowser {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Requests that tried to leave the machine (refused). */
  readonly offline: string[];
  /** Uncaught page errors and console errors. */
  readonly errors: string[];
  close(): Promise<void>;
}

function isLocal(url: string): boolean {
  if (url.startsWith('data:') || url.startsWith('about:') || url.startsWith('blob:')) return true;
  try {
    const { hostname } = new URL(url);
    return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
  } catch {
    return false;
  }
}

/** A fresh browser profile and page; the page can only reach localhost. */
export async function openBrowser(viewport = { width: 1400, height: 860 }): Promise<TestBrowser> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'salesops-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport,
  });
  const offline: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    offline.push(url);
    return route.abort('blockedbyclient');
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return {
    context,
    page,
    offline,
    errors,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Bundles a browser entry point for a test page, as one IIFE script. */
export async function bundleForPage(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2020',
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

export interface PlaygroundSession {
  readonly server: PlaygroundServer;
  readonly browser: TestBrowser;
  readonly page: Page;
  close(): Promise<void>;
}

/** The playground built into a temporary folder, served on a free local port, and a browser to drive it. */
export async function openPlayground(viewport?: { width: number; height: number }): Promise<PlaygroundSession> {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'salesops-playground-'));
  await buildPlayground({ outDir, baseUrl: 'https://localhost:3000' });
  const server = await servePlayground({ root: outDir, port: 0 });
  const browser = await openBrowser(viewport);
  return {
    server,
    browser,
    page: browser.page,
    async close() {
      await browser.close();
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

/** A cell of the grid on the sheet shown, by its A1 name. */
export function gridCell(page: Page, ref: string) {
  return page.locator(`table.pg-grid td[data-ref="${ref}"]`);
}

/** Types into a cell as a user does: a click on it, the keys, Enter. */
export async function typeIntoCell(page: Page, ref: string, input: string): Promise<void> {
  await gridCell(page, ref).click();
  await page.keyboard.type(input);
  await page.keyboard.press('Enter');
}
