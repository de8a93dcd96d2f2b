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
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return undefined;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function cellName(ref: CellRef): string {
  return `${columnName(ref.col)}${ref.row + 1}`;
}

export function parseCell(text: string): CellRef | undefined {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(text.trim());
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
