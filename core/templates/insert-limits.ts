/**
 * How many rows of data (a template's accounts or reps, one sheet row each)
 * one Insert writes, per host. Running a scenario in the sidebar takes more
 * (the territory designer runs 250,000 accounts): these limits are only for
 * what crosses to the spreadsheet and is written there in one batch. Every host
 * refuses a larger request itself (the request is untrusted), and the sidebar
 * says so before sending it.
 */
export const INSERT_ROWS = {
  /**
   * The request crosses google.script.run as JSON (the server refuses more than
   * its template's size before parsing it) and the server plans the sheet again,
   * running the engine, and writes it with setValues, all in one Apps Script
   * execution.
   */
  sheets: 10_000,
  /**
   * The sheet is added and written in one sync, and Excel on the web takes at
   * most 5 MB per request: a territory row (name, territory, owner, lock, four
   * balances, as formulas and number formats) is up to about 300 bytes there.
   */
  excel: 15_000,
  /**
   * A template's sheet holds 20,000 rows (MAX_PLAN_ROWS in normalise-plan.ts),
   * its title and headers included: the most any host writes.
   */
  playground: 19_000,
} as const;

/** The host an Insert is for: its name (for messages) and the rows it writes at once. */
export interface InsertLimit {
  readonly host: string;
  readonly rows: number;
}
