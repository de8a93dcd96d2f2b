/**
 * What is being typed at the caret of a formula: a function name (for the
 * suggestions), an argument of a call (for its hint), and whether a cell
 * reference can go there (clicking or arrowing to a cell then inserts it).
 * One pass over the text before the caret; quoted text is skipped.
 */

export interface FormulaContext {
  /** The name being typed at the caret ("QUO" in "=QUO"), and where it starts. */
  readonly name?: { readonly prefix: string; readonly start: number };
  /** The innermost call the caret is inside, and which argument (0-based). */
  readonly call?: { readonly name: string; readonly argument: number };
  /** Whether a reference typed at the caret would be an operand. */
  readonly referenceFits: boolean;
}

const isNameChar = (ch: string) => (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch === '_' || ch === '.';
/** Characters after which an operand starts. */
const OPERAND_BEFORE = '=(,+-*/^&<>:;';

export function formulaContext(text: string, caret: number): FormulaContext {
  if (!text.startsWith('=')) return { referenceFits: false };
  const before = text.slice(0, caret);
  const calls: { name: string; argument: number }[] = [];
  let word = '';
  let inString = false;
  let last = '';
  for (let i = 1; i < before.length; i++) {
    const ch = before[i];
    if (inString) {
      if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') {
      inString = true;
      word = '';
      last = ch;
      continue;
    }
    if (isNameChar(ch)) {
      word += ch;
      continue;
    }
    if (ch === '(') calls.push({ name: word.toUpperCase(), argument: 0 });
    else if (ch === ')') calls.pop();
    else if (ch === ',' && calls.length > 0) calls[calls.length - 1].argument++;
    // A name or reference just ended: what follows is an operator's place, not an operand's.
    if (word !== '' && ch !== '(') last = 'w';
    word = '';
    if (ch !== ' ') last = ch;
  }
  if (inString) return { call: calls[calls.length - 1], referenceFits: false };
  const call = calls[calls.length - 1];
  const operandStart = last === '' || OPERAND_BEFORE.includes(last);
  const lastChar = before[before.length - 1] ?? '';
  const referenceFits = operandStart && word === '' && (lastChar === ' ' || OPERAND_BEFORE.includes(lastChar) || before.length === 1);
  const startsLikeName = word !== '' && !(word[0] >= '0' && word[0] <= '9') && operandStart;
  return {
    name: startsLikeName ? { prefix: word, start: caret - word.length } : undefined,
    call,
    referenceFits,
  };
}
