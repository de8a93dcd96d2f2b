/**
 * Where the demo workbook keeps things, for formulas that refer across
 * sheets, and the number formats its sheets share.
 */
import type { PlanCell } from '../core/templates';
import { ymdFromSerial } from '../core/values';
import { COMMISSION_TIERS, FUNNEL, HUBSPOT_STAGES, STAGE_PROBABILITIES } from './demo-data';

export const MONEY = '$#,##0';
export const PERCENT = '0%';
export const DATE = 'yyyy-mm-dd';

export const SUMMARY = 'Summary';
export const DEALS = 'Deals';
export const SALESFORCE = 'Salesforce export';
export const HUBSPOT = 'HubSpot export';
export const SETTINGS = 'Settings';

/** The cell holding the data's as-of date: every "open" and "from now on" reads it. */
export const AS_OF_CELL = `${SUMMARY}!$J$1`;

// Settings: stage table in A–B, commission plan and next quarter's quota in D–E, HubSpot's stage table in G–H.
export const STAGE_TABLE = `${SETTINGS}!$A$1:$B$${STAGE_PROBABILITIES.length + 1}`;
export const FUNNEL_ORDER = `${SETTINGS}!$A$2:$A$${FUNNEL.length + 1}`;
export const COMMISSION_PLAN = `${SETTINGS}!$D$1:$E$${COMMISSION_TIERS.length + 1}`;
/** The row on Settings, below the commission plan, holding next quarter's team quota (in E). */
export const NEXT_QUOTA_ROW = COMMISSION_TIERS.length + 3;
export const NEXT_QUOTA = `${SETTINGS}!$E$${NEXT_QUOTA_ROW}`;
export const HUBSPOT_STAGE_TABLE = `${SETTINGS}!$G$1:$H$${HUBSPOT_STAGES.length + 1}`;

/** A date as a formula: DATE(2026,12,31). */
export function dateFormula(serial: number): string {
  const { year, month, day } = ymdFromSerial(serial);
  return `DATE(${year},${month},${day})`;
}

export const formula = (text: string): PlanCell => ({ formula: text });

/** Every row padded to the same width: hosts write one rectangular block. */
export function rectangle(rows: readonly (readonly PlanCell[])[]): PlanCell[][] {
  const width = Math.max(...rows.map((row) => row.length));
  return rows.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? null));
}
