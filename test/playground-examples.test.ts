/**
 * Every worked example of every function in FUNCTIONS, typed into the
 * playground's workbook as cells and a formula: the grid must show the
 * documented answer, spilled to its documented shape.
 */
import type { Example, FunctionSpec } from '../core/spec';
import { FUNCTIONS } from '../core/registry';
import type { CellValue, Matrix } from '../core/values';
import { cellName } from '../core/a1';
import { planCellContent, Workbook } from '../playground/workbook';
import { type Seen, showsExpected } from './support/results';

const workbook = new Workbook();
let sheets = 0;

/** Writes the arguments into cells side by side from A1 and enters the call to the right of them. */
function runInGrid(spec: FunctionSpec, example: Example): Seen | Seen[][] {
  const args = [...example.args];
  while (args.length > 0 && args[args.length - 1] === null) args.pop();
  const rows: CellValue[][] = [];
  const refs: string[] = [];
  let col = 0;
  for (const arg of args) {
    if (arg === null) {
      refs.push('');
      continue;
    }
    const matrix: Matrix = Array.isArray(arg) ? arg : [[arg]];
    matrix.forEach((values, r) => {
      rows[r] ??= [];
      values.forEach((value, c) => (rows[r][col + c] = value));
    });
    const width = matrix[0]?.length ?? 1;
    const start = cellName({ row: 0, col });
    const end = cellName({ row: matrix.length - 1, col: col + width - 1 });
    refs.push(start === end ? start : `${start}:${end}`);
    col += width;
  }
  const formulaCol = col + 1;
  rows[0] ??= [];
  const content = rows.map((row) => Array.from({ length: formulaCol }, (_, c) => planCellContent(row?.[c] ?? null)));
  content[0][formulaCol] = `=${spec.name}(${refs.join(',')})`;
  const sheet = workbook.sheetId(workbook.addSheet(`S${++sheets}`, content));

  const expected = example.expect;
  const height = Array.isArray(expected) ? expected.length + 1 : 1;
  const width = Array.isArray(expected) ? (expected[0]?.length ?? 1) + 1 : 1;
  const shown = workbook.values(sheet, { top: 0, left: formulaCol, bottom: height - 1, right: formulaCol + width - 1 });
  const seen = shown.map((row) => row.map((cell): Seen => (cell === null ? '' : cell)));
  if (!Array.isArray(expected)) return seen[0][0];
  // What the grid shows past the documented shape must be empty: the answer is no bigger than documented.
  const beyond = [...seen[seen.length - 1], ...seen.map((row) => row[row.length - 1])];
  if (beyond.some((cell) => cell !== '')) return seen;
  return seen.slice(0, -1).map((row) => row.slice(0, -1));
}

describe.each(FUNCTIONS.map((spec) => [spec.name, spec] as const))('%s in the playground grid', (_name, spec) => {
  it.each(spec.examples.map((example, i) => [i + 1, example] as const))('worked example %i', (_i, example) => {
    const result = runInGrid(spec, example);
    expect({ result, ok: showsExpected(result, example.expect) }).toEqual({ result, ok: true });
  });
});
