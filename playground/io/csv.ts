/**
 * CSV and other delimited text exports, parsed by papaparse (MIT): quoted
 * fields with commas, quotes and line breaks inside, CRLF or LF, and the
 * delimiter guessed among comma, semicolon (Excel in locales with a decimal
 * comma), tab and pipe. Every field comes in as text and is typed by its
 * column (sheet-from-table.ts); a field that looks like a formula stays text.
 */
import Papa from 'papaparse';
import { ImportError, type ImportedFile, type ImportNote } from './imported';
import { tableSheet } from './sheet-from-table';

export interface DecodedText {
  readonly text: string;
  /** The encoding the bytes were read with. */
  readonly encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
}

/**
 * A text file's characters: UTF-8 (with or without a byte-order mark), UTF-16 when
 * it starts with one, and otherwise Windows-1252, which is what Excel on Windows
 * writes as "CSV" and which any byte sequence is valid in.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(body), encoding: 'windows-1252' };
  }
}

/** "Opportunities Q1.csv" → "Opportunities Q1". */
export function baseName(fileName: string): string {
  const name = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = name.lastIndexOf('.');
  return (dot > 0 ? name.slice(0, dot) : name).trim() || 'Imported';
}

/** The table in a CSV export's text, as one new sheet named after the file. */
export function readCsv(text: string, fileName: string, notes: readonly ImportNote[] = []): ImportedFile {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') throw new ImportError('empty', { file: fileName });
  const parsed = Papa.parse<string[]>(body, { skipEmptyLines: false, delimitersToGuess: [',', ';', '\t', '|'] });
  // An unclosed quote swallows the rest of the file into one field: refuse it rather than guess.
  const quote = parsed.errors.find((error) => error.type === 'Quotes');
  if (quote) throw new ImportError('unreadable', { file: fileName, row: (quote.row ?? 0) + 1 });
  const { sheet, notes: read } = tableSheet(baseName(fileName), parsed.data, 0);
  return { sheets: [sheet], notes: [...notes, ...read] };
}
