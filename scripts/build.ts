/**
 * npm run build: every generated artifact, from the function specs.
 *   --base-url https://addin.example.com   where the Excel add-in will be hosted (default https://localhost:3000)
 */
import path from 'node:path';
import { buildAppsScript } from './build/apps-script';
import { buildOfficeAddin } from './build/office-addin';
import { checkBaseUrl } from '../office-addin/build/manifest';
import { buildPlayground } from './build/playground';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

async function main(): Promise<void> {
  const baseUrl = checkBaseUrl(option('base-url', process.env.SALESOPS_BASE_URL ?? 'https://localhost:3000'));
  const dist = path.resolve('dist');
  const started = Date.now();
  await Promise.all([
    buildAppsScript({ outDir: path.join(dist, 'apps-script'), baseUrl }),
    buildOfficeAddin({ outDir: path.join(dist, 'office-addin'), baseUrl }),
    buildPlayground({ outDir: path.join(dist, 'playground'), baseUrl }),
  ]);
  console.log(`built dist/ in ${Date.now() - started} ms (add-in base URL ${baseUrl})`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
