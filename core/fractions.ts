/** Percentages arrive as fractions (25% is 0.25); a value above 1 is refused with the likely fix. */
import { type FormulaError, badNumber } from './errors';
import { formatNumber } from './values';

/** No cell to name: a value typed into the formula. */
export const noPlace = (): string => '';

/**
 * Why `value` is not a fraction in [0, 1], or undefined when it is one. `where`
 * words the cell (" in C6") and is called only for a message: naming a cell may
 * cost a host call (Sheets reads the calling formula), which a good value never pays.
 */
export function fractionProblem(value: number, what: string, where: () => string = noPlace): FormulaError | undefined {
  if (value >= 0 && value <= 1) return undefined;
  if (value < 0) return badNumber(`${what} ${formatNumber(value)}${where()} is negative`);
  if (value > 1) {
    // 60 was surely meant as 60%; 1.2 may be 120% typed right but not allowed here, so no guess at a fix.
    const fix = value > 2 ? `: enter ${formatNumber(value)}% or ${formatNumber(value / 100)}` : '';
    return badNumber(`${what} ${formatNumber(value)}${where()} is above 100%${fix}`);
  }
  return undefined;
}
