/**
 * npm start: builds the playground and serves it on http://localhost:PORT
 * (8080, or the PORT environment variable; the next free port if taken).
 */
import path from 'node:path';
import { servePlayground } from '../playground/server';
import { buildPlayground } from './build/playground';

async function main(): Promise<void> {
  const requested = process.env.PORT ? Number(process.env.PORT) : 8080;
  if (!Number.isInteger(requested) || requested < 0 || requested > 65535) {
    throw new Error(`PORT must be a port number (0-65535), not "${process.env.PORT}"`);
  }
  const outDir = path.resolve('dist', 'playground');
  const started = Date.now();
  await buildPlayground({ outDir, baseUrl: process.env.SALESOPS_BASE_URL ?? 'https://localhost:3000' });
  console.log(`built dist/playground in ${Date.now() - started} ms`);

  const server = await servePlayground({ root: outDir, port: requested });
  if (requested !== 0 && server.port !== requested) console.log(`port ${requested} is taken; using ${server.port}`);
  console.log(`\n  SalesOps Formulas playground: ${server.url}\n\n  Press Ctrl+C to stop.\n`);

  const stop = () => {
    server.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
