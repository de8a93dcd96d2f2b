/**
 * Ranges as the system clipboard carries them between spreadsheets and text
 * editors: tab-separated text (text/plain; a cell holding a tab, a line break
 * or a quote is quoted, "" standing for a quote, as Excel and Sheets write
 * it) and an HTML table (text/html; what Sheets and Excel put there first).
 */

/** Rows of cells → tab-separated text. */
export function toTsv(rows: readonly (readonly string[])[]): string {
  // A row of one empty cell is written "" so that it is not taken for the line end after the last row.
  return rows.map((row) => (row.length === 1 && row[0] === '' ? '""' : row.map(quoteField).join('\t'))).join('\n');
}

function quoteField(field: string): string {
  if (!field.includes('\t') && !field.includes('\n') && !field.includes('\r') && !field.startsWith('"')) return field;
  return `"${field.replace(/"/g, '""')}"`;
}

/**
 * Tab-separated text → rows of cells. A field starting with a quote runs to
 * the matching quote and may hold tabs and line breaks; line ends may be \n,
 * \r\n or \r; one line end at the very end closes the last row, as copied text has.
 */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = text.length;
  if (n === 0) return [];
  for (;;) {
    let field = '';
    if (text[i] === '"') {
      const close = closingQuote(text, i + 1);
      if (close >= 0) {
        field = text.slice(i + 1, close).replace(/""/g, '"');
        i = close + 1;
        // Anything between the closing quote and the next tab or line end is kept, as spreadsheets do.
        while (i < n && text[i] !== '\t' && text[i] !== '\n' && text[i] !== '\r') field += text[i++];
      }
    }
    if (i < n && text[i] !== '\t' && text[i] !== '\n' && text[i] !== '\r') {
      const start = i;
      while (i < n && text[i] !== '\t' && text[i] !== '\n' && text[i] !== '\r') i++;
      field += text.slice(start, i);
    }
    row.push(field);
    if (i >= n) {
      rows.push(row);
      break;
    }
    if (text[i] === '\t') {
      i++;
      continue;
    }
    // A line end: \r\n, \n or \r.
    i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
    rows.push(row);
    row = [];
    if (i >= n) break;
  }
  return rows;
}

/** The quote that closes a quoted field starting at `from` ("" is a quote inside it), or -1. */
function closingQuote(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] !== '"') continue;
    if (text[i + 1] === '"') {
      i++;
      continue;
    }
    return i;
  }
  return -1;
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Rows of cells → an HTML table, as spreadsheets read it from the clipboard. */
export function toHtmlTable(rows: readonly (readonly string[])[]): string {
  const body = rows
    .map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell).replace(/\n/g, '<br>')}</td>`).join('')}</tr>`)
    .join('');
  return `<meta charset="utf-8"><table><tbody>${body}</tbody></table>`;
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
/** Elements whose content is not cell text. */
const SKIPPED = new Set(['style', 'script', 'head', 'title', 'template']);
/** Elements that put what follows them on a new line of the cell. */
const BLOCKS = new Set(['p', 'div', 'li']);

/**
 * The first table in clipboard HTML → rows of cell text, or undefined when it
 * has none. Read by scanning the markup once, not by handing it to the page's
 * DOM: pasted markup carries inline styles and scripts the page's
 * Content-Security-Policy rightly refuses, and nothing in it is ever rendered.
 * Spaces and line breaks in the markup collapse as a browser shows them;
 * <br> and paragraphs are line breaks in the cell; a cell spanning columns is
 * followed by empty cells, so the columns after it stay in place.
 */
export function tableFromHtml(html: string): string[][] | undefined {
  const rows: string[][] = [];
  let row: string[] | undefined;
  let lines: string[] | undefined;
  let span = 1;
  let inTable = false;
  let tableDepth = 0;
  const closeCell = () => {
    if (!row || !lines) return;
    const collapsed = lines.map(collapseSpaces);
    while (collapsed.length > 1 && collapsed[collapsed.length - 1] === '') collapsed.pop();
    while (collapsed.length > 1 && collapsed[0] === '') collapsed.shift();
    row.push(collapsed.join('\n'));
    for (let extra = 1; extra < span; extra++) row.push('');
    lines = undefined;
  };
  const closeRow = () => {
    closeCell();
    if (row) rows.push(row);
    row = undefined;
  };
  const lower = html.toLowerCase();
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    const textEnd = lt < 0 ? html.length : lt;
    if (lines && textEnd > i) lines[lines.length - 1] += decodeEntities(html.slice(i, textEnd));
    if (lt < 0) break;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    const tag = readTag(html, lt);
    if (!tag.name || tag.end < 0) {
      // A < that starts no tag is text; with no > after it, no tag follows at all.
      if (lines) lines[lines.length - 1] += decodeEntities(tag.end < 0 ? html.slice(lt) : '<');
      if (tag.end < 0) break;
      i = lt + 1;
      continue;
    }
    i = tag.end;
    if (!tag.closing && SKIPPED.has(tag.name)) {
      const close = lower.indexOf(`</${tag.name}`, i);
      const end = close < 0 ? -1 : readTag(html, close).end;
      i = end < 0 ? html.length : end;
      continue;
    }
    if (tag.name === 'table') {
      if (!tag.closing) {
        tableDepth++;
        if (rows.length === 0 && !inTable) inTable = true;
      } else if (--tableDepth <= 0 && inTable) {
        closeRow();
        break;
      }
      continue;
    }
    if (!inTable || tableDepth > 1) continue;
    if (tag.name === 'tr') {
      closeRow();
      if (!tag.closing) row = [];
    } else if (tag.name === 'td' || tag.name === 'th') {
      closeCell();
      if (!tag.closing) {
        row ??= [];
        lines = [''];
        span = Math.max(1, Math.min(1000, colspan(tag.attributes)));
      }
    } else if (lines && tag.name === 'br') {
      lines.push('');
    } else if (lines && BLOCKS.has(tag.name)) {
      if (lines[lines.length - 1].trim() !== '') lines.push('');
    }
  }
  closeRow();
  return inTable ? rows : undefined;
}

/**
 * The tag starting at `lt`: its lower-case name ('' when none starts there),
 * whether it closes, its attribute text, and where it ends (-1 when no > ends it).
 */
function readTag(html: string, lt: number): { name: string; closing: boolean; attributes: string; end: number } {
  let i = lt + 1;
  const closing = html[i] === '/';
  if (closing) i++;
  const nameStart = i;
  while (i < html.length && /[a-z0-9-]/i.test(html[i])) i++;
  const name = html.slice(nameStart, i).toLowerCase();
  if (!name) return { name, closing, attributes: '', end: lt + 1 };
  const attributesStart = i;
  let quote = '';
  while (i < html.length) {
    const ch = html[i];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === '>') {
      break;
    }
    i++;
  }
  return { name, closing, attributes: html.slice(attributesStart, i), end: i < html.length ? i + 1 : -1 };
}

function colspan(attributes: string): number {
  const at = attributes.toLowerCase().indexOf('colspan');
  if (at < 0) return 1;
  let i = at + 'colspan'.length;
  while (attributes[i] === ' ') i++;
  if (attributes[i] !== '=') return 1;
  i++;
  while (attributes[i] === ' ' || attributes[i] === '"' || attributes[i] === "'") i++;
  let digits = '';
  while (i < attributes.length && attributes[i] >= '0' && attributes[i] <= '9' && digits.length < 4) digits += attributes[i++];
  return digits ? Number(digits) : 1;
}

/** &amp; &lt; &#39; &#x2019; and the like; anything else stays as written. */
function decodeEntities(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const amp = text.indexOf('&', i);
    if (amp < 0) {
      out += text.slice(i);
      break;
    }
    out += text.slice(i, amp);
    const semi = text.indexOf(';', amp);
    const body = semi > amp && semi - amp <= 10 ? text.slice(amp + 1, semi) : '';
    let decoded: string | undefined;
    if (body.startsWith('#x') || body.startsWith('#X')) decoded = codePoint(parseInt(body.slice(2), 16));
    else if (body.startsWith('#')) decoded = codePoint(parseInt(body.slice(1), 10));
    else decoded = NAMED_ENTITIES[body.toLowerCase()];
    if (decoded === undefined) {
      out += '&';
      i = amp + 1;
    } else {
      out += decoded;
      i = semi + 1;
    }
  }
  return out;
}

function codePoint(n: number): string | undefined {
  return Number.isInteger(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : undefined;
}

/** Runs of spaces, tabs and line breaks (and no-break spaces) → one space, none at the ends. */
function collapseSpaces(text: string): string {
  let out = '';
  let space = false;
  for (const ch of text) {
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\u00a0') {
      space = out.length > 0;
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += ch;
  }
  return out;
}
