/**
 * A sheet plan: a host-neutral description of a new sheet that a template
 * produces and each host writes in one batch (or exports to .xlsx).
 */
import { renameInFormula } from '../formula-text';
import type { CellValue } from '../values';

/**
 * A native formula in Excel syntax (English names, comma separators, A1
 * references), written without its leading "=": each host adds it.
 */
export interface FormulaCell {
  readonly formula: string;
}

export type PlanCell = CellValue | FormulaCell;

export interface SheetPlan {
  /** The name the template would like; hosts make it unique ("Examples (2)"). */
  readonly name: string;
  /** Cells from A1, row by row. */
  readonly cells: readonly (readonly PlanCell[])[];
  /** Number formats for A1 ranges, e.g. { range: 'D2:D6', format: '0%' }. */
  readonly formats?: readonly { readonly range: string; readonly format: string }[];
  /** Column widths in pixels, from column A. */
  readonly columnWidths?: readonly number[];
  /** Rows shown in bold (1-based), e.g. headers. */
  readonly boldRows?: readonly number[];
  /** Rows kept on screen at the top while the sheet scrolls: 1 for a data sheet's header row. */
  readonly frozenRows?: number;
  /** Charts drawn over the sheet; each host draws them its own way. */
  readonly charts?: readonly PlanChart[];
}

/** A chart over a plan's own cells, described by A1 ranges on the new sheet. */
export interface PlanChart {
  readonly kind: 'line' | 'column' | 'scatter';
  readonly title: string;
  /** The x values or category labels, e.g. 'A20:A40'. */
  readonly categories: string;
  readonly series: readonly { readonly name: string; readonly values: string }[];
  /** The cell the chart's top-left corner sits on, e.g. 'H2'. */
  readonly anchor: string;
  readonly xTitle?: string;
  readonly yTitle?: string;
}

export function isFormulaCell(cell: PlanCell): cell is FormulaCell {
  return typeof cell === 'object' && cell !== null && 'formula' in cell;
}

/** Sheet names hosts refuse: Excel allows 31 characters and none of : \ / ? * [ ]. */
const MAX_SHEET_NAME = 31;

/** "Examples", then "Examples (2)", "Examples (3)": the first name not already taken (case-insensitively). */
export function uniqueSheetName(base: string, existing: readonly string[]): string {
  const clean = base.replace(/[:\\/?*[\]]/g, ' ').trim().slice(0, MAX_SHEET_NAME) || 'Sheet';
  const taken = new Set(existing.map((name) => name.toLowerCase()));
  if (!taken.has(clean.toLowerCase())) return clean;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = clean.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/**
 * Custom functions are written bare in plans (=QUOTA_ATTAINMENT(...)); Excel
 * needs its namespace (=SALESOPS.QUOTA_ATTAINMENT(...)).
 */
export function formulaForHost(formula: string, functionNames: readonly string[], namespace: string | null): string {
  if (!namespace) return formula;
  const names = new Set(functionNames.map((name) => name.toUpperCase()));
  return renameInFormula(formula, { functions: (name) => (names.has(name.toUpperCase()) ? `${namespace}.${name}` : undefined) });
}
