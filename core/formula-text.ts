/**
 * Renaming inside a formula's text: the functions it calls (QUOTA_ATTAINMENT
 * becomes SALESOPS.QUOTA_ATTAINMENT for Excel, or the name Excel stores in a
 * file) and the sheets it refers to (a sheet renamed on import). One pass,
 * left to right, that never touches text in quotes: "QUOTA_ATTAINMENT(" in a
 * string literal is a string.
 */
import { quoteSheetName } from './a1';

export interface FormulaRenames {
  /** The new name of a called function (given as written), or undefined to keep it. */
  readonly functions?: (name: string) => string | undefined;
  /** The new name of a referenced sheet, or undefined to keep it. */
  readonly sheets?: (name: string) => string | undefined;
}

const isNameStart = (ch: string) => (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || ch === '_' || ch === '\\';
const isNamePart = (ch: string) => isNameStart(ch) || (ch >= '0' && ch <= '9') || ch === '.';

/** Where the quoted text starting at `start` ends (after its closing quote); a doubled quote is one quote inside. */
function quotedEnd(formula: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < formula.length) {
    if (formula[i] === quote) {
      if (formula[i + 1] !== quote) return i + 1;
      i += 2;
    } else i++;
  }
  return formula.length;
}

export function renameInFormula(formula: string, renames: FormulaRenames): string {
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      const end = quotedEnd(formula, i, '"');
      out += formula.slice(i, end);
      i = end;
    } else if (ch === "'") {
      const end = quotedEnd(formula, i, "'");
      const renamed = formula[end] === '!' ? renames.sheets?.(formula.slice(i + 1, end - 1).replace(/''/g, "'")) : undefined;
      out += renamed === undefined ? formula.slice(i, end) : quoteSheetName(renamed);
      i = end;
    } else if (isNameStart(ch) && !isNamePart(formula[i - 1] ?? ' ')) {
      let end = i + 1;
      while (end < formula.length && isNamePart(formula[end])) end++;
      const name = formula.slice(i, end);
      const renamed =
        formula[end] === '(' ? renames.functions?.(name) : formula[end] === '!' ? renames.sheets?.(name) : undefined;
      out += renamed === undefined ? name : formula[end] === '!' ? quoteSheetName(renamed) : renamed;
      i = end;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}
