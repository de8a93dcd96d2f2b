/** The stage table: stage name → win probability, as sales ops keeps it on a settings sheet. */
import { badValue } from './errors';
import { fractionProblem } from './fractions';
import { type Table, inCell, readNumber } from './ranges';
import { describeValue, formatPercent, isBlank, normalizeLabel } from './values';

export interface StageTable {
  readonly probabilityOf: ReadonlyMap<string, number>;
}

/**
 * Reads a two-column table (stage, probability). A header row whose probability
 * cell is text is skipped; blank rows (open ranges like Stages!A:B) are skipped.
 */
export function readStageTable(table: Table): StageTable {
  const paramName = table.name;
  if ((table.cells[0]?.length ?? 0) < 2) {
    throw badValue(`${paramName} needs two columns: stage name, then probability`);
  }
  const probabilityOf = new Map<string, number>();
  table.cells.forEach((row, r) => {
    const [stage, probability] = row;
    if (isBlank(stage) && isBlank(probability)) return;
    const read = isBlank(probability) ? 'is blank' : readNumber(probability);
    if (typeof read === 'string') {
      if (r === 0 && typeof probability === 'string') return; // header row
      throw badValue(`probability ${describeValue(probability)}${inCell(table, r, 1)} ${read}`);
    }
    if (isBlank(stage)) throw badValue(`stage name is blank${inCell(table, r, 0)}`);
    const problem = fractionProblem(read, 'probability', () => inCell(table, r, 1));
    if (problem) throw problem;
    const key = normalizeLabel(String(stage));
    const earlier = probabilityOf.get(key);
    if (earlier !== undefined && earlier !== read) {
      throw badValue(`stage ${describeValue(stage)}${inCell(table, r, 0)} appears twice in ${paramName}, with ${formatPercent(earlier)} and ${formatPercent(read)}`);
    }
    probabilityOf.set(key, read);
  });
  if (probabilityOf.size === 0) throw badValue(`${paramName} has no stages`);
  return { probabilityOf };
}
