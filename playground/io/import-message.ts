/** What the user is told after opening a file, or when it could not be opened: all from the message catalog. */
import { type MessageId, text } from '../../ui/messages';
import { ImportError, type ImportFailure, type ImportNote, type ImportedFile } from './imported';

/** “Opened report.csv as sheet report (8 rows).” and a sentence for each note on how it was read. */
export function openedMessage(fileName: string, file: ImportedFile, names: readonly string[]): string {
  // Rows of data: a table's header (its frozen row) is not one.
  const rows = file.sheets.reduce((sum, sheet) => sum + Math.max(0, sheet.cells.length - (sheet.frozenRows ?? 0)), 0);
  const lines = [text('workbook.opened', { file: fileName, count: names.length, sheets: names.join(', '), rows })];
  for (const note of file.notes) lines.push(noteText(note));
  return lines.filter((line) => line !== '').join(' ');
}

function noteText(note: ImportNote): string {
  switch (note.kind) {
    case 'left-out':
      return text('workbook.note.leftOut', { before: note.before, after: note.after, label: note.label ?? '' }).trim();
    case 'day-order':
      return text('workbook.note.dayOrder', { column: note.column, order: note.order, from: note.from });
    case 'mixed-currencies':
      return text('workbook.note.mixedCurrencies', { column: note.column, currencies: note.currencies.join(', ') });
    case 'percent-header':
      return text('workbook.note.percentHeader', { column: note.column });
    case 'encoding':
      return text('workbook.note.encoding');
  }
}

const FAILURES: Record<ImportFailure, MessageId> = {
  empty: 'workbook.error.empty',
  'too-many-rows': 'workbook.error.tooManyRows',
  'too-many-columns': 'workbook.error.tooManyColumns',
  'not-a-table-file': 'workbook.error.notTable',
  'old-excel': 'workbook.error.oldExcel',
  unreadable: 'workbook.error.unreadable',
};

/** Why a file could not be opened, for the user. */
export function failureMessage(fileName: string, error: unknown): string {
  if (error instanceof ImportError) return text(FAILURES[error.reason], { row: 'none', ...error.details, file: fileName });
  return text('workbook.error.generic', { file: fileName });
}
