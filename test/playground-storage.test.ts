/**
 * The workbook kept in the browser: a snapshot puts back exactly what was
 * entered (and lays spilled answers out again), stored data is read as
 * untrusted, unreadable data is kept under a backup key before the demo opens,
 * and saves follow changes a moment later, one at a time.
 */
import { parseCell, parseRange } from '../core/a1';
import { commissionSheet } from '../core/templates/commission';
import { demoWorkbook, startSession } from '../playground/io/session';
import { ROWS_PER_SLICE, SnapshotError, readSnapshot, restoreSnapshot, takeSnapshot, takeSnapshotInSlices } from '../playground/io/snapshot';
import { AutoSave, type KeyValueStore, WORKBOOK_KEY, loadSaved } from '../playground/io/storage';
import { Workbook } from '../playground/workbook';
import { sheetWords } from '../ui/sheet-words';

const DEMO = demoWorkbook().map((sheet) => sheet.name);

/** A store in memory, as IndexedDB keeps structured clones of what it is given. */
function memoryStore(initial: Record<string, unknown> = {}): KeyValueStore & { data: Map<string, unknown>; puts: number } {
  const data = new Map<string, unknown>(Object.entries(initial).map(([k, v]) => [k, structuredClone(v)]));
  const store = {
    data,
    puts: 0,
    get: async (key: string) => structuredClone(data.get(key)),
    put: async (key: string, value: unknown) => {
      store.puts++;
      data.set(key, structuredClone(value));
    },
  };
  return store;
}

/** The demo with a user's work on it: a typed number, forced text, a typed date, a spilling formula, a frozen header. */
function worked(): Workbook {
  const workbook = new Workbook();
  workbook.replaceAll(demoWorkbook());
  workbook.addSheet('Notes', [['Owner', 'Due'], ["'007", '2026-03-31'], [150, '=A3*2']], { frozenRows: 1, boldRows: [1], columnWidths: [120, 90] });
  const summary = workbook.sheetId('Summary');
  workbook.setCell(summary, parseCell('L4')!, '=C4:C6/1000');
  // Layout changed by hand, as the grid's toolbar, column edges and sheet menu change it.
  const notes = workbook.sheetId('Notes');
  workbook.setFormat(notes, parseRange('A3')!, '#,##0.00');
  workbook.setColumnWidth(notes, 2, 150);
  workbook.setFrozenRows(summary, 3);
  return workbook;
}

describe('a snapshot of the workbook', () => {
  it('puts back every sheet as entered: values, text kept as text, dates, formulas, spills and layout', () => {
    const original = worked();
    const snapshot = structuredClone(takeSnapshot(original));
    const restored = new Workbook();
    restored.replaceAll([{ name: 'Other', content: [[1]] }]);
    expect(restoreSnapshot(restored, readSnapshot(snapshot))).toEqual([...DEMO, 'Notes']);
    for (const name of original.sheetNames()) {
      const a = original.sheetId(name);
      const b = restored.sheetId(name);
      expect({ name, values: restored.hf.getSheetValues(b) }).toEqual({ name, values: original.hf.getSheetValues(a) });
      expect(restored.layout(b)).toEqual(original.layout(a));
    }
    const notes = restored.sheetId('Notes');
    expect(restored.inputText(notes, parseCell('A2')!)).toBe("'007");
    expect(restored.view(notes, parseCell('B2')!).text).toBe('2026-03-31');
    expect(restored.values(notes, parseRange('B3')!)).toEqual([[300]]);
    // The quotas 250,000, 300,000 and 250,000 ÷ 1000 spill down L4:L6 again; the spilled cells were never stored,
    // nor were those of the demo's attainment column (F4 spills down F5:F13).
    const summary = restored.sheetId('Summary');
    expect(restored.values(summary, parseRange('L4:L6')!)).toEqual([[250], [300], [250]]);
    const stored = JSON.parse(snapshot.sheets[DEMO.indexOf('Summary')].rows[0]) as unknown[][];
    expect(stored[3][11]).toBe('=C4:C6/1000');
    expect(stored[4][11]).toBeNull();
    expect(stored[3][5]).toBe('=QUOTA_ATTAINMENT(E4:E13,C4:C13)');
    expect(stored[4][5]).toBeNull();
  });

  it('keeps the layout given by hand: formats, widths and frozen rows', () => {
    const restored = new Workbook();
    restoreSnapshot(restored, readSnapshot(structuredClone(takeSnapshot(worked()))));
    const notes = restored.sheetId('Notes');
    expect(restored.view(notes, parseCell('A3')!).text).toBe('150.00');
    expect(restored.layout(notes).columnWidths).toEqual([120, 90, 150]);
    expect(restored.layout(restored.sheetId('Summary')).frozenRows).toBe(3);
  });

  it('replacing the workbook leaves nothing to undo or redo: what was replaced is the caller’s to keep', () => {
    const workbook = worked();
    expect(workbook.canUndo()).toBe(true);
    workbook.undo();
    expect(workbook.canRedo()).toBe(true);
    restoreSnapshot(workbook, readSnapshot(takeSnapshot(worked())));
    expect([workbook.canUndo(), workbook.canRedo(), workbook.undo()]).toEqual([false, false, undefined]);
    expect(workbook.hf.isThereSomethingToUndo()).toBe(false);
  });
});

describe('a snapshot keeps each sheet’s charts', () => {
  const plan = { kind: 'marginal', tiers: [{ from: 0, rate: 0.08 }, { from: 1, rate: 0.12 }] } as const;
  const reps = [{ rep: 'Ana', quota: 100_000, bookings: [120_000] }];

  it('puts back the commission plan’s payout chart, drawn from the same cells', () => {
    const original = new Workbook();
    original.replaceAll([{ name: 'Data', content: [[1]] }]);
    const name = original.insertPlan(commissionSheet(plan, reps, sheetWords, { name: 'Q1 plan' }));
    const restored = new Workbook();
    restoreSnapshot(restored, readSnapshot(structuredClone(takeSnapshot(original))));
    const [chart] = restored.layout(restored.sheetId(name)).charts;
    expect(chart).toMatchObject({ kind: 'line', title: 'Payout by attainment', xTitle: 'Attainment', yTitle: 'Payout' });
    expect(chart.series.map((series) => series.name)).toEqual(['Payout']);
    expect(restored.layout(restored.sheetId(name)).charts).toEqual(original.layout(original.sheetId(name)).charts);
    // The chart's values read the payout table: 0 at 0% attainment, 8% of the quota at 100%.
    const values = restored.values(restored.sheetId(name), chart.series[0].values).map(([value]) => value);
    const attainments = restored.values(restored.sheetId(name), chart.categories).map(([value]) => value);
    expect(values[attainments.indexOf(0)]).toBe(0);
    expect(values[attainments.indexOf(1)]).toBeCloseTo(8_000, 6);
  });

  it('still reads a version 2 snapshot, saved before charts were kept, as sheets without charts', () => {
    const stored = structuredClone(takeSnapshot(worked())) as unknown as { version: number; sheets: { layout: Record<string, unknown> }[] };
    stored.version = 2;
    for (const sheet of stored.sheets) delete sheet.layout.charts;
    const restored = new Workbook();
    expect(restoreSnapshot(restored, readSnapshot(stored))).toEqual([...DEMO, 'Notes']);
    expect(restored.sheetNames().map((sheet) => restored.layout(restored.sheetId(sheet)).charts)).toEqual(restored.sheetNames().map(() => []));
    expect(restored.layout(restored.sheetId('Notes')).columnWidths).toEqual([120, 90, 150]);
  });
});

describe('a snapshot of a big sheet', () => {
  const rows = ROWS_PER_SLICE * 2 + 10;
  /** A sheet of `rows` numbers, with an answer spilling across the first slice's edge. */
  function big(): { workbook: Workbook; sheet: number } {
    const workbook = new Workbook();
    const content: (number | string | null)[][] = Array.from({ length: rows }, (_, i) => [i + 1, null]);
    content[ROWS_PER_SLICE - 2][1] = `=A${ROWS_PER_SLICE - 1}:A${ROWS_PER_SLICE + 2}*2`;
    workbook.replaceAll([{ name: 'Big', content }]);
    return { workbook, sheet: workbook.sheetId('Big') };
  }

  it('is stored a slice of rows at a time and put back whole, the spill across slices laid out again', () => {
    const { workbook, sheet } = big();
    const stored = takeSnapshot(workbook);
    expect(stored.sheets[0].rows).toHaveLength(3);
    // The answer's last cells are in the second slice, and were not stored.
    expect((JSON.parse(stored.sheets[0].rows[1]) as unknown[][]).slice(0, 3).map((row) => row[1])).toEqual([null, null, null]);
    const restored = new Workbook();
    restoreSnapshot(restored, readSnapshot(structuredClone(stored)));
    const back = restored.sheetId('Big');
    expect(restored.values(back, parseRange(`B${ROWS_PER_SLICE - 1}:B${ROWS_PER_SLICE + 2}`)!)).toEqual([
      [(ROWS_PER_SLICE - 1) * 2], [ROWS_PER_SLICE * 2], [(ROWS_PER_SLICE + 1) * 2], [(ROWS_PER_SLICE + 2) * 2],
    ]);
    expect(restored.values(back, parseRange(`A${rows}`)!)).toEqual([[rows]]);
    expect(restored.hf.getSheetValues(back)).toEqual(workbook.hf.getSheetValues(sheet));
  });

  it('taken in slices, pauses between them, and gives up when the workbook changed meanwhile', async () => {
    const { workbook } = big();
    let pauses = 0;
    const whole = await takeSnapshotInSlices(workbook, async () => void pauses++, () => false);
    expect(pauses).toBe(3);
    expect(whole).toEqual(takeSnapshot(workbook));
    await expect(takeSnapshotInSlices(workbook, async () => undefined, () => true)).resolves.toBeUndefined();
  });

  it('a change while a save is being taken makes it give up, and the next save has the change', async () => {
    const { workbook, sheet } = big();
    const store = memoryStore();
    const autosave = new AutoSave(store, ({ urgent, stale }) =>
      urgent ? takeSnapshot(workbook) : takeSnapshotInSlices(workbook, () => new Promise((resolve) => setTimeout(resolve, 0)), stale),
    );
    const stored = () => readSnapshot(store.data.get(WORKBOOK_KEY)).sheets[0].content;
    autosave.changed();
    const overtaken = autosave.flush();
    // Typed while the first slice waits for its turn.
    workbook.setCell(sheet, parseCell('A1')!, '7');
    autosave.changed();
    await overtaken;
    expect(store.puts).toBe(0);
    await autosave.flush();
    expect([store.puts, stored()[0][0]]).toEqual([1, 7]);
    // Leaving the page saves at once, and the save under way gives up.
    workbook.setCell(sheet, parseCell('A1')!, '8');
    autosave.changed();
    const underWay = autosave.flush();
    workbook.setCell(sheet, parseCell('A2')!, '9');
    autosave.changed();
    await autosave.flush(true);
    await underWay;
    expect([store.puts, stored()[0][0], stored()[1][0]]).toEqual([2, 8, 9]);
  });
});

describe('stored data is read as untrusted', () => {
  const CHART = {
    kind: 'line',
    title: 'Payout',
    categories: { top: 2, left: 0, bottom: 9, right: 0 },
    series: [{ name: 'Payout', values: { top: 2, left: 1, bottom: 9, right: 1 } }],
    anchor: { row: 1, col: 3 },
  };
  const good = () => structuredClone(takeSnapshot(worked())) as unknown as Record<string, unknown> & { sheets: Record<string, unknown>[] };

  it.each<[string, (data: ReturnType<typeof good>) => unknown, RegExp]>([
    ['something else entirely', () => 'hello', /not a saved workbook/],
    ['another format', (d) => ({ ...d, format: 'other' }), /not a saved workbook/],
    ['a later version', (d) => ({ ...d, version: 4 }), /format version 4/],
    ['no sheets', (d) => ({ ...d, sheets: [] }), /no sheets/],
    ['a sheet without a name', (d) => ({ ...d, sheets: [{ ...d.sheets[0], name: ' ' }] }), /sheet 1 has no name/],
    ['two sheets of one name', (d) => ({ ...d, sheets: [d.sheets[0], { ...d.sheets[1], name: String(d.sheets[0].name).toUpperCase() }] }), /two sheets are named SUMMARY/],
    ['rows cut short', (d) => ({ ...d, sheets: [{ ...d.sheets[0], rows: ['[[1,2],[3'] }] }), /sheet 1 has unreadable cells/],
    ['rows that are not text', (d) => ({ ...d, sheets: [{ ...d.sheets[0], rows: [[[1, 2]]] }] }), /sheet 1 has unreadable cells/],
    ['a cell that is an object', (d) => ({ ...d, sheets: [{ ...d.sheets[0], rows: ['[[{"evil":true}]]'] }] }), /holds a object/],
    ['rows that are not lists', (d) => ({ ...d, sheets: [{ ...d.sheets[0], rows: ['["abc"]'] }] }), /row 1 of sheet 1 is unreadable/],
    ['a version 1 cell that is not a number', (d) => ({ ...d, version: 1, sheets: [{ name: 'S', content: [[1, Number.NaN]] }] }), /cell 2 of row 1 of sheet 1 holds NaN/],
    ['a bad layout', (d) => ({ ...d, sheets: [{ ...d.sheets[0], layout: { frozenRows: -1 } }] }), /frozen rows/],
    ['charts that are not a list', (d) => ({ ...d, sheets: [{ ...d.sheets[0], layout: { charts: 'line' } }] }), /sheet 1 has unreadable charts/],
    ['a chart of an unknown kind', (d) => ({ ...d, sheets: [{ ...d.sheets[0], layout: { charts: [{ ...CHART, kind: 'pie' }] } }] }), /chart 1 of sheet 1 is unreadable/],
    [
      'a chart whose range runs backwards',
      (d) => ({ ...d, sheets: [{ ...d.sheets[0], layout: { charts: [{ ...CHART, categories: { top: 9, left: 0, bottom: 2, right: 0 } }] } }] }),
      /chart 1 of sheet 1 is unreadable/,
    ],
    ['a chart without series', (d) => ({ ...d, sheets: [{ ...d.sheets[0], layout: { charts: [{ ...CHART, series: [] }] } }] }), /chart 1 of sheet 1 is unreadable/],
  ])('refuses %s, saying why', (_what, spoil, reason) => {
    expect(() => readSnapshot(spoil(good()))).toThrow(SnapshotError);
    expect(() => readSnapshot(spoil(good()))).toThrow(reason);
  });
});

describe('loading what was saved', () => {
  const now = new Date('2026-04-01T09:30:00Z');

  it('finds nothing in a new browser, and a saved workbook where there is one', async () => {
    await expect(loadSaved(memoryStore())).resolves.toEqual({ kind: 'none' });
    const saved = await loadSaved(memoryStore({ [WORKBOOK_KEY]: takeSnapshot(worked()) }));
    expect(saved.kind).toBe('saved');
  });

  it('keeps unreadable data under a backup key, unchanged, and does not remove it', async () => {
    const garbage = { format: 'salesops-playground-workbook', version: 1, sheets: 'oops' };
    const store = memoryStore({ [WORKBOOK_KEY]: garbage });
    const loaded = await loadSaved(store, now);
    expect(loaded).toEqual({ kind: 'unreadable', backupKey: 'unreadable-2026-04-01T09:30:00.000Z', reason: 'it has no sheets' });
    expect(store.data.get('unreadable-2026-04-01T09:30:00.000Z')).toEqual(garbage);
    expect(store.data.get(WORKBOOK_KEY)).toEqual(garbage);
  });
});

describe('a session', () => {
  it('opens the saved workbook, and saves a change a moment later', async () => {
    const store = memoryStore({ [WORKBOOK_KEY]: takeSnapshot(worked()) });
    const workbook = new Workbook();
    const session = await startSession(workbook, store);
    expect(session.problem).toBeUndefined();
    expect(workbook.sheetNames()).toEqual([...DEMO, 'Notes']);
    workbook.setCell(workbook.sheetId('Notes'), parseCell('A5')!, '42');
    expect(session.autosave?.pending).toBe(true);
    await session.autosave?.flush();
    const saved = readSnapshot(store.data.get(WORKBOOK_KEY));
    // Typed 42 is the number 42.
    expect(saved.sheets.find((sheet) => sheet.name === 'Notes')?.content[4][0]).toBe(42);
  });

  it('opens the demo, says so, and keeps the unreadable data when what was saved cannot be read', async () => {
    const store = memoryStore({ [WORKBOOK_KEY]: 'not a workbook' });
    const workbook = new Workbook();
    const session = await startSession(workbook, store);
    expect(workbook.sheetNames()).toEqual(DEMO);
    expect(session.problem).toMatchObject({ kind: 'unreadable', key: expect.stringMatching(/^unreadable-/) });
    const key = (session.problem as { key: string }).key;
    expect(store.data.get(key)).toBe('not a workbook');
  });

  it('opens the demo and says changes will not last where the browser keeps nothing', async () => {
    const workbook = new Workbook();
    await expect(startSession(workbook, undefined)).resolves.toEqual({ problem: { kind: 'no-storage' } });
    expect(workbook.sheetNames()).toEqual(DEMO);
  });
});

describe('saving a moment after each change', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('saves once for a burst of changes, after the delay', async () => {
    const store = memoryStore();
    let version = 0;
    const autosave = new AutoSave(store, () => ({ version: ++version }) as never, {}, 400);
    autosave.changed();
    autosave.changed();
    jest.advanceTimersByTime(399);
    autosave.changed();
    jest.advanceTimersByTime(399);
    expect(store.puts).toBe(0);
    jest.advanceTimersByTime(1);
    await jest.runAllTimersAsync();
    expect(store.puts).toBe(1);
    expect(store.data.get(WORKBOOK_KEY)).toEqual({ version: 1 });
    expect(autosave.pending).toBe(false);
  });

  it('reports a save the browser refused, and tries again with the next change', async () => {
    const failing = memoryStore();
    let refuse = true;
    const put = failing.put;
    failing.put = async (key, value) => {
      if (refuse) throw new DOMException('Quota exceeded', 'QuotaExceededError');
      return put(key, value);
    };
    const events: unknown[] = [];
    const autosave = new AutoSave(failing, () => ({ n: 1 }) as never, { saved: (error) => events.push(error ?? 'ok') });
    autosave.changed();
    await autosave.flush();
    expect(events).toEqual([expect.objectContaining({ name: 'QuotaExceededError' })]);
    expect(autosave.pending).toBe(true);
    refuse = false;
    autosave.changed();
    await autosave.flush();
    expect(events).toEqual([expect.anything(), 'ok']);
    expect(failing.data.get(WORKBOOK_KEY)).toEqual({ n: 1 });
  });
});
