/**
 * Charts in the downloaded .xlsx. A workbook with a plain sheet, the
 * commission plan (its payout chart, on a sheet whose name needs quoting and
 * escaping) and a sheet with a column and a scatter chart (hostile titles and
 * labels) is written as the page writes it; then
 * - the package holds every chart, drawing and relationship, each pointing at
 *   a part that exists, the sheet's <drawing> where the schema puts it, and
 *   each series referring to the cells the playground's chart draws, their
 *   values cached;
 * - LibreOffice opens it with a chart object per chart, over those cells;
 * - LibreOffice prints it to test-results/playground-xlsx-charts.pdf, each
 *   sheet on one page, to be looked at.
 */
import { mkdtempSync, readFileSync, rmSync, mkdirSync, copyFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { type RangeRef, columnName } from '../core/a1';
import type { SheetPlan } from '../core/templates';
import { commissionSheet } from '../core/templates/commission';
import { bookData } from '../playground/io/book-data';
import type * as Xlsx from '../playground/io/xlsx';
import { Workbook } from '../playground/workbook';
import { loadAsThePage } from '../scripts/build/browser-sources';
import { libreOfficeSaves } from './support/libreoffice';
import { sheetWords } from '../ui/sheet-words';

jest.setTimeout(120_000);

const RESULTS = path.join(__dirname, '..', 'test-results');
const dir = mkdtempSync(path.join(os.tmpdir(), 'salesops-xlsx-charts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PLAN_SHEET = 'Q1 <plan> & "co\'s"';
/** The same name as a formula quotes it, then as XML writes that. */
const PLAN_SHEET_IN_FORMULA = '\'Q1 <plan> & "co\'\'s"\'';

const REGIONS: SheetPlan = {
  name: 'Regions',
  cells: [
    ['Region', 'Won', 'Lost'],
    ['North', 12, 3],
    ['South & "East"', 7, 5],
    ['<West>', 9, { formula: 'B4-5' }],
    [{ formula: 'NA()' }, 2, 1],
  ],
  charts: [
    {
      kind: 'column',
      title: 'Won & lost <by region> "Q1"',
      categories: 'A2:A5',
      series: [
        { name: 'Won', values: 'B2:B5' },
        { name: 'Lost', values: 'C2:C5' },
      ],
      anchor: 'E2',
      xTitle: 'Region',
      yTitle: 'Deals',
    },
    { kind: 'scatter', title: 'Lost against won', categories: 'B2:B5', series: [{ name: 'Lost', values: 'C2:C5' }], anchor: 'E20' },
  ],
};

const workbook = new Workbook();
workbook.replaceAll([{ name: 'Data', content: [['Owner'], ['Ana']] }]);
workbook.insertPlan(
  commissionSheet({ kind: 'marginal', tiers: [{ from: 0, rate: 0.08 }, { from: 1, rate: 0.12 }] }, [
    { rep: 'Ana', quota: 100_000, bookings: [120_000] },
    { rep: 'Bo', quota: 80_000, bookings: [50_000] },
    { rep: 'Cy', quota: 90_000, bookings: [90_000] },
  ], sheetWords, { name: PLAN_SHEET }),
);
workbook.insertPlan(REGIONS);
/** The payout chart as the playground draws it: its cells are what the file's chart must refer to. */
const payoutChart = workbook.layout(workbook.sheetId(PLAN_SHEET)).charts[0];

let zip: JSZip;
let input: string;

beforeAll(async () => {
  const { writeXlsx } = await loadAsThePage<typeof Xlsx>(path.join(__dirname, '..', 'playground', 'io', 'xlsx.ts'));
  const bytes = await writeXlsx(bookData(workbook));
  input = path.join(dir, 'charts.xlsx');
  writeFileSync(input, bytes);
  zip = await JSZip.loadAsync(bytes);
});

async function part(name: string): Promise<string> {
  const file = zip.file(name);
  if (!file) throw new Error(`the package has no ${name}`);
  return file.async('string');
}

function unescape(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name]!);
}

/** Every element `tag` in `xml`, as its attributes. */
function elements(xml: string, tag: string): Record<string, string>[] {
  return [...xml.matchAll(new RegExp(`<${tag} ([^>]*)>`, 'g'))].map((match) =>
    Object.fromEntries([...match[1].matchAll(/(?<![\w:-])([\w:-]+)="([^"]*)"/g)].map(([, name, value]) => [name, unescape(value)])),
  );
}

/** A part's relationships, by id, with their targets resolved to package paths. */
async function relationshipsOf(partName: string): Promise<Map<string, { type: string; target: string }>> {
  const rels = path.posix.join(path.posix.dirname(partName), '_rels', `${path.posix.basename(partName)}.rels`);
  const found = new Map<string, { type: string; target: string }>();
  if (!zip.file(rels)) return found;
  for (const rel of elements(await part(rels), 'Relationship')) {
    found.set(rel.Id, { type: rel.Type.slice(rel.Type.lastIndexOf('/') + 1), target: path.posix.join(path.posix.dirname(partName), rel.Target) });
  }
  return found;
}

/** Each sheet's chart parts, by sheet name, found as a reader finds them: workbook, sheet, drawing. */
async function chartsBySheet(): Promise<Map<string, string[]>> {
  const types = elements(await part('[Content_Types].xml'), 'Override');
  const typeOf = (name: string) => types.find((type) => type.PartName === `/${name}`)?.ContentType;
  const workbookRels = await relationshipsOf('xl/workbook.xml');
  const charts = new Map<string, string[]>();
  for (const sheet of elements(await part('xl/workbook.xml'), 'sheet')) {
    const sheetPart = workbookRels.get(sheet['r:id'])!.target;
    const xml = await part(sheetPart);
    const drawings = elements(xml, 'drawing');
    if (drawings.length === 0) continue;
    expect(drawings).toHaveLength(1);
    // CT_Worksheet's order: ... pageMargins, pageSetup, headerFooter, ..., drawing, legacyDrawing, ..., tableParts, extLst.
    expect(xml.indexOf('<pageSetup')).toBeLessThan(xml.indexOf('<drawing'));
    expect(xml.indexOf('<drawing')).toBeGreaterThan(xml.indexOf('</sheetData>'));
    const drawing = (await relationshipsOf(sheetPart)).get(drawings[0]['r:id'])!;
    expect(drawing.type).toBe('drawing');
    expect(typeOf(drawing.target)).toBe('application/vnd.openxmlformats-officedocument.drawing+xml');
    const drawingRels = await relationshipsOf(drawing.target);
    const parts = elements(await part(drawing.target), 'c:chart').map((chart) => {
      const rel = drawingRels.get(chart['r:id'])!;
      expect(rel.type).toBe('chart');
      expect(typeOf(rel.target)).toBe('application/vnd.openxmlformats-officedocument.drawingml.chart+xml');
      return rel.target;
    });
    charts.set(sheet.name, await Promise.all(parts.map(part)));
  }
  return charts;
}

const between = (xml: string, tag: string) => [...xml.matchAll(new RegExp(`<${tag}>([^<]*)</${tag}>`, 'g'))].map((match) => unescape(match[1]));
const absolute = (sheet: string, range: RangeRef) =>
  `${sheet}!$${columnName(range.left)}$${range.top + 1}:$${columnName(range.right)}$${range.bottom + 1}`;
const column = (range: RangeRef) => workbook.values(workbook.sheetId(PLAN_SHEET), range).map(([value]) => value);

describe('the downloaded .xlsx carries each sheet’s charts', () => {
  it('holds every chart part, found from the sheet through its drawing, with its content type; sheets without charts get none', async () => {
    const charts = await chartsBySheet();
    expect([...charts.keys()]).toEqual([PLAN_SHEET, 'Regions']);
    expect(charts.get(PLAN_SHEET)).toHaveLength(1);
    expect(charts.get('Regions')).toHaveLength(2);
  });

  it('draws the payout chart from the payout table’s cells, with their values cached and the plan’s words', async () => {
    const [chart] = (await chartsBySheet()).get(PLAN_SHEET)!;
    expect(chart).toContain('<c:lineChart>');
    expect(between(chart, 'c:f')).toEqual([absolute(PLAN_SHEET_IN_FORMULA, payoutChart.categories), absolute(PLAN_SHEET_IN_FORMULA, payoutChart.series[0].values)]);
    expect(between(chart, 'a:t')).toEqual(['Payout by attainment', 'Attainment', 'Payout']);
    expect(between(chart, 'c:v').slice(0, 1)).toEqual(['Payout']);
    // The cache: 41 attainments from 0% to 200%, then the payouts, 8% of the $100,000 example quota at 100%.
    const cached = between(chart, 'c:v').slice(1).map(Number);
    expect(cached).toEqual([...column(payoutChart.categories), ...column(payoutChart.series[0].values)]);
    expect(cached[20]).toBe(1);
    expect(cached[41 + 20]).toBeCloseTo(8_000, 6);
    expect(between(chart, 'c:formatCode')).toEqual(['0.0%', '$#,##0']);
  });

  it('writes a column chart with text categories and a scatter chart, escaping every title and label', async () => {
    const [columns, scatter] = (await chartsBySheet()).get('Regions')!;
    expect(columns).toContain('<c:barDir val="col"/>');
    expect(between(columns, 'a:t')).toEqual(['Won & lost <by region> "Q1"', 'Region', 'Deals']);
    expect(between(columns, 'c:f')).toEqual(['Regions!$A$2:$A$5', 'Regions!$B$2:$B$5', 'Regions!$A$2:$A$5', 'Regions!$C$2:$C$5']);
    const labels = ['North', 'South & "East"', '<West>', '#N/A'];
    expect(between(columns, 'c:v')).toEqual(['Won', ...labels, '12', '7', '9', '2', 'Lost', ...labels, '3', '5', '4', '1']);
    expect(columns).toContain('<c:strCache>');
    expect(scatter).toContain('<c:scatterChart>');
    expect(between(scatter, 'c:f')).toEqual(['Regions!$B$2:$B$5', 'Regions!$C$2:$C$5']);
    expect(scatter).toMatch(/<c:xVal><c:numRef>.*<\/c:xVal><c:yVal><c:numRef>/);
  });

  it('still opens in the playground: the cells read back as written', async () => {
    const { readXlsx } = await loadAsThePage<typeof Xlsx>(path.join(__dirname, '..', 'playground', 'io', 'xlsx.ts'));
    const file = await readXlsx(readFileSync(input), 'charts.xlsx');
    expect(file.sheets.map((sheet) => sheet.name)).toEqual(['Data', PLAN_SHEET, 'Regions']);
    expect(file.sheets[2].cells[2]).toEqual(['South & "East"', 7, 5]);
  });
});

describe('LibreOffice reads the charts', () => {
  /** Each embedded chart object of an .ods: its class, title and series' cells. */
  async function odsCharts(ods: string): Promise<{ kind: string; title: string; values: string[] }[]> {
    const odsZip = await JSZip.loadAsync(readFileSync(ods));
    const content = await odsZip.file('content.xml')!.async('string');
    const objects = elements(content, 'draw:object').map((object) => object['xlink:href'].replace(/^\.\//, ''));
    return Promise.all(
      objects.map(async (object) => {
        const xml = await odsZip.file(`${object}/content.xml`)!.async('string');
        const [chart] = elements(xml, 'chart:chart');
        const title = /<chart:title [^>]*><text:p>([^<]*)<\/text:p>/.exec(xml)?.[1] ?? '';
        return { kind: chart['chart:class'], title: unescape(title), values: elements(xml, 'chart:series').map((series) => series['chart:values-cell-range-address']) };
      }),
    );
  }

  it('opens a chart object per chart, over the cells the playground draws, and prints them', async () => {
    const [[ods], [pdf]] = await Promise.all([
      libreOfficeSaves(dir, 'ods', false, [input], 'ods'),
      libreOfficeSaves(dir, 'pdf', false, [input], 'pdf:calc_pdf_Export:{"SinglePageSheets":{"type":"boolean","value":"true"}}'),
    ]);
    const values = payoutChart.series[0].values;
    const inLibreOffice = `${PLAN_SHEET_IN_FORMULA}.${columnName(values.left)}${values.top + 1}:${PLAN_SHEET_IN_FORMULA}.${columnName(values.right)}${values.bottom + 1}`;
    expect(await odsCharts(ods)).toEqual([
      { kind: 'chart:line', title: 'Payout by attainment', values: [inLibreOffice] },
      { kind: 'chart:bar', title: 'Won & lost <by region> "Q1"', values: ['Regions.B2:Regions.B5', 'Regions.C2:Regions.C5'] },
      { kind: 'chart:scatter', title: 'Lost against won', values: ['Regions.C2:Regions.C5'] },
    ]);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    mkdirSync(RESULTS, { recursive: true });
    copyFileSync(pdf, path.join(RESULTS, 'playground-xlsx-charts.pdf'));
  });
});
