/** Builds dist/office-addin/. */
export interface BuildOptions {
  readonly outDir: string;
  readonly baseUrl: string;
}

export async function buildOfficeAddin(_options: BuildOptions): Promise<void> {
  // Filled in by the office-addin build.
}
