/**
 * The bench's page section: how long the built playground takes to be ready
 * to work in (the demo computed and drawn, `body[data-ready]` set) in Debian's
 * Chromium, from a local server, against a 1 s budget. Median of five fresh
 * page loads, each in a new tab with an empty cache.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { servePlayground } from '../playground/server';
import { buildPlayground } from '../scripts/build/playground';

const BUDGET_MS = 1000;
const LOADS = 5;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function benchPage(): Promise<string[]> {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'salesops-bench-page-'));
  await buildPlayground({ outDir, baseUrl: 'https://localhost:3000' });
  const server = await servePlayground({ root: outDir, port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  const times: number[] = [];
  try {
    for (let k = 0; k < LOADS; k++) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
      const page = await context.newPage();
      const started = Date.now();
      await page.goto(server.url);
      await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
      times.push(Date.now() - started);
      await context.close();
      process.stderr.write(`page: load ${k + 1}/${LOADS} ${times[k]} ms\n`);
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
  }
  const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];
  return [
    '| the playground in Chromium | median of 5 loads ms | budget ms |',
    '| --- | ---: | ---: |',
    `| page ready (demo computed and drawn) | ${median} | ≤ ${BUDGET_MS} |`,
  ];
}
