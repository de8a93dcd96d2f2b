/** Shared esbuild settings for the browser and Apps Script bundles. */
import { build, type BuildOptions } from 'esbuild';

/** Bundles `entry` into one IIFE script and returns its text (nothing is written). */
export async function bundleScript(entry: string, options: BuildOptions = {}): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2019',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    ...options,
  });
  return result.outputFiles![0].text;
}
