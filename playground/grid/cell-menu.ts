/**
 * What the right-click menu on cells offers: the clipboard, rows and columns
 * around the selection, clearing it, and freezing the header row.
 */
import type { RangeRef } from '../../core/a1';
import type { Workbook } from '../workbook';
import type { ClipboardHost } from './clipboard';
import { copyWithClipboardApi, pasteWithClipboardApi } from './clipboard';
import type { MenuItems } from './context-menu';

export interface CellMenuContext {
  readonly workbook: Workbook;
  readonly sheet: number;
  readonly selection: RangeRef;
  readonly clipboard: ClipboardHost;
  /** Runs a change, showing a refusal instead of throwing it. */
  attempt(change: () => void): boolean;
}

export function cellMenuItems({ workbook, sheet, selection: range, clipboard, attempt }: CellMenuContext): MenuItems {
  const rows = range.bottom - range.top + 1;
  const cols = range.right - range.left + 1;
  const { maxRows, maxColumns } = workbook.hf.getConfig();
  // Whole columns have no row to insert beside, whole rows no column.
  const wholeColumns = rows === maxRows;
  const wholeRows = cols === maxColumns;
  const frozen = workbook.layout(sheet).frozenRows;
  return [
    { id: 'playground.menu.cut', run: () => void copyWithClipboardApi(clipboard, true) },
    { id: 'playground.menu.copy', run: () => void copyWithClipboardApi(clipboard, false) },
    { id: 'playground.menu.paste', run: () => void pasteWithClipboardApi(clipboard) },
    null,
    { id: 'playground.menu.insertRowAbove', run: () => attempt(() => workbook.insertRows(sheet, range.top, 1)), disabled: wholeColumns },
    { id: 'playground.menu.insertRowBelow', run: () => attempt(() => workbook.insertRows(sheet, range.bottom + 1, 1)), disabled: wholeColumns },
    { id: 'playground.menu.deleteRow', values: { count: rows }, run: () => attempt(() => workbook.removeRows(sheet, range.top, rows)), disabled: wholeColumns },
    null,
    { id: 'playground.menu.insertColumnLeft', run: () => attempt(() => workbook.insertColumns(sheet, range.left, 1)), disabled: wholeRows },
    { id: 'playground.menu.insertColumnRight', run: () => attempt(() => workbook.insertColumns(sheet, range.right + 1, 1)), disabled: wholeRows },
    { id: 'playground.menu.deleteColumn', values: { count: cols }, run: () => attempt(() => workbook.removeColumns(sheet, range.left, cols)), disabled: wholeRows },
    null,
    { id: 'playground.menu.clear', run: () => attempt(() => workbook.clear(sheet, range)) },
    frozen > 0
      ? { id: 'playground.sheet.unfreeze', run: () => attempt(() => workbook.setFrozenRows(sheet, 0)) }
      : { id: 'playground.sheet.freezeHeader', run: () => attempt(() => workbook.setFrozenRows(sheet, 1)) },
  ];
}
