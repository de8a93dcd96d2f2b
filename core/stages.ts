/** The stage table: stage name → win probability, as sales ops keeps it on a settings sheet. */
import { badValue } from './errors';
import { fractionProblem } from './fractions';
import { readNumber } from './ranges';
import { type Matrix, describeValue, formatPercent, isBlank, normalizeLabel } from './values';

export interface StageTable {
  readonly probabilityOf: ReadonlyMap<string, number>;
}

/**
 * Reads a two-column table (stage, probability). A header row whose probability
 * cell is text is skipped; blank rows (open ranges like Stages!A:B) are skipped.
 */
export function readStageTable(table: Matrix, paramName: string): StageTable {
  if ((table[0]?.length ?? 0) < 2) {
    throw badValue(`${paramName} needs two columns: stage name, then probability`);
  }
  const probabilityOf = new Map<string, number>();
  table.forEach((row, r) => {
    const [stage, probability] = row;
    if (isBlank(stage) && isBlank(probability)) return;
    const where = `${paramName} row ${r + 1}`;
    const read = isBlank(probability) ? 'is blank' : readNumber(probability);
    if (typeof read === 'string') {
      if (r === 0 && typeof probability === 'string') return; // header row
      throw badValue(`probability ${describeValue(probability)} in ${where} ${read}`);
    }
    if (isBlank(stage)) throw badValue(`stage name is blank in ${where}`);
    const problem = fractionProblem(read, 'probability', ` in ${where}`);
    if (problem) throw problem;
    const key = normalizeLabel(String(stage));
    const earlier = probabilityOf.get(key);
    if (earlier !== undefined && earlier !== read) {
      throw badValue(`stage ${describeValue(stage)} appears twice in ${paramName}, with ${formatPercent(earlier)} and ${formatPercent(read)}`);
    }
    probabilityOf.set(key, read);
  });
  if (probabilityOf.size === 0) throw badValue(`${paramName} has no stages`);
  return { probabilityOf };
}
