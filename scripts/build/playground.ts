/**
 * Builds dist/playground/: the local workbook page. HyperFormula (GPL-3.0) is
 * bundled here and only here; THIRD_PARTY_NOTICES.txt beside app.js carries the
 * licence of every package in the bundle (and the page links HyperFormula's own).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bundle } from './bundle';
import { browserSources } from './browser-sources';
import { NOTICES_FILE } from '../../core/notices';
import { writeNotices } from './notices';
import { TERRITORY_WORKER } from '../../sidebar/territory/runner';

export interface BuildOptions {
  readonly outDir: string;
  readonly baseUrl: string;
}

const ROOT = process.cwd();
const from = (...parts: string[]) => path.join(ROOT, ...parts);

export async function buildPlayground(options: BuildOptions): Promise<void> {
  const { outDir } = options;
  await mkdir(outDir, { recursive: true });
  const [script, worker, pageCss, sidebarCss, html] = await Promise.all([
    bundle(from('playground', 'main.ts'), {
      ...browserSources,
      target: 'es2020',
      sourcemap: false,
      banner: { js: `/*! SalesOps Formulas playground. Bundled packages and their licences: ${NOTICES_FILE} */` },
    }),
    // The territory designer's runs, in a Web Worker beside the page (script-src 'self' allows it).
    bundle(from('sidebar', 'territory', 'worker.ts'), { target: 'es2020', sourcemap: false }),
    readFile(from('playground', 'playground.css'), 'utf8'),
    readFile(from('sidebar', 'sidebar.css'), 'utf8'),
    readFile(from('playground', 'index.html'), 'utf8'),
  ]);
  await Promise.all([
    writeFile(path.join(outDir, 'app.js'), script.code),
    writeFile(path.join(outDir, TERRITORY_WORKER), worker.code),
    writeNotices(outDir, [
      { bundle: 'app.js', packages: script.packages },
      { bundle: TERRITORY_WORKER, packages: worker.packages },
    ]),
    writeFile(path.join(outDir, 'app.css'), `${sidebarCss}\n${pageCss}`),
    writeFile(path.join(outDir, 'index.html'), html),
  ]);
}
