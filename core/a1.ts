/** A1 addresses: column letters, cell names and ranges, 0-based inside the playground. */

export interface CellRef {
  readonly row: number;
  readonly col: number;
}

export interface RangeRef {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** 0 → A, 25 → Z, 26 → AA. */
export function columnName(col: number): string {
  let name = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** A → 0, AA → 26; undefined for anything else. */
export function columnIndex(letters: string): number | undefined {
  if (!/^[a-z]{1,3}$/i.test(letters)) return undefined;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function cellName(ref: CellRef): string {
  return `${columnName(ref.col)}${ref.row + 1}`;
}

export function parseCell(text: string): CellRef | undefined {
  const match = /^\$?([a-z]{1,3})\$?(\d{1,7})$/i.exec(text.trim());
  if (!match) return undefined;
  const col = columnIndex(match[1]);
  const row = Number(match[2]) - 1;
  return col === undefined || row < 0 ? undefined : { row, col };
}

/** "B2:D9" or "B2" → the range it covers. */
export function parseRange(text: string): RangeRef | undefined {
  const [from, to = from, extra] = text.split(':');
  if (extra !== undefined) return undefined;
  const a = parseCell(from);
  const b = parseCell(to);
  if (!a || !b) return undefined;
  return normalize(a, b);
}

export function normalize(a: CellRef, b: CellRef): RangeRef {
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

export function rangeName(range: RangeRef): string {
  const start = cellName({ row: range.top, col: range.left });
  const end = cellName({ row: range.bottom, col: range.right });
  return start === end ? start : `${start}:${end}`;
}

export function contains(range: RangeRef, ref: CellRef): boolean {
  return ref.row >= range.top && ref.row <= range.bottom && ref.col >= range.left && ref.col <= range.right;
}

/** A cell on a named sheet; no sheet means the sheet of the formula that refers to it. */
export interface SheetCellRef extends CellRef {
  readonly sheet?: string;
}

/** The longest reference text worth reading: sheet names hold at most 100 characters in either host. */
const MAX_REFERENCE_CHARS = 256;

/** A sheet name as a formula writes it: bare when it is a plain word, else quoted ('Q1 plan'). */
export function quoteSheetName(name: string): string {
  let plain = name.length > 0 && !/^\d/.test(name) && parseRange(name) === undefined;
  for (let i = 0; plain && i < name.length; i++) {
    const ch = name.charCodeAt(i);
    plain = (ch >= 48 && ch <= 57) || (ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122) || ch === 95 || ch === 46;
  }
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

/** "C6", or "Data!C6" on another sheet. */
export function sheetCellName(ref: SheetCellRef): string {
  const cell = cellName(ref);
  return ref.sheet === undefined ? cell : `${quoteSheetName(ref.sheet)}!${cell}`;
}

/** "B3:B9", or "'Q1 plan'!B3:B9" on another sheet. */
export function sheetRangeName(range: RangeRef, sheet?: string): string {
  return sheet === undefined ? rangeName(range) : `${quoteSheetName(sheet)}!${rangeName(range)}`;
}

/** One side of a range: "$B$2", "B", "2"; either part may be missing, not both. */
function referencePart(text: string): { col?: number; row?: number } | undefined {
  let i = 0;
  if (text[i] === '$') i++;
  const lettersFrom = i;
  while (i < text.length && /[a-z]/i.test(text[i])) i++;
  const letters = text.slice(lettersFrom, i);
  if (text[i] === '$' && letters) i++;
  const digitsFrom = i;
  while (i < text.length && text[i] >= '0' && text[i] <= '9') i++;
  const digits = text.slice(digitsFrom, i);
  if (i !== text.length || (!letters && !digits) || digits.length > 7) return undefined;
  const col = letters ? columnIndex(letters) : undefined;
  if (letters && col === undefined) return undefined;
  const row = digits ? Number(digits) - 1 : undefined;
  if (row !== undefined && row < 0) return undefined;
  return { col, row };
}

/**
 * Where a reference starts, as a formula or a host writes it: "B2:B", "Data!$C$4:D9",
 * "'Q1 plan'!A:A", "2:5". Undefined for anything that is not a plain reference
 * (a named range, an expression, a literal). The sheet is left out when it is
 * `ownSheet`, the sheet of the formula that refers to it.
 */
export function referenceStart(text: string, ownSheet?: string): SheetCellRef | undefined {
  let rest = text.trim();
  if (rest.length === 0 || rest.length > MAX_REFERENCE_CHARS) return undefined;
  let sheet: string | undefined;
  if (rest.startsWith("'")) {
    let name = '';
    let i = 1;
    for (; i < rest.length; i++) {
      if (rest[i] !== "'") name += rest[i];
      else if (rest[i + 1] === "'") name += rest[i++];
      else break;
    }
    if (rest[i] !== "'" || rest[i + 1] !== '!') return undefined;
    sheet = name;
    rest = rest.slice(i + 2);
  } else {
    const bang = rest.lastIndexOf('!');
    if (bang >= 0) {
      sheet = rest.slice(0, bang);
      rest = rest.slice(bang + 1);
      if (!sheet || /[\s'!]/.test(sheet)) return undefined;
    }
  }
  const [from, to, extra] = rest.split(':');
  if (extra !== undefined) return undefined;
  const a = referencePart(from);
  const b = to === undefined ? a : referencePart(to);
  if (!a || !b) return undefined;
  // A single cell or a block needs both parts on each side; "A2:A" and "B:D" and "2:5" are open ranges.
  if (to === undefined && (a.col === undefined || a.row === undefined)) return undefined;
  const cols = [a.col, b.col].filter((c): c is number => c !== undefined);
  const rows = [a.row, b.row].filter((r): r is number => r !== undefined);
  const start = { row: rows.length ? Math.min(...rows) : 0, col: cols.length ? Math.min(...cols) : 0 };
  return sheet === undefined || sheet === ownSheet ? start : { sheet, ...start };
}
