/**
 * The downloaded .xlsx opened by LibreOffice (Debian's libreoffice-calc, run
 * headless; .ci/run installs it). Two profiles, run side by side so the check
 * costs one start-up:
 * - as a reader opens it (LibreOffice's default for .xlsx: use the values
 *   stored in the file): every cell of every sheet shows the playground's
 *   value, our functions' answers and their spilled values included;
 * - recalculated on load: every native formula, computed by LibreOffice
 *   itself, equals the playground's value; our functions, which LibreOffice
 *   does not have, and whatever depends on them read #NAME?.
 * LibreOffice saves what it computed as .xlsx again, read here with ExcelJS.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { DetailedCellError, type SimpleCellAddress, type SimpleCellRange } from 'hyperformula';
import { FUNCTIONS } from '../core/registry';
import { bookData } from '../playground/io/book-data';
import { decodeText, readCsv } from '../playground/io/csv';
import { insertImported } from '../playground/io/insert-imported';
import { demoWorkbook } from '../playground/io/session';
import type * as Xlsx from '../playground/io/xlsx';
import { Workbook } from '../playground/workbook';
import { loadAsThePage } from '../scripts/build/browser-sources';
import { libreOfficeSaves } from './support/libreoffice';

jest.setTimeout(120_000);

const dir = mkdtempSync(path.join(os.tmpdir(), 'salesops-libreoffice-'));
const fixture = (name: string) => readCsv(decodeText(readFileSync(path.join(__dirname, 'fixtures', 'exports', name))).text, name);

/** The demo, both CRM exports, and formulas of both kinds over them, native spills included. */
function work(): Workbook {
  const workbook = new Workbook();
  workbook.replaceAll(demoWorkbook());
  insertImported(workbook, fixture('salesforce-opportunities.csv'));
  insertImported(workbook, fixture('hubspot-deals.csv'));
  const sheet = workbook.sheetId('salesforce-opportunities');
  const type = (ref: { row: number; col: number }, input: string) => workbook.setCell(sheet, ref, input);
  type({ row: 0, col: 8 }, '=SUM(C2:C9)');
  type({ row: 1, col: 8 }, '=C2:C4*F2:F4');
  type({ row: 5, col: 8 }, '=COUNTIF(E2:E9,"Closed Won*")');
  type({ row: 6, col: 8 }, '=SUMPRODUCT(C2:C6,F2:F6)');
  type({ row: 0, col: 9 }, '=WEIGHTED_PIPELINE(C2:C6,F2:F6)');
  type({ row: 1, col: 9 }, '=QUOTA_ATTAINMENT(C2:C3,{100000;0})');
  type({ row: 5, col: 9 }, '=J1/I7');
  type({ row: 6, col: 9 }, '=WIN_RATE(E2:E9)');
  const hubspot = workbook.sheetId('hubspot-deals');
  workbook.setCell(hubspot, { row: 0, col: 9 }, '=SUMIFS(D2:D7,E2:E7,">="&DATE(2026,4,1))');
  workbook.setCell(hubspot, { row: 1, col: 9 }, '=AVG_DEAL_SIZE(D2:D7)');
  return workbook;
}

type Shown = number | string | boolean | null;

const MS_PER_DAY = 86_400_000;
function shown(value: unknown): Shown {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof DetailedCellError) return value.value;
  if (value instanceof Date) return value.getTime() / MS_PER_DAY + 25_569;
  if (typeof value === 'object') {
    if ('error' in value) return String((value as { error: unknown }).error);
    if ('result' in value) return shown((value as { result: unknown }).result);
    if ('richText' in value) return (value as { richText: { text: string }[] }).richText.map((run) => run.text).join('');
  }
  return value as Shown;
}

const same = (a: Shown, b: Shown) =>
  typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a)) : a === b;

/** LibreOffice with a profile of its own that recalculates .xlsx files on load, or never does. */
async function libreOffice(recalculate: boolean, input: string): Promise<ExcelJS.Workbook> {
  const [saved] = await libreOfficeSaves(dir, recalculate ? 'recalculated' : 'as-stored', recalculate, [input]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(saved);
  return workbook;
}

/**
 * Formula cells LibreOffice cannot compute: those calling one of our functions and the formulas
 * computed from them. The rest of a spilled answer of ours is plain values in the file (see
 * book-data.ts), which LibreOffice shows as they are.
 */
function fedByOurs(workbook: Workbook): Set<string> {
  const names = FUNCTIONS.map((spec) => spec.name).join('|');
  const calls = new RegExp(`(?:^|[^A-Z_.])(?:${names})\\(`, 'i');
  const found = new Set<string>();
  const queue: (SimpleCellAddress | SimpleCellRange)[] = [];
  const key = (a: SimpleCellAddress) => `${workbook.hf.getSheetName(a.sheet)}!${a.row},${a.col}`;
  for (const name of workbook.sheetNames()) {
    const sheet = workbook.sheetId(name);
    workbook.hf.getSheetFormulas(sheet).forEach((row, r) =>
      row.forEach((formula, c) => {
        if (formula && calls.test(formula)) queue.push({ sheet, row: r, col: c });
      }),
    );
  }
  while (queue.length > 0) {
    const next = queue.pop()!;
    if ('row' in next) {
      if (found.has(key(next))) continue;
      found.add(key(next));
    }
    queue.push(...workbook.hf.getCellDependents(next));
  }
  return found;
}

const workbook = work();
let asStored: ExcelJS.Workbook;
let recalculated: ExcelJS.Workbook;

beforeAll(async () => {
  const input = path.join(dir, 'work.xlsx');
  // Written as the page writes it (ExcelJS from its sources, zipped by JSZip), not by Node's ExcelJS.
  const { writeXlsx } = await loadAsThePage<typeof Xlsx>(path.join(__dirname, '..', 'playground', 'io', 'xlsx.ts'));
  writeFileSync(input, await writeXlsx(bookData(workbook)));
  const started = Date.now();
  [asStored, recalculated] = await Promise.all([libreOffice(false, input), libreOffice(true, input)]);
  console.log(`LibreOffice opened and saved the workbook twice, side by side, in ${((Date.now() - started) / 1000).toFixed(1)} s`);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every cell of every sheet: where it is, the playground's value and LibreOffice's. */
function pairs(saved: ExcelJS.Workbook) {
  return workbook.sheetNames().flatMap((name) => {
    const values = workbook.hf.getSheetValues(workbook.sheetId(name));
    const sheet = saved.getWorksheet(name);
    if (!sheet) throw new Error(`LibreOffice's file has no sheet ${name}`);
    const height = Math.max(values.length, sheet.rowCount);
    const width = Math.max(...values.map((row) => row.length), sheet.columnCount);
    const cells: { where: string; key: string; playground: Shown; libreOffice: Shown }[] = [];
    for (let r = 0; r < height; r++) {
      for (let c = 0; c < width; c++) {
        cells.push({
          where: `${name}!R${r + 1}C${c + 1}`,
          key: `${name}!${r},${c}`,
          playground: shown(values[r]?.[c]),
          libreOffice: shown(sheet.getCell(r + 1, c + 1).value),
        });
      }
    }
    return cells;
  });
}

describe('the downloaded workbook in LibreOffice', () => {
  it('as a reader opens it: every cell shows the playground’s value, our functions’ answers included', () => {
    const cells = pairs(asStored);
    // LibreOffice computes again a formula whose stored answer is an error, so a call of ours that
    // answers #VALUE! (the demo's HubSpot sheet has one on purpose) reads #NAME? there: an error either way.
    const ours = fedByOurs(workbook);
    const errorOfOurs = ({ key, playground, libreOffice }: (typeof cells)[number]) =>
      ours.has(key) && typeof playground === 'string' && playground.startsWith('#') && libreOffice === '#NAME?';
    const different = cells.filter((cell) => !same(cell.playground, cell.libreOffice) && !errorOfOurs(cell));
    expect(different).toEqual([]);
    // Spot checks worked out by hand: SUM of the report's amounts, and Σ amount × probability of its first five deals.
    expect(cells.find((cell) => cell.where === 'salesforce-opportunities!R1C9')?.libreOffice).toBe(477250.5);
    expect(cells.find((cell) => cell.where === 'salesforce-opportunities!R1C10')?.libreOffice).toBeCloseTo(72375.05, 6);
  });

  it('recalculated: native formulas compute the playground’s values; ours, unknown to LibreOffice, read #NAME?', () => {
    const ours = fedByOurs(workbook);
    const cells = pairs(recalculated);
    const native = cells.filter(({ key }) => !ours.has(key));
    expect(native.filter(({ playground, libreOffice }) => !same(playground, libreOffice))).toEqual([]);
    const fed = cells.filter(({ key, playground }) => ours.has(key) && playground !== null);
    expect(fed.filter(({ libreOffice }) => libreOffice !== '#NAME?')).toEqual([]);
    // The check covers both kinds: our calls and what depends on them (J6 = J1/I7), and native formulas LibreOffice computed.
    expect(fed.map(({ where }) => where)).toEqual(expect.arrayContaining(['Summary!R4C6', 'salesforce-opportunities!R6C10']));
    // The rest of a spilled answer of ours keeps its values: the reps' attainment below F4.
    const spilled = cells.filter(({ where }) => /^Summary!R(?:[5-9]|1[0-3])C6$/.test(where));
    expect(spilled).toHaveLength(9);
    expect(spilled.every(({ libreOffice }) => typeof libreOffice === 'number')).toBe(true);
    const recomputed = cells.filter(({ key }) => {
      const [name, at] = key.split('!');
      const [r, c] = at.split(',').map(Number);
      return workbook.hf.doesCellHaveFormula({ sheet: workbook.sheetId(name), row: r, col: c }) && !ours.has(key);
    });
    expect(recomputed.length).toBeGreaterThanOrEqual(12);
    console.log(
      `LibreOffice recalculated: ${cells.length} cells compared, ${recomputed.length} native formulas equal to the playground's, ${fed.length} cells of ours read #NAME?`,
    );
    // 12000×1 + 48500×1 + 135000×0 + 8750.5×0.1 + 22000×0.5, by LibreOffice's SUMPRODUCT.
    expect(cells.find((cell) => cell.where === 'salesforce-opportunities!R7C9')?.libreOffice).toBeCloseTo(72375.05, 6);
  });
});
