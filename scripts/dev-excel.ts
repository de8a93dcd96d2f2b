/**
 * npm run dev:excel [-- desktop | web --document <workbook URL> | serve]
 *
 * Trusts a localhost HTTPS certificate (office-addin-dev-certs), builds
 * dist/office-addin for https://localhost:3000, serves it, and sideloads the
 * manifest with office-addin-debugging (Excel desktop on Windows/macOS, or
 * Excel on the web). The server listens on 127.0.0.1 only, unless --host names
 * another address. Ctrl+C stops the server and removes the sideloaded add-in.
 */
import path from 'node:path';
import { DEFAULT_DEV_HOST, DEV_USAGE, planDev, startDevServer } from '../office-addin/dev-server';
import { buildOfficeAddin } from './build/office-addin';

const PORT = 3000;
const BASE_URL = `https://localhost:${PORT}`;

function fail(message: string): never {
  console.error(`dev:excel: ${message}`);
  process.exit(1);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(DEV_USAGE);
    return;
  }
  const plan = planDev(args, process.platform);
  if ('error' in plan) fail(plan.error);

  // Loaded only once we know the command can run here.
  const certs = await import('office-addin-dev-certs');
  const debugging = await import('office-addin-debugging');

  console.log('Checking the localhost development certificate (you may be asked to trust it once)...');
  await certs.ensureCertificatesAreInstalled();
  const tls = await certs.getHttpsServerOptions();

  const outDir = path.resolve('dist/office-addin');
  await buildOfficeAddin({ outDir, baseUrl: BASE_URL });
  const manifest = path.join(outDir, 'manifest.xml');

  const server = await startDevServer({ root: outDir, port: PORT, host: plan.host, tls });
  console.log(`Serving ${outDir} at ${BASE_URL} (listening on ${plan.host})`);
  if (plan.host !== DEFAULT_DEV_HOST) {
    console.log(`Other machines that can reach ${plan.host} can fetch these files too; leave out --host to serve this machine only.`);
  }

  if (plan.target === 'serve') {
    console.log(`Sideload ${manifest} by hand (see the README), then keep this running. Ctrl+C stops it.`);
  } else {
    await debugging.startDebugging(manifest, {
      appType: plan.target === 'web' ? debugging.AppType.Web : debugging.AppType.Desktop,
      document: plan.document,
      devServerPort: PORT,
      enableDebugging: false,
      enableLiveReload: false,
    });
    console.log('Excel is starting with SalesOps Formulas sideloaded. Ctrl+C stops the server and removes the add-in.');
  }

  let stopping = false;
  process.on('SIGINT', () => {
    if (stopping) return;
    stopping = true;
    server.close();
    const unload = plan.target === 'serve' ? Promise.resolve() : debugging.stopDebugging(manifest);
    unload.catch((error: unknown) => console.error(`dev:excel: could not remove the sideloaded add-in: ${String(error)}`)).finally(() => process.exit(0));
  });
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
