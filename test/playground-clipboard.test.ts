/** Ranges on the clipboard: tab-separated text and HTML tables, as Sheets, Excel and text editors write them. */
import fc from 'fast-check';
import { parseTsv, tableFromHtml, toHtmlTable, toTsv } from '../playground/clipboard-text';

describe('tab-separated text', () => {
  it('reads rows and cells, with any line end and the trailing one copied text has', () => {
    expect(parseTsv('a\tb\nc\td')).toEqual([['a', 'b'], ['c', 'd']]);
    expect(parseTsv('a\tb\r\nc\td\r\n')).toEqual([['a', 'b'], ['c', 'd']]);
    expect(parseTsv('a\rb\r')).toEqual([['a'], ['b']]);
    expect(parseTsv('a\t\tc')).toEqual([['a', '', 'c']]);
    expect(parseTsv('\t')).toEqual([['', '']]);
    expect(parseTsv('')).toEqual([]);
    expect(parseTsv('one cell')).toEqual([['one cell']]);
  });

  it('reads quoted cells holding tabs, line breaks and quotes, as Excel writes them', () => {
    expect(parseTsv('"line one\nline two"\tx\n"say ""hi"""\t"a\tb"')).toEqual([
      ['line one\nline two', 'x'],
      ['say "hi"', 'a\tb'],
    ]);
    // A quote that never closes is text like any other.
    expect(parseTsv('"open\tx')).toEqual([['"open', 'x']]);
    // A quote inside a cell (not at its start) is kept as it is.
    expect(parseTsv('5" screen\t2')).toEqual([['5" screen', '2']]);
  });

  it('writes what it reads back, whatever the cells hold', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\t', '\n', '\r', '"', '1', ',', "'") });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((width) => fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 4 })),
        (rows) => {
          expect(parseTsv(toTsv(rows))).toEqual(rows);
        },
      ),
    );
  });
});

describe('HTML tables', () => {
  it('reads a table as Google Sheets puts it on the clipboard: styles skipped, entities decoded, spaces collapsed', () => {
    const html =
      '<meta charset="utf-8"><google-sheets-html-origin><style type="text/css"><!--td {border: 1px solid #cccccc;}--></style>' +
      '<table xmlns="http://www.w3.org/1999/xhtml" cellspacing="0" cellpadding="0" dir="ltr" border="1" style="table-layout:fixed" data-sheets-root="1">' +
      '<colgroup><col width="100"/><col width="100"/></colgroup><tbody>' +
      '<tr style="height:21px;"><td style="overflow:hidden;" data-sheets-value="{&quot;1&quot;:2,&quot;2&quot;:&quot;Rep&quot;}">Rep</td><td>Amount</td></tr>' +
      '<tr style="height:21px;"><td>O&#39;Brien &amp;  Co</td><td style="text-align:right;" data-sheets-value="{&quot;1&quot;:3,&quot;3&quot;:12500}">$12,500.00</td></tr>' +
      '</tbody></table>';
    expect(tableFromHtml(html)).toEqual([
      ['Rep', 'Amount'],
      ["O'Brien & Co", '$12,500.00'],
    ]);
  });

  it('reads a table as Excel puts it on the clipboard: a whole document with conditional comments and wrapped markup', () => {
    const html = `<html xmlns:o="urn:schemas-microsoft-com:office:office">
<head><meta name=ProgId content=Excel.Sheet><style>
<!--td {mso-number-format:General;} .xl65 {mso-number-format:"0%";}-->
</style></head>
<body link="#0563C1">
<!--StartFragment-->
<table border=0 cellpadding=0 cellspacing=0 width=128 style='border-collapse:collapse;width:96pt'>
 <col width=64 span=2 style='width:48pt'>
 <tr height=20 style='height:15.0pt'>
  <td height=20 width=64 style='height:15.0pt;width:48pt'>Closed
  Won</td>
  <td class=xl65 align=right width=64 style='width:48pt'>35%</td>
 </tr>
 <tr height=20 style='height:15.0pt'>
  <td height=20 colspan=2 style='height:15.0pt'>Total&nbsp;row</td>
  <td>3</td>
 </tr>
<!--EndFragment-->
</table>
</body>
</html>`;
    expect(tableFromHtml(html)).toEqual([
      ['Closed Won', '35%'],
      ['Total row', '', '3'],
    ]);
  });

  it('keeps line breaks written as <br> or paragraphs, and reads only the first table', () => {
    expect(tableFromHtml('<table><tr><td>one<br>two</td><td><p>a</p><p>b</p></td></tr></table><table><tr><td>other</td></tr></table>')).toEqual([
      ['one\ntwo', 'a\nb'],
    ]);
    expect(tableFromHtml('<p>no table here</p>')).toBeUndefined();
    expect(tableFromHtml('<table><tr><td>1 &lt; 2 &unknown; &#x41;&#66;</td></tr></table>')).toEqual([['1 < 2 &unknown; AB']]);
  });

  it('writes a table that reads back as the same cells', () => {
    const rows = [['Rep', 'Note'], ['<b>Ana</b> & "Bo"', 'line one\nline two']];
    expect(tableFromHtml(toHtmlTable(rows))).toEqual(rows);
  });

  it('50,000 characters of near-markup are read in one pass: a < that opens no tag is text', () => {
    expect(tableFromHtml('<table><tr><td>' + '<'.repeat(50_000) + '</td></tr></table>')).toEqual([['<'.repeat(50_000)]]);
    expect(tableFromHtml('<table><tr><td>x' + '<a'.repeat(25_000))).toEqual([['x' + '<a'.repeat(25_000)]]);
    expect(tableFromHtml('<table><tr><td>' + '<a "'.repeat(12_500))).toEqual([['<a "'.repeat(12_500)]]);
    expect(tableFromHtml('<'.repeat(50_000))).toBeUndefined();
  });
});
