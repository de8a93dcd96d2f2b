/**
 * Where a custom function's arguments start, read from the calling cell's
 * formula text: Sheets hands a custom function the values of its ranges but
 * not their addresses, so a message can only name the cell at fault
 * (`quota is 0 in C6`) by reading `=QUOTA_ATTAINMENT(B2:B, C2:C)` itself.
 *
 * One pass over the text, no regular expressions: a formula may hold 50,000
 * characters of string literal.
 */
import { type SheetCellRef, referenceStart } from '../core/a1';

/** Formulas longer than this are not read for addresses (Sheets allows 50,000 characters in a cell). */
const MAX_FORMULA_CHARS = 50_000;

function isNameChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\w.]/.test(ch);
}

/**
 * The text of each argument of the one call to `functionName` in `formula`, or
 * undefined when there is no such call, more than one, or the text cannot be
 * read (an unclosed string or bracket).
 */
export function callArguments(formula: string, functionName: string): string[] | undefined {
  if (formula.length > MAX_FORMULA_CHARS) return undefined;
  const name = functionName.toUpperCase();
  let call: { depth: number; open: number; close: number; commas: number[]; semicolons: number[] } | undefined;
  let depth = 0;
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      // A string literal or a quoted sheet name: its quote doubled stands for itself.
      let j = i + 1;
      for (; j < formula.length; j++) {
        if (formula[j] === ch) {
          if (formula[j + 1] === ch) j++;
          else break;
        }
      }
      if (j >= formula.length) return undefined;
      i = j + 1;
      continue;
    }
    if (isNameChar(ch) && !isNameChar(formula[i - 1])) {
      let j = i;
      while (isNameChar(formula[j])) j++;
      let k = j;
      while (formula[k] === ' ') k++;
      if (formula[k] === '(' && formula.slice(i, j).toUpperCase() === name) {
        if (call) return undefined; // called twice: which call failed cannot be told
        depth++;
        call = { depth, open: k, close: -1, commas: [], semicolons: [] };
        i = k + 1;
        continue;
      }
      i = j;
      continue;
    }
    if (ch === '(' || ch === '{') depth++;
    else if (ch === ')' || ch === '}') {
      if (call && call.close < 0 && depth === call.depth) call.close = i;
      depth--;
      if (depth < 0) return undefined;
    } else if (call && call.close < 0 && depth === call.depth) {
      if (ch === ',') call.commas.push(i);
      else if (ch === ';') call.semicolons.push(i);
    }
    i++;
  }
  if (depth !== 0 || !call || call.close < 0) return undefined;
  // Locales that write decimals with a comma separate arguments with semicolons:
  // a semicolon outside brackets means the semicolons are the separators.
  const separators = call.semicolons.length > 0 ? call.semicolons : call.commas;
  const bounds = [call.open, ...separators, call.close];
  return bounds.slice(1).map((end, k) => formula.slice(bounds[k] + 1, end));
}

/**
 * Where each argument of the call to `functionName` starts, for the arguments that
 * are plain references; the sheet is left out when it is `ownSheet`.
 */
export function argumentStarts(formula: string, functionName: string, ownSheet: string): (SheetCellRef | undefined)[] {
  const args = callArguments(formula.startsWith('=') ? formula.slice(1) : formula, functionName) ?? [];
  return args.map((text) => referenceStart(text, ownSheet));
}
