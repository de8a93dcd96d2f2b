/**
 * What a sheet keeps besides its cells: number formats by range, column
 * widths, bold rows and frozen rows. A layout is never changed in place: each
 * change makes a new one, so the undo history can keep the one before.
 */
import { type CellRef, type RangeRef, parseRange, rangeName } from '../core/a1';
import type { NormalisedChart } from '../core/templates/normalise-plan';

/** A layout as sheet plans and callers write it. */
export interface SheetLayout {
  /** Number formats by A1 range; a later entry wins where ranges overlap. */
  readonly formats?: readonly { readonly range: string; readonly format: string }[];
  /** Column widths in pixels, from column A. */
  readonly columnWidths?: readonly number[];
  /** Bold rows, 1-based. */
  readonly boldRows?: readonly number[];
  /** How many rows stay on screen at the top while the sheet scrolls. */
  readonly frozenRows?: number;
  /** Charts drawn over the sheet (a template's, checked by the plan normaliser). */
  readonly charts?: readonly NormalisedChart[];
}

export interface FormatRange extends RangeRef {
  readonly format: string;
}

export interface ParsedLayout {
  /** A later entry wins where ranges overlap; 'General' takes a format away. */
  readonly formats: readonly FormatRange[];
  readonly columnWidths: readonly number[];
  /** 1-based, as plans write them. */
  readonly boldRows: ReadonlySet<number>;
  readonly frozenRows: number;
  readonly charts: readonly NormalisedChart[];
}

/** The format that shows numbers as they are: a cell given it has no format of its own. */
export const GENERAL = 'General';

export const EMPTY_LAYOUT: ParsedLayout = { formats: [], columnWidths: [], boldRows: new Set(), frozenRows: 0, charts: [] };

export function parseLayout(layout: SheetLayout): ParsedLayout {
  const formats = (layout.formats ?? []).flatMap(({ range, format }) => {
    const parsed = parseRange(range);
    return parsed ? [{ ...parsed, format }] : [];
  });
  return {
    formats,
    columnWidths: layout.columnWidths ?? [],
    boldRows: new Set(layout.boldRows ?? []),
    frozenRows: Math.max(0, Math.floor(layout.frozenRows ?? 0)),
    charts: layout.charts ?? [],
  };
}

/** A parsed layout as plain data again (parseLayout reads it back), as a snapshot keeps it. */
export function layoutData(layout: ParsedLayout): SheetLayout {
  return {
    formats: layout.formats.map(({ format, ...range }) => ({ range: rangeName(range), format })),
    columnWidths: [...layout.columnWidths],
    boldRows: [...layout.boldRows],
    frozenRows: layout.frozenRows,
    charts: layout.charts,
  };
}

/** The format a cell was given, if any. */
export function formatAt(layout: ParsedLayout, ref: CellRef): string | undefined {
  for (let i = layout.formats.length - 1; i >= 0; i--) {
    const f = layout.formats[i];
    if (ref.row >= f.top && ref.row <= f.bottom && ref.col >= f.left && ref.col <= f.right) {
      return f.format === GENERAL ? undefined : f.format;
    }
  }
  return undefined;
}

const covers = (outer: RangeRef, inner: RangeRef) =>
  inner.top >= outer.top && inner.bottom <= outer.bottom && inner.left >= outer.left && inner.right <= outer.right;

/** `range` given `format` (GENERAL takes formats away); entries it covers whole are dropped. */
export function withFormat(layout: ParsedLayout, range: RangeRef, format: string): ParsedLayout {
  const kept = layout.formats.filter((entry) => !covers(range, entry));
  return { ...layout, formats: [...kept, { ...range, format }] };
}

export function withColumnWidth(layout: ParsedLayout, col: number, width: number): ParsedLayout {
  const widths = [...layout.columnWidths];
  for (let c = widths.length; c < col; c++) widths[c] = DEFAULT_COLUMN_WIDTH;
  widths[col] = Math.round(width);
  return { ...layout, columnWidths: widths };
}

export function withFrozenRows(layout: ParsedLayout, rows: number): ParsedLayout {
  return { ...layout, frozenRows: Math.max(0, Math.floor(rows)) };
}

export const DEFAULT_COLUMN_WIDTH = 100;
export const MIN_COLUMN_WIDTH = 24;

/**
 * The layout after `count` rows are inserted before row `at` (0-based), or
 * removed from it when `count` is negative: formats and bold rows move with
 * their cells, and formats of removed rows go with them.
 */
export function shiftRows(layout: ParsedLayout, at: number, count: number): ParsedLayout {
  const formats = shiftRanges(layout.formats, at, count, 'top', 'bottom');
  const boldRows = new Set<number>();
  for (const row of layout.boldRows) {
    const index = row - 1;
    if (count < 0 && index >= at && index < at - count) continue;
    boldRows.add(index >= at ? row + count : row);
  }
  let frozenRows = layout.frozenRows;
  if (at < frozenRows) frozenRows = count > 0 ? frozenRows + count : Math.max(at, frozenRows + count);
  return { ...layout, formats, boldRows, frozenRows };
}

/** As shiftRows, for columns: formats and widths move with their columns. */
export function shiftColumns(layout: ParsedLayout, at: number, count: number): ParsedLayout {
  const formats = shiftRanges(layout.formats, at, count, 'left', 'right');
  const widths = [...layout.columnWidths];
  if (count > 0) {
    if (at < widths.length) widths.splice(at, 0, ...new Array<number>(count).fill(DEFAULT_COLUMN_WIDTH));
  } else {
    widths.splice(at, -count);
  }
  return { ...layout, formats, columnWidths: widths };
}

function shiftRanges(
  formats: readonly FormatRange[],
  at: number,
  count: number,
  start: 'top' | 'left',
  end: 'bottom' | 'right',
): FormatRange[] {
  const out: FormatRange[] = [];
  for (const entry of formats) {
    let from = entry[start];
    let to = entry[end];
    if (count > 0) {
      if (from >= at) from += count;
      if (to >= at) to += count;
    } else {
      const removedEnd = at - count; // first index after the removed ones
      const moved = (index: number) => (index >= removedEnd ? index + count : index >= at ? at : index);
      const last = to >= removedEnd ? to + count : Math.min(to, at - 1);
      from = moved(from);
      to = last;
      if (to < from) continue;
    }
    out.push({ ...entry, [start]: from, [end]: to });
  }
  return out;
}
