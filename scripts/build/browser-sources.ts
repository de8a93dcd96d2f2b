/**
 * The playground bundles ExcelJS and JSZip from their own sources, not from
 * the prebuilt browser files their package.json points browsers to
 * (exceljs/dist/exceljs.min.js, jszip/dist/jszip.min.js). Those were made by
 * browserify with every package they need folded in, so esbuild's metafile
 * saw one file where some seventy packages ship, and their licence texts could
 * not be found. From the sources, each package is an input of its own and
 * THIRD_PARTY_NOTICES.txt carries it like any other.
 *
 * What browserify supplied is supplied here: the Node built-ins ExcelJS uses
 * in a page (buffer, events, stream, process) from the npm packages browserify
 * itself uses, and nothing for what a page never reaches: the file system, the
 * password hashing of sheet protection, ExcelJS's CSV (the playground reads
 * CSV with papaparse) and the core-js polyfills for browsers older than the
 * playground's ES2020 target. The zip archiver of ExcelJS's streaming writer
 * is answered by JSZip (shims/archiver.js).
 */
import { type BuildOptions, type Plugin, build } from 'esbuild';
import { createRequire } from 'node:module';
import path from 'node:path';

const { resolve } = createRequire(path.join(process.cwd(), 'package.json'));
const SHIMS = path.join(process.cwd(), 'scripts', 'build', 'shims');

const sources: Plugin = {
  name: 'browser-sources',
  setup(build) {
    build.onResolve({ filter: /^exceljs$/ }, () => ({ path: resolve('exceljs/lib/exceljs.browser.js') }));
    build.onResolve({ filter: /^jszip$/ }, () => ({ path: resolve('jszip/lib/index.js') }));
    build.onResolve({ filter: /^stream$/ }, () => ({ path: resolve('readable-stream') }));
    build.onResolve({ filter: /^archiver$/ }, () => ({ path: path.join(SHIMS, 'archiver.js') }));
    build.onResolve({ filter: /^(?:buffer|events)$/ }, (args) => ({ path: resolve(`${args.path}/`) }));
    build.onResolve({ filter: /\/csv\/csv$/ }, (args) =>
      args.importer.includes(path.join('exceljs', 'lib')) ? { path: path.join(SHIMS, 'exceljs-csv.js') } : undefined,
    );
    // Modules a page never reaches: an empty module each.
    build.onResolve({ filter: /^(?:fs|crypto|core-js\/.*|regenerator-runtime\/.*)$/ }, (args) => ({ path: args.path, namespace: 'not-in-a-page' }));
    build.onLoad({ filter: /.*/, namespace: 'not-in-a-page' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
  },
};

/** esbuild options for a browser bundle that holds ExcelJS. */
export const browserSources: BuildOptions = {
  plugins: [sources],
  inject: [path.join(SHIMS, 'node-globals.js')],
  define: { global: 'globalThis' },
};

/**
 * A module as the playground's build bundles it (ExcelJS from its sources,
 * JSZip zipping, the page's Buffer), loaded into this process: for the checks
 * and timings of what the page runs, which Node's own ExcelJS would not show.
 */
export async function loadAsThePage<T>(entry: string): Promise<T> {
  const { outputFiles } = await build({ ...browserSources, entryPoints: [entry], bundle: true, write: false, format: 'cjs', target: 'es2020', logLevel: 'warning' });
  const module = { exports: {} };
  // The bundle needs nothing from outside: it runs as a function of its own module object.
  new Function('module', 'exports', outputFiles[0].text)(module, module.exports);
  return module.exports as T;
}
