/** Builds dist/playground/. */
export interface BuildOptions {
  readonly outDir: string;
  readonly baseUrl: string;
}

export async function buildPlayground(_options: BuildOptions): Promise<void> {
  // Filled in by the playground build.
}
