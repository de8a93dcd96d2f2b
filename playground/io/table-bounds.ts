/**
 * Where the table in a report export starts and ends. CRM reports wrap their
 * rows: a title and filter lines above the header, and below the data a
 * totals block and legal lines (Salesforce ends with "Grand Totals (n
 * records)", the total amounts, "Confidential Information - Do Not
 * Distribute" and "Copyright (c) 2000-2026 salesforce.com, inc."). Those lines
 * are not data: kept in the sheet they would be summed with it. A blank row
 * in the middle of real data is data, and is kept; so is anything below the
 * data that has no totals or legal line in it.
 */
import type { CellValue } from '../../core/values';

export interface TableBounds {
  /** Row index of the header. */
  readonly header: number;
  /** One past the last data row. */
  readonly end: number;
  /** Lines above the header and below the data that were left out, for the import note. */
  readonly before: number;
  readonly after: number;
  /** The first text of the lines left out below the data ("Grand Totals (4 records)"). */
  readonly afterLabel?: string;
}

/** How many rows above the header may be report title and filter lines. */
const MAX_PREAMBLE = 20;
/**
 * First words of the lines report footers are made of (in lower case, longest first), when
 * nothing but brackets, figures or punctuation follows them: "Grand Totals (4 records)",
 * "Copyright (c) 2000-2026 salesforce.com", but not an account named "Total Wine & More".
 */
const FOOTER_WORDS = ['confidential information', 'grand totals', 'grand total', 'subtotals', 'subtotal', 'copyright', 'totals', 'total'];

const isLetter = (ch: string | undefined) => ch !== undefined && ch.toLowerCase() !== ch.toUpperCase();

type Row = readonly CellValue[];

function filled(row: Row | undefined): number {
  let count = 0;
  for (const cell of row ?? []) if (cell !== null && cell !== undefined && String(cell).trim() !== '') count++;
  return count;
}

function firstText(row: Row): string {
  for (const cell of row) if (cell !== null && cell !== undefined && String(cell).trim() !== '') return String(cell).trim();
  return '';
}

function isFooterLabel(row: Row): boolean {
  const first = firstText(row).toLowerCase();
  const word = FOOTER_WORDS.find((w) => first.startsWith(w));
  return word !== undefined && !isLetter(first.slice(word.length).trim()[0]);
}

export function findTable(rows: readonly Row[]): TableBounds {
  let last = rows.length;
  while (last > 0 && filled(rows[last - 1]) === 0) last--;
  let first = 0;
  while (first < last && filled(rows[first]) === 0) first++;

  // The header is the first row with two or more cells filled, unless the table is a single column.
  let header = first;
  for (let r = first, seen = 0; r < last && seen <= MAX_PREAMBLE; r++) {
    if (filled(rows[r]) === 0) continue;
    seen++;
    if (filled(rows[r]) >= 2) {
      header = r;
      break;
    }
  }
  const wide = filled(rows[header]) >= 2;

  // Below the data: a run of rows that are blank, one cell wide, or start with a footer word...
  const footerLike = (row: Row) => filled(row) === 0 || isFooterLabel(row) || (wide && filled(row) <= 1);
  let suffix = last;
  while (suffix > header + 1 && footerLike(rows[suffix - 1])) suffix--;
  // ...that begins with a blank line or a totals line and has a totals or legal line in it;
  // sparse data rows before it stay, and so does a block with no such line (it may be data).
  let end = last;
  for (let r = suffix; r < last; r++) {
    if (filled(rows[r]) === 0 || isFooterLabel(rows[r])) {
      end = r;
      break;
    }
  }
  let labelled = false;
  for (let r = end; r < last && !labelled; r++) labelled = isFooterLabel(rows[r]);
  if (!labelled) end = last;
  let afterLabel: string | undefined;
  for (let r = end; r < last && afterLabel === undefined; r++) if (filled(rows[r]) > 0) afterLabel = firstText(rows[r]);
  let after = 0;
  for (let r = end; r < last; r++) if (filled(rows[r]) > 0) after++;
  let before = 0;
  for (let r = first; r < header; r++) if (filled(rows[r]) > 0) before++;
  // Blank rows just above the footer are the gap before it.
  while (end > header + 1 && filled(rows[end - 1]) === 0) end--;
  return { header, end, before, after, afterLabel };
}
