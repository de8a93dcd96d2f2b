/** Shared esbuild settings for the browser and Apps Script bundles. */
import { build, type BuildOptions } from 'esbuild';
import { type BundledPackage, bundledPackages } from './notices';

export interface Bundle {
  /** The bundle's text (nothing is written). */
  readonly code: string;
  /** The npm packages whose code is in it, for THIRD_PARTY_NOTICES.txt. */
  readonly packages: readonly BundledPackage[];
}

/** Bundles `entry` into one IIFE script, and says which packages went into it. */
export async function bundle(entry: string, options: BuildOptions = {}): Promise<Bundle> {
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
    metafile: true,
  });
  return { code: result.outputFiles![0].text, packages: bundledPackages(result.metafile!) };
}

/** Bundles `entry` into one IIFE script and returns its text (nothing is written). */
export async function bundleScript(entry: string, options: BuildOptions = {}): Promise<string> {
  return (await bundle(entry, options)).code;
}
