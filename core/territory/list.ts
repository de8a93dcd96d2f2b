/**
 * The territories a call assigns to: a count (territories 1 … k), or names,
 * optionally with a second column of relative target sizes (a senior rep 1.5).
 * Names match as assignments do: ignoring case and spaces, 1 and "1" alike.
 */
import { badNumber, badValue, divZero } from '../errors';
import { readNumber } from '../ranges';
import { type CellValue, describeValue, formatNumber, isBlank, normalizeLabel } from '../values';

export interface TerritoryList {
  /** Each territory as it is shown: the name as given (trimmed), or 1 … k. */
  readonly names: readonly CellValue[];
  /** Relative target sizes, one per territory; undefined means equal. */
  readonly sizes?: readonly number[];
  /** The territory a cell names, or undefined when it names none. */
  indexOf(cell: CellValue): number | undefined;
}

/** More than any sales team splits into; it keeps a call's work bounded. */
export const MAX_TERRITORIES = 1000;

export function territoryKey(cell: CellValue): string | undefined {
  if (typeof cell === 'number') return formatNumber(cell);
  if (typeof cell === 'string') return normalizeLabel(cell);
  return undefined;
}

function listOf(names: CellValue[], sizes?: number[]): TerritoryList {
  const index = new Map<string, number>();
  names.forEach((name, t) => index.set(territoryKey(name) as string, t));
  return { names, sizes, indexOf: (cell) => index.get(territoryKey(cell) ?? '') };
}

/** `cells` as the user gave them: one cell, a column or row of names, or names beside sizes. */
export function readTerritoryList(name: string, cells: readonly (readonly CellValue[])[]): TerritoryList {
  const width = cells[0]?.length ?? 0;
  if (cells.length === 1 && width === 1 && typeof cells[0][0] === 'number') return countOf(name, cells[0][0]);
  const oneRow = cells.length === 1 && width > 2;
  if (!oneRow && width > 2) throw badValue(`${name} has ${width} columns: give territory names in one column, and their target sizes in a second`);
  const rows = oneRow ? cells[0].map((cell) => [cell]) : cells;
  const names: CellValue[] = [];
  const sizes: number[] = [];
  const seen = new Map<string, CellValue>();
  rows.forEach((row, r) => {
    const [cell, sizeCell] = row;
    if (isBlank(cell) || (typeof cell === 'string' && cell.trim() === '')) {
      if (!isBlank(sizeCell) && String(sizeCell).trim() !== '') throw badValue(`${name} has a target size but no name in row ${r + 1}`);
      return;
    }
    const key = territoryKey(cell);
    if (key === undefined) throw badValue(`${name} ${describeValue(cell)} in row ${r + 1} is not a territory name`);
    const earlier = seen.get(key);
    if (earlier !== undefined) throw badValue(`${name} lists ${describeValue(earlier)} twice (again in row ${r + 1}): give each territory once`);
    seen.set(key, cell);
    names.push(typeof cell === 'string' ? cell.trim() : cell);
    if (row.length > 1) sizes.push(sizeOf(name, sizeCell ?? null, r));
  });
  if (names.length === 0) throw badValue(`${name} is blank: give a number of territories or their names`);
  if (names.length > MAX_TERRITORIES) throw badValue(`${name} lists ${names.length} territories; at most ${MAX_TERRITORIES} in one call`);
  return listOf(names, sizes.length ? sizes : undefined);
}

function countOf(name: string, count: number): TerritoryList {
  if (!Number.isInteger(count) || count < 1 || count > MAX_TERRITORIES) {
    throw badNumber(`${name} ${formatNumber(count)} is not a number of territories: give a whole number from 1 to ${MAX_TERRITORIES}, or their names`);
  }
  return listOf(Array.from({ length: count }, (_, t) => t + 1));
}

function sizeOf(name: string, cell: CellValue, r: number): number {
  if (isBlank(cell) || (typeof cell === 'string' && cell.trim() === '')) return 1;
  const size = readNumber(cell);
  if (typeof size === 'string') throw badValue(`${name} target size ${describeValue(cell)} in row ${r + 1} ${size}`);
  if (size < 0) throw badNumber(`${name} target size ${formatNumber(size)} in row ${r + 1} is negative`);
  if (size === 0) throw divZero(`${name} target size is 0 in row ${r + 1}: leave the territory out, or give it a size above 0`);
  return size;
}
