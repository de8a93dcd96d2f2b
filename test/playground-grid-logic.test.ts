/** The grid's rules that need no browser: keys, moves, formula context, suggestions, format rules and layouts. */
import { type CellRef, parseCell, parseRange } from '../core/a1';
import { FUNCTIONS } from '../core/registry';
import { NUMBER_FORMAT_CODES, resultFormatAt } from '../core/spec';
import { decimalsOf, isPercentFormat, withDecimals } from '../playground/format';
import { suggestionsFor } from '../playground/grid/autocomplete';
import { formulaContext } from '../playground/grid/formula-context';
import { gridCommand } from '../playground/grid/keyboard';
import { jump } from '../playground/grid/navigation';
import { formatAt, parseLayout, shiftColumns, shiftRows, withFormat } from '../playground/layout';

const key = (key: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('keys on the grid', () => {
  it('Ctrl or ⌘ with Z undoes, with Y or Shift+Z redoes', () => {
    expect(gridCommand(key('z', { ctrlKey: true }))).toEqual({ type: 'undo' });
    expect(gridCommand(key('z', { metaKey: true }))).toEqual({ type: 'undo' });
    expect(gridCommand(key('Z', { ctrlKey: true, shiftKey: true }))).toEqual({ type: 'redo' });
    expect(gridCommand(key('y', { ctrlKey: true }))).toEqual({ type: 'redo' });
  });

  it('arrows move, Shift extends, Ctrl jumps; Home, End, PageDown; typing starts an edit; Ctrl+C is left to the clipboard', () => {
    expect(gridCommand(key('ArrowDown', { ctrlKey: true, shiftKey: true }))).toEqual({ type: 'move', direction: 'down', extend: true, jump: true });
    expect(gridCommand(key('Home', { ctrlKey: true }))).toEqual({ type: 'sheetStart', extend: false });
    expect(gridCommand(key('End'))).toEqual({ type: 'rowEnd', extend: false });
    expect(gridCommand(key('PageDown', { shiftKey: true }))).toEqual({ type: 'page', direction: 'down', extend: true });
    expect(gridCommand(key('='))).toEqual({ type: 'type', text: '=' });
    expect(gridCommand(key('F10', { shiftKey: true }))).toEqual({ type: 'menu' });
    expect(gridCommand(key('c', { ctrlKey: true }))).toBeUndefined();
    expect(gridCommand(key('v', { metaKey: true }))).toBeUndefined();
  });
});

describe('Ctrl+arrow jumps to the edge of the data', () => {
  // Column A: rows 1–3 filled, 4–5 empty, 6–7 filled (0-based 0–2 and 5–6).
  const filled = new Set(['A1', 'A2', 'A3', 'A6', 'A7']);
  const isFilled = (ref: CellRef) => filled.has(`${String.fromCharCode(65 + ref.col)}${ref.row + 1}`);
  const extent = { rows: 7, cols: 1 };
  const bounds = { maxRows: 100, maxColumns: 10 };
  const down = (from: string) => jump(parseCell(from)!, 'down', isFilled, extent, bounds);

  it('from a filled cell to the end of its run, then to the next filled cell, then past the data to the sheet edge', () => {
    expect(down('A1')).toEqual(parseCell('A3'));
    expect(down('A3')).toEqual(parseCell('A6'));
    expect(down('A6')).toEqual(parseCell('A7'));
    expect(down('A7')).toEqual(parseCell('A100'));
    expect(jump(parseCell('A7')!, 'up', isFilled, extent, bounds)).toEqual(parseCell('A6'));
    expect(jump(parseCell('A5')!, 'up', isFilled, extent, bounds)).toEqual(parseCell('A3'));
    expect(jump(parseCell('A1')!, 'up', isFilled, extent, bounds)).toEqual(parseCell('A1'));
  });
});

describe('what is being typed in a formula', () => {
  it('a name being typed, the call and argument the caret is in, and whether a reference fits', () => {
    expect(formulaContext('=QUO', 4)).toEqual({ name: { prefix: 'QUO', start: 1 }, call: undefined, referenceFits: false });
    expect(formulaContext('=QUOTA_ATTAINMENT(', 18)).toMatchObject({ call: { name: 'QUOTA_ATTAINMENT', argument: 0 }, referenceFits: true });
    expect(formulaContext('=QUOTA_ATTAINMENT(A1:A3, ', 25)).toMatchObject({ call: { name: 'QUOTA_ATTAINMENT', argument: 1 }, referenceFits: true });
    expect(formulaContext('=SUM(IF(A1>0,"a,b", ', 20)).toMatchObject({ call: { name: 'IF', argument: 2 }, referenceFits: true });
    expect(formulaContext('=SUM(A1)+', 9)).toMatchObject({ call: undefined, referenceFits: true });
    expect(formulaContext('=SUM(A1 ', 8)).toMatchObject({ referenceFits: false });
    expect(formulaContext('=A1', 3).referenceFits).toBe(false);
    expect(formulaContext('=', 1).referenceFits).toBe(true);
    expect(formulaContext('plain text', 5)).toEqual({ referenceFits: false });
    expect(formulaContext('="QUO', 5).name).toBeUndefined();
  });
});

describe('function suggestions', () => {
  it('ours first, with their one-line summary, then the engine\'s', () => {
    expect(suggestionsFor('quo').map((s) => s.name)).toEqual(['QUOTA_ATTAINMENT', 'QUOTA_ATTAINMENT_RATE']);
    expect(suggestionsFor('QUO')[0].summary).toBe(FUNCTIONS.find((spec) => spec.name === 'QUOTA_ATTAINMENT')!.summary);
    expect(suggestionsFor('SU').map((s) => s.name)).toEqual(['SUM', 'SUMIF', 'SUMIFS', 'SUMPRODUCT']);
    expect(suggestionsFor('SUM')[0].summary).toBe('Adds numbers and ranges.');
  });
});

describe('number format rules', () => {
  it('tells percentages and decimal places, and adds or takes away places', () => {
    expect([isPercentFormat('0%'), isPercentFormat('0.0%'), isPercentFormat('#,##0'), isPercentFormat('yyyy-mm-dd'), isPercentFormat(undefined)]).toEqual([
      true, true, false, false, false,
    ]);
    expect([decimalsOf('0.00%'), decimalsOf('$#,##0'), decimalsOf('#,##0.0')]).toEqual([2, 0, 1]);
    expect(withDecimals('0%', 0.5, 1)).toBe('0.0%');
    expect(withDecimals('$#,##0.00', 5, -1)).toBe('$#,##0.0');
    expect(withDecimals('$#,##0', 5, -1)).toBe('$#,##0');
    expect(withDecimals(undefined, 2 / 3, -2)).toBe('#,##0.00000000');
    expect(withDecimals(undefined, 1.5, 1)).toBe('#,##0.00');
    expect(withDecimals('yyyy-mm-dd', 46112, 1)).toBe('yyyy-mm-dd');
  });

  it('every spec that declares a result format declares one that fits it', () => {
    for (const spec of FUNCTIONS) {
      const format = spec.format;
      if (format === undefined || typeof format === 'string') continue;
      if ('columns' in format) {
        expect(spec.result).toBe('table');
        continue;
      }
      const param = spec.params.find((p) => p.name === format.param);
      expect(param?.choices).toBeDefined();
      expect(Object.keys(format.formats).sort()).toEqual([...(param?.choices ?? [])].sort());
    }
    const byName = (name: string) => FUNCTIONS.find((spec) => spec.name === name)!;
    expect(NUMBER_FORMAT_CODES[resultFormatAt(byName('QUOTA_ATTAINMENT'), 0)]).toBe('0.0%');
    expect(NUMBER_FORMAT_CODES[resultFormatAt(byName('AVG_DEAL_SIZE'), 0)]).toBe('$#,##0');
    expect(NUMBER_FORMAT_CODES[resultFormatAt(byName('SALES_CYCLE'), 0)]).toBe('#,##0.0');
    expect(resultFormatAt(byName('FORECAST_ERROR'), 0)).toBe('percent');
    expect(resultFormatAt(byName('FORECAST_ERROR'), 0, 'BIAS ')).toBe('currency');
    expect(resultFormatAt(byName('STAGE_CONVERSION'), 2)).toBe('percent');
    expect(resultFormatAt(byName('ROUND_ROBIN'), 0)).toBe('general');
  });
});

describe('sheet layouts', () => {
  const layout = parseLayout({ formats: [{ range: 'B2:B6', format: '0%' }, { range: 'A1:D1', format: '@bold' }], columnWidths: [80, 90, 100], boldRows: [1, 4], frozenRows: 1 });

  it('a later format wins, and a range given General loses its format', () => {
    const later = withFormat(layout, parseRange('B3')!, '0.00');
    expect([formatAt(later, parseCell('B3')!), formatAt(later, parseCell('B4')!)]).toEqual(['0.00', '0%']);
    expect(formatAt(withFormat(later, parseRange('B1:B9')!, 'General'), parseCell('B3')!)).toBeUndefined();
    // A range that covers an older one whole replaces it instead of piling up.
    expect(withFormat(layout, parseRange('A1:Z99')!, '0').formats).toHaveLength(1);
  });

  it('rows inserted or removed move formats, bold rows and frozen rows with their cells', () => {
    const inserted = shiftRows(layout, 2, 2);
    expect(inserted.formats[0]).toMatchObject({ top: 1, bottom: 7 });
    expect([...inserted.boldRows]).toEqual([1, 6]);
    const removed = shiftRows(layout, 1, -3);
    expect(removed.formats[0]).toMatchObject({ top: 1, bottom: 2 });
    expect([...removed.boldRows]).toEqual([1]);
    expect(shiftRows(layout, 0, -1).frozenRows).toBe(0);
    expect(shiftRows(layout, 0, -1).formats).toHaveLength(1);
  });

  it('columns inserted or removed move formats and widths', () => {
    const inserted = shiftColumns(layout, 1, 1);
    expect(inserted.columnWidths).toEqual([80, 100, 90, 100]);
    expect(inserted.formats[0]).toMatchObject({ left: 2, right: 2 });
    const removed = shiftColumns(layout, 1, -1);
    expect(removed.columnWidths).toEqual([80, 100]);
    expect(removed.formats).toEqual([expect.objectContaining({ left: 0, right: 2, format: '@bold' })]);
  });
});
