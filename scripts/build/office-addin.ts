/**
 * Builds dist/office-addin/, everything Excel loads, from the function specs:
 *   functions.js               esbuild bundle: CustomFunctions.associate for every spec
 *   functions.json             the functions' metadata (ids, parameters, dimensionality)
 *   functions-declarations.ts  the same functions as custom-functions-metadata reads them (checked by a test)
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { FUNCTIONS } from '../../core/registry';
import { functionDeclarations, functionsJson } from '../../office-addin/build/metadata';
import { bundleScript } from './bundle';

export interface BuildOptions {
  readonly outDir: string;
  readonly baseUrl: string;
}

export async function buildOfficeAddin(options: BuildOptions): Promise<void> {
  const outDir = path.resolve(options.outDir);
  const functionsJs = await bundleScript(path.resolve('office-addin/functions.ts'));
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const write = (file: string, text: string) => writeFile(path.join(outDir, file), text);
  await Promise.all([
    write('functions.js', functionsJs),
    write('functions.json', functionsJson(FUNCTIONS)),
    write('functions-declarations.ts', functionDeclarations(FUNCTIONS)),
  ]);
}
