/**
 * Cross-engine truth for the commission sheet: seeded random plans with rep
 * tables are built as sheets, written as .xlsx by the playground's writer,
 * recalculated by LibreOffice (forced on load), read back and compared with
 * the core's reference payouts, which come from the catalog functions
 * themselves. Many plans go in one file and all files through one LibreOffice
 * run, to keep it near a minute.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parseCell } from '../core/a1';
import { buildCommissionSheet } from '../core/templates/commission';
import { bookData } from '../playground/io/book-data';
import { type BookData, writeXlsx } from '../playground/io/xlsx';
import { Workbook } from '../playground/workbook';
import { type Figure, figures } from './support/commission-sheet';
import { planCases } from './support/commission-plans';
import { libreOfficeSaves } from './support/libreoffice';
import { sheetWords } from '../ui/sheet-words';

jest.setTimeout(180_000);

const PLANS = 240;
const FILES = 4;
const TOLERANCE = 0.005;
/** A cached value no plan computes, written over one formula's answer to prove LibreOffice recalculates. */
const WRONG = 987654321;

const dir = mkdtempSync(path.join(os.tmpdir(), 'salesops-commission-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Sheet {
  readonly name: string;
  readonly file: number;
  readonly figures: Figure[];
}

/** The playground's download of `workbook`, with one formula's cached answer replaced by WRONG. */
function withWrongCache(book: BookData, sheetName: string, cellName: string): BookData {
  const at = parseCell(cellName)!;
  return {
    sheets: book.sheets.map((sheet) => {
      if (sheet.name !== sheetName) return sheet;
      const rows = sheet.rows.map((row, r) => (r !== at.row ? row : row.map((cell, c) => (c === at.col && cell ? { ...cell, value: WRONG } : cell))));
      return { ...sheet, rows };
    }),
  };
}

/** A cell's number; ExcelJS's `value` drops a formula's cached 0, its `result` keeps it. */
function numberIn(cell: ExcelJS.Cell): number | string {
  const value = cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value;
  return typeof value === 'number' ? value : JSON.stringify(value);
}

describe('commission sheets recalculated by LibreOffice equal the core’s payouts', () => {
  const cases = planCases(20260509, PLANS);
  const sheets: Sheet[] = [];
  const inputs: string[] = [];
  let proof: { sheet: string; cell: string; expected: number };

  beforeAll(async () => {
    for (let f = 0; f < FILES; f++) {
      const workbook = new Workbook();
      const mine = cases.filter((_, i) => i % FILES === f);
      const built = mine.map((c, k) => {
        const name = `Plan ${f * Math.ceil(PLANS / FILES) + k + 1}`;
        const { sheet, cells } = buildCommissionSheet(c.plan, c.reps, sheetWords, { name });
        sheets.push({ name, file: f, figures: figures(c.plan, c.reps, cells) });
        return sheet;
      });
      workbook.insertPlans(built);
      let book = bookData(workbook);
      if (f === 0) {
        const first = sheets[0];
        const payout = first.figures.find((figure) => figure.what.endsWith('period 1 payout'))!;
        proof = { sheet: first.name, cell: payout.cell, expected: payout.expected };
        book = withWrongCache(book, first.name, payout.cell);
      }
      const input = path.join(dir, `plans-${f + 1}.xlsx`);
      writeFileSync(input, await writeXlsx(book));
      inputs.push(input);
    }
  });

  it(`${PLANS} random plans: every figure within ${TOLERANCE} of the reference`, async () => {
    // The file as written holds the wrong cached answer...
    const written = new ExcelJS.Workbook();
    await written.xlsx.readFile(inputs[0]);
    expect(numberIn(written.getWorksheet(proof.sheet)!.getCell(proof.cell))).toBe(WRONG);

    const started = Date.now();
    const saved = await libreOfficeSaves(dir, 'recalculated', true, inputs);
    const seconds = (Date.now() - started) / 1000;
    const books = await Promise.all(
      saved.map(async (file) => {
        const book = new ExcelJS.Workbook();
        await book.xlsx.readFile(file);
        return book;
      }),
    );

    // ...and LibreOffice computed it again.
    const corrected = numberIn(books[0].getWorksheet(proof.sheet)!.getCell(proof.cell));
    expect(typeof corrected === 'number' && Math.abs(corrected - proof.expected)).toBeLessThanOrEqual(TOLERANCE);

    let passed = 0;
    let largest = 0;
    let compared = 0;
    const failures: string[] = [];
    for (const sheet of sheets) {
      const worksheet = books[sheet.file].getWorksheet(sheet.name);
      let ok = worksheet !== undefined;
      for (const figure of sheet.figures) {
        const got = worksheet ? numberIn(worksheet.getCell(figure.cell)) : 'no sheet';
        const difference = typeof got === 'number' ? Math.abs(got - figure.expected) : Infinity;
        compared++;
        largest = Math.max(largest, difference);
        if (difference <= TOLERANCE) continue;
        ok = false;
        if (failures.length < 10) failures.push(`${sheet.name} ${figure.cell} (${figure.what}): LibreOffice ${got}, reference ${figure.expected}`);
      }
      if (ok) passed++;
    }
    const failed = sheets.length - passed;
    console.log(
      `Commission plans in LibreOffice: ${passed} passed, ${failed} failed; ${compared} figures compared, largest difference ${largest.toExponential(2)} ` +
        `(${FILES} files, one LibreOffice run of ${seconds.toFixed(1)} s)`,
    );
    expect(failures).toEqual([]);
    expect(failed).toBe(0);
  });
});
