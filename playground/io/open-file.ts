/**
 * Which reader a file goes to, by what its bytes are rather than its name:
 * an .xlsx is a zip (PK), an old .xls a compound document (D0 CF 11 E0);
 * anything else named .csv, .tsv or .txt is delimited text.
 */
import { decodeText, readCsv } from './csv';
import { ImportError, type ImportedFile } from './imported';
import { readXlsx } from './xlsx';

const startsWith = (bytes: Uint8Array, signature: readonly number[]) => signature.every((byte, i) => bytes[i] === byte);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const COMPOUND_DOCUMENT = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const TEXT_EXTENSIONS = ['.csv', '.tsv', '.txt'];

/** File types the file chooser offers. */
export const ACCEPTED_FILES = '.csv,.tsv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function readWorkbookFile(fileName: string, bytes: Uint8Array): Promise<ImportedFile> {
  const lower = fileName.toLowerCase();
  if (bytes.length === 0) throw new ImportError('empty', { file: fileName });
  if (startsWith(bytes, ZIP)) return readXlsx(bytes, fileName);
  if (startsWith(bytes, COMPOUND_DOCUMENT)) throw new ImportError(lower.endsWith('.xls') ? 'old-excel' : 'not-a-table-file', { file: fileName });
  if (lower.endsWith('.xlsx')) throw new ImportError('unreadable', { file: fileName });
  if (!TEXT_EXTENSIONS.some((extension) => lower.endsWith(extension))) throw new ImportError('not-a-table-file', { file: fileName });
  const { text, encoding } = decodeText(bytes);
  return readCsv(text, fileName, encoding === 'windows-1252' ? [{ kind: 'encoding', encoding }] : []);
}
