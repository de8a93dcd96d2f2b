/**
 * Builds dist/office-addin/, everything Excel loads, from the function specs:
 *   functions.js               esbuild bundle: CustomFunctions.associate for every spec
 *   functions.json             the functions' metadata (ids, parameters, dimensionality)
 *   functions-declarations.ts  the same functions as custom-functions-metadata reads them (checked by a test)
 *   taskpane.html, taskpane.js the shared-runtime page and the sidebar (+ sidebar.css when present)
 *   help.html, assets/icon-*.png
 *   THIRD_PARTY_NOTICES.txt    the npm packages bundled into the scripts, with their licences
 *   manifest.xml               URLs for the chosen base URL
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { FUNCTIONS } from '../../core/registry';
import { drawIcon } from '../../office-addin/build/icons';
import { checkBaseUrl, MANIFEST_FILES, manifestVersion, renderManifest } from '../../office-addin/build/manifest';
import { functionDeclarations, functionsJson } from '../../office-addin/build/metadata';
import { helpHtml, taskpaneHtml } from '../../office-addin/build/pages';
import { TERRITORY_WORKER } from '../../sidebar/territory/runner';
import packageJson from '../../package.json';
import { bundle } from './bundle';
import { writeNotices } from './notices';

export interface BuildOptions {
  readonly outDir: string;
  readonly baseUrl: string;
}

export async function buildOfficeAddin(options: BuildOptions): Promise<void> {
  const baseUrl = checkBaseUrl(options.baseUrl);
  const outDir = path.resolve(options.outDir);
  const [functionsJs, taskpaneJs, workerJs] = await Promise.all([
    bundle(path.resolve('office-addin/functions.ts')),
    bundle(path.resolve('office-addin/taskpane-entry.ts')),
    // The territory designer's runs, in a Web Worker beside the task pane (its script-src 'self' allows it).
    bundle(path.resolve('sidebar/territory/worker.ts')),
  ]);

  await rm(outDir, { recursive: true, force: true });
  await mkdir(path.join(outDir, 'assets'), { recursive: true });
  const write = (file: string, text: string | Buffer) => writeFile(path.join(outDir, file), text);

  const stylesheetSource = path.resolve('sidebar/sidebar.css');
  const stylesheet = existsSync(stylesheetSource) ? 'sidebar.css' : undefined;
  if (stylesheet) await copyFile(stylesheetSource, path.join(outDir, stylesheet));

  await Promise.all([
    write(MANIFEST_FILES.functionsScript, functionsJs.code),
    write(MANIFEST_FILES.functionsMetadata, functionsJson(FUNCTIONS)),
    write('functions-declarations.ts', functionDeclarations(FUNCTIONS)),
    write('taskpane.js', taskpaneJs.code),
    write(TERRITORY_WORKER, workerJs.code),
    writeNotices(outDir, [
      { bundle: MANIFEST_FILES.functionsScript, packages: functionsJs.packages },
      { bundle: 'taskpane.js', packages: taskpaneJs.packages },
      { bundle: TERRITORY_WORKER, packages: workerJs.packages },
    ]),
    write(MANIFEST_FILES.taskpane, taskpaneHtml({ stylesheet })),
    write(MANIFEST_FILES.help, helpHtml(FUNCTIONS)),
    ...Object.entries(MANIFEST_FILES.icons).map(([size, file]) => write(file, drawIcon(Number(size)))),
    write('manifest.xml', renderManifest({ baseUrl, version: manifestVersion(packageJson.version) })),
  ]);
}
