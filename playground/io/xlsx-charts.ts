/**
 * A downloaded .xlsx's charts (a template's payout chart). ExcelJS writes no
 * charts, so they are added to the package it wrote, with JSZip (MIT, the zip
 * library ExcelJS itself uses): per sheet with charts one drawing part
 * holding an anchor per chart, per chart one DrawingML chart part whose
 * series refer to the sheet's cells ('Q1 plan'!$B$20:$B$40) and carry those
 * cells' values, so a reader that does not recalculate still draws them; the
 * sheet's <drawing> element, its relationship and the parts' content types.
 * Entries left untouched keep their compressed bytes, so a big sheet beside a
 * chart costs little more than the copy.
 */
import JSZip from 'jszip';
import { type RangeRef, columnName, quoteSheetName } from '../../core/a1';
import type { NormalisedChart } from '../../core/templates/normalise-plan';
import { CHART_HEIGHT, CHART_WIDTH } from '../../ui/chart';
import type { BookCell, BookSheet } from './xlsx';

const NS = {
  chart: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  drawingml: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  spreadsheetDrawing: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
  relationships: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  packageRelationships: 'http://schemas.openxmlformats.org/package/2006/relationships',
};
const CONTENT_TYPE = {
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
};
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** The sheet's relationship to its drawing; a sheet with hyperlinks would have rId1.. already. */
const DRAWING_RELATIONSHIP = 'rIdChartDrawing';
/** DrawingML's unit: 914,400 to the inch, 96 pixels to the inch. */
const EMU_PER_PX = 9525;
/**
 * Worksheet elements that come after <drawing> in the schema's order; <drawing>
 * goes before the first of them there is, or last. Cell text never holds a raw
 * "<" (it is escaped, and ExcelJS keeps text in the shared strings), so a search
 * for the tag finds only the element.
 */
const AFTER_DRAWING = ['<legacyDrawing', '<legacyDrawingHF', '<drawingHF', '<picture', '<oleObjects', '<controls', '<webPublishItems', '<tableParts', '<extLst', '</worksheet>'];

/** Text as XML character data or an attribute value; control characters (XML 1.0 holds only tab and line breaks) are left out. */
function xml(text: string): string {
  return text.replace(/[^\P{Cc}\t\n\r]|[\uFFFE\uFFFF]/gu, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** 'Q1 plan'!$B$20:$B$40: a chart's reference, absolute as Excel writes it. */
function chartReference(sheet: string, range: RangeRef): string {
  const corner = (row: number, col: number) => `$${columnName(col)}$${row + 1}`;
  return `${quoteSheetName(sheet)}!${corner(range.top, range.left)}:${corner(range.bottom, range.right)}`;
}

function cellsOf(sheet: BookSheet, range: RangeRef): BookCell[] {
  const cells: BookCell[] = [];
  for (let row = range.top; row <= range.bottom; row++) {
    for (let col = range.left; col <= range.right; col++) cells.push(sheet.rows[row]?.[col] ?? { value: null });
  }
  return cells;
}

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** A reference with the cells' values cached: numbers (a gap where a cell holds none) or, for labels, text. */
function reference(sheet: BookSheet, range: RangeRef, labels: boolean): string {
  const cells = cellsOf(sheet, range);
  const f = `<c:f>${xml(chartReference(sheet.name, range))}</c:f>`;
  const count = `<c:ptCount val="${cells.length}"/>`;
  if (labels && !cells.every((cell) => cell.value === null || isNumber(cell.value))) {
    const label = (value: BookCell['value']) => (typeof value === 'object' && value !== null ? value.error : String(value));
    const points = cells.map((cell, i) => (cell.value === null ? '' : `<c:pt idx="${i}"><c:v>${xml(label(cell.value))}</c:v></c:pt>`));
    return `<c:strRef>${f}<c:strCache>${count}${points.join('')}</c:strCache></c:strRef>`;
  }
  const format = cells.find((cell) => isNumber(cell.value))?.format ?? 'General';
  const points = cells.map((cell, i) => (isNumber(cell.value) ? `<c:pt idx="${i}"><c:v>${cell.value}</c:v></c:pt>` : ''));
  return `<c:numRef>${f}<c:numCache><c:formatCode>${xml(format)}</c:formatCode>${count}${points.join('')}</c:numCache></c:numRef>`;
}

/** A title in bold, `points` high (the chart's title 14, an axis title 10, as Excel sizes them). */
function title(text: string | undefined, points: number): string {
  if (text === undefined) return '';
  const font = `sz="${points * 100}" b="1"`;
  return (
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr ${font}/></a:pPr><a:r><a:rPr lang="en-US" ${font}/><a:t>${xml(text)}</a:t></a:r></a:p></c:rich></c:tx>` +
    '<c:overlay val="0"/></c:title>'
  );
}

const X_AXIS = 1;
const Y_AXIS = 2;

/** An axis: the categories' (`cat`) or a value axis, at the bottom or the left. */
function axis(kind: 'cat' | 'val', id: number, crosses: number, position: 'b' | 'l', name: string | undefined, format: string): string {
  const element = kind === 'cat' ? 'c:catAx' : 'c:valAx';
  const after =
    kind === 'cat'
      ? '<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/>'
      : `<c:crossBetween val="${position === 'b' ? 'midCat' : 'between'}"/>`;
  return (
    `<${element}><c:axId val="${id}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${position}"/>` +
    (position === 'l' ? '<c:majorGridlines/>' : '') +
    title(name, 10) +
    `<c:numFmt formatCode="${xml(format)}" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="${crosses}"/><c:crosses val="autoZero"/>${after}</${element}>`
  );
}

/** The chart part: a DrawingML chartSpace in the order the schema asks for (Excel refuses another). */
function chartXml(sheet: BookSheet, chart: NormalisedChart): string {
  const scatter = chart.kind === 'scatter';
  const series = chart.series
    .map((one, i) => {
      const head = `<c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${xml(one.name)}</c:v></c:tx>`;
      const x = reference(sheet, chart.categories, !scatter);
      const y = reference(sheet, one.values, false);
      switch (chart.kind) {
        case 'line':
          // A line of many points reads better without the marker readers draw at each (a scatter keeps them).
          return `<c:ser>${head}<c:marker><c:symbol val="none"/></c:marker><c:cat>${x}</c:cat><c:val>${y}</c:val><c:smooth val="0"/></c:ser>`;
        case 'column':
          return `<c:ser>${head}<c:invertIfNegative val="0"/><c:cat>${x}</c:cat><c:val>${y}</c:val></c:ser>`;
        case 'scatter':
          return `<c:ser>${head}<c:xVal>${x}</c:xVal><c:yVal>${y}</c:yVal><c:smooth val="0"/></c:ser>`;
      }
    })
    .join('');
  const axes = `<c:axId val="${X_AXIS}"/><c:axId val="${Y_AXIS}"/>`;
  const plot = {
    line: `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/>${axes}</c:lineChart>`,
    column: `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:gapWidth val="150"/>${axes}</c:barChart>`,
    scatter: `<c:scatterChart><c:scatterStyle val="lineMarker"/><c:varyColors val="0"/>${series}${axes}</c:scatterChart>`,
  }[chart.kind];
  const formatOf = (range: RangeRef) => cellsOf(sheet, range).find((cell) => isNumber(cell.value))?.format ?? 'General';
  const xAxis = axis(scatter ? 'val' : 'cat', X_AXIS, Y_AXIS, 'b', chart.xTitle, formatOf(chart.categories));
  const yAxis = axis('val', Y_AXIS, X_AXIS, 'l', chart.yTitle, formatOf(chart.series[0].values));
  const legend = chart.series.length > 1 ? '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>' : '';
  return (
    `${XML_DECLARATION}<c:chartSpace xmlns:c="${NS.chart}" xmlns:a="${NS.drawingml}" xmlns:r="${NS.relationships}">` +
    `<c:roundedCorners val="0"/><c:chart>${title(chart.title, 14)}<c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>${plot}${xAxis}${yAxis}</c:plotArea>${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

/**
 * The drawing part: one anchor per chart, each a graphic frame naming its chart
 * by relationship (rId1, rId2...). A one-cell anchor (a corner and a size, as
 * openpyxl anchors charts) keeps the chart the playground's size in every
 * reader, whatever width each takes a column it was given none for.
 */
function drawingXml(charts: readonly NormalisedChart[]): string {
  const size = `<xdr:ext cx="${CHART_WIDTH * EMU_PER_PX}" cy="${CHART_HEIGHT * EMU_PER_PX}"/>`;
  const anchors = charts.map((chart, i) => {
    const corner = `<xdr:col>${chart.anchor.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${chart.anchor.row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
    return (
      `<xdr:oneCellAnchor><xdr:from>${corner}</xdr:from>${size}` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${xml(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
      `<a:graphic><a:graphicData uri="${NS.chart}"><c:chart xmlns:c="${NS.chart}" r:id="rId${i + 1}"/></a:graphicData></a:graphic>` +
      '</xdr:graphicFrame><xdr:clientData/></xdr:oneCellAnchor>'
    );
  });
  return `${XML_DECLARATION}<xdr:wsDr xmlns:xdr="${NS.spreadsheetDrawing}" xmlns:a="${NS.drawingml}" xmlns:r="${NS.relationships}">${anchors.join('')}</xdr:wsDr>`;
}

function relationship(id: string, type: 'drawing' | 'chart', target: string): string {
  return `<Relationship Id="${id}" Type="${NS.relationships}/${type}" Target="${target}"/>`;
}

const relationships = (items: readonly string[]) => `${XML_DECLARATION}<Relationships xmlns="${NS.packageRelationships}">${items.join('')}</Relationships>`;

async function text(zip: JSZip, path: string): Promise<string> {
  const file = zip.file(path);
  if (!file) throw new Error(`the .xlsx ExcelJS wrote has no ${path}`);
  return file.async('string');
}

/** `part` with `insert` put just before the first of `tags` found in it. */
function insertBefore(part: string, tags: readonly string[], insert: string): string {
  const at = Math.min(...tags.map((tag) => part.indexOf(tag)).filter((index) => index >= 0));
  if (!Number.isFinite(at)) throw new Error(`the .xlsx part has none of ${tags.join(' ')}`);
  return part.slice(0, at) + insert + part.slice(at);
}

/**
 * The package `bytes` (as ExcelJS wrote `sheets`, sheet N being
 * xl/worksheets/sheetN.xml) with every sheet's charts added; the bytes
 * themselves when no sheet has any.
 */
export async function withCharts(bytes: Uint8Array<ArrayBuffer>, sheets: readonly BookSheet[]): Promise<Uint8Array<ArrayBuffer>> {
  if (!sheets.some((sheet) => sheet.charts?.length)) return bytes;
  const zip = await JSZip.loadAsync(bytes);
  const overrides: string[] = [];
  let charts = 0;
  let drawings = 0;
  for (const [index, sheet] of sheets.entries()) {
    if (!sheet.charts?.length) continue;
    const drawing = ++drawings;
    const chartRelationships = sheet.charts.map((chart, i) => {
      const number = ++charts;
      zip.file(`xl/charts/chart${number}.xml`, chartXml(sheet, chart));
      overrides.push(`<Override PartName="/xl/charts/chart${number}.xml" ContentType="${CONTENT_TYPE.chart}"/>`);
      return relationship(`rId${i + 1}`, 'chart', `../charts/chart${number}.xml`);
    });
    zip.file(`xl/drawings/drawing${drawing}.xml`, drawingXml(sheet.charts));
    zip.file(`xl/drawings/_rels/drawing${drawing}.xml.rels`, relationships(chartRelationships));
    overrides.push(`<Override PartName="/xl/drawings/drawing${drawing}.xml" ContentType="${CONTENT_TYPE.drawing}"/>`);

    const worksheet = `xl/worksheets/sheet${index + 1}.xml`;
    const sheetXml = await text(zip, worksheet);
    const afterData = Math.max(0, sheetXml.indexOf('</sheetData>'));
    zip.file(worksheet, sheetXml.slice(0, afterData) + insertBefore(sheetXml.slice(afterData), AFTER_DRAWING, `<drawing r:id="${DRAWING_RELATIONSHIP}"/>`));
    const rels = `xl/worksheets/_rels/sheet${index + 1}.xml.rels`;
    const toDrawing = relationship(DRAWING_RELATIONSHIP, 'drawing', `../drawings/drawing${drawing}.xml`);
    zip.file(rels, zip.file(rels) ? insertBefore(await text(zip, rels), ['</Relationships>'], toDrawing) : relationships([toDrawing]));
  }
  zip.file('[Content_Types].xml', insertBefore(await text(zip, '[Content_Types].xml'), ['</Types>'], overrides.join('')));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 1 } }) as Promise<Uint8Array<ArrayBuffer>>;
}
