/** Builds dist/apps-script/. */
export interface BuildOptions {
  readonly outDir: string;
  readonly baseUrl: string;
}

export async function buildAppsScript(_options: BuildOptions): Promise<void> {
  // Filled in by the apps-script build.
}
