/**
 * The grid and the system clipboard. Ctrl+C, Ctrl+X and Ctrl+V (⌘ on a Mac)
 * arrive as the browser's copy, cut and paste events, which carry the data
 * without asking for permission; the context menu's Cut, Copy and Paste use
 * the asynchronous Clipboard API instead, which the browser may refuse.
 * Both write a range as tab-separated text and as an HTML table, and read
 * an HTML table first (Sheets, Excel), then text (a text editor, a CSV viewer).
 */
import type { RangeRef } from '../../core/a1';
import { text } from '../../ui/messages';
import { parseTsv, tableFromHtml, toHtmlTable, toTsv } from '../clipboard-text';

export interface ClipboardHost {
  /** Whether the grid has the keyboard (and no cell is being edited). */
  owns(): boolean;
  /** The range to copy, clipped to where there is data, or undefined for none. */
  copyRange(): RangeRef | undefined;
  /** Copies (or cuts) the range in the workbook; returns the cells as shown. */
  copy(range: RangeRef, cut: boolean): string[][];
  paste(data: { text: string; cells?: string[][] }): void;
  status(message: string): void;
}

export interface Payload {
  readonly plain: string;
  readonly html: string;
}

export function payloadFor(cells: string[][]): Payload {
  return { plain: toTsv(cells), html: toHtmlTable(cells) };
}

/** What was pasted: rows of cells from the HTML table when there is one, else from the text. */
export function readPasted(html: string, plain: string): { text: string; cells?: string[][] } {
  const fromHtml = html ? tableFromHtml(html) : undefined;
  if (fromHtml && fromHtml.length > 0) return { text: plain, cells: fromHtml };
  return { text: plain, cells: parseTsv(plain) };
}

export function bindClipboard(host: ClipboardHost): void {
  const write = (event: ClipboardEvent, cut: boolean) => {
    if (!host.owns() || !event.clipboardData) return;
    const range = host.copyRange();
    if (!range) return;
    event.preventDefault();
    const payload = payloadFor(host.copy(range, cut));
    event.clipboardData.setData('text/plain', payload.plain);
    event.clipboardData.setData('text/html', payload.html);
  };
  document.addEventListener('copy', (event) => write(event, false));
  document.addEventListener('cut', (event) => write(event, true));
  document.addEventListener('paste', (event) => {
    if (!host.owns() || !event.clipboardData) return;
    event.preventDefault();
    host.paste(readPasted(event.clipboardData.getData('text/html'), event.clipboardData.getData('text/plain')));
  });
}

/** Copy or Cut from the context menu. */
export async function copyWithClipboardApi(host: ClipboardHost, cut: boolean): Promise<void> {
  const range = host.copyRange();
  if (!range) return;
  const payload = payloadFor(host.copy(range, cut));
  try {
    if (typeof ClipboardItem !== 'undefined' && navigator.clipboard?.write) {
      await navigator.clipboard.write([
        new ClipboardItem({
          'text/plain': new Blob([payload.plain], { type: 'text/plain' }),
          'text/html': new Blob([payload.html], { type: 'text/html' }),
        }),
      ]);
    } else {
      await navigator.clipboard.writeText(payload.plain);
    }
  } catch {
    host.status(text('playground.status.copyBlocked'));
  }
}

/** Paste from the context menu. */
export async function pasteWithClipboardApi(host: ClipboardHost): Promise<void> {
  try {
    let html = '';
    let plain = '';
    if (navigator.clipboard?.read) {
      for (const item of await navigator.clipboard.read()) {
        if (!html && item.types.includes('text/html')) html = await (await item.getType('text/html')).text();
        if (!plain && item.types.includes('text/plain')) plain = await (await item.getType('text/plain')).text();
      }
    } else {
      plain = await navigator.clipboard.readText();
    }
    if (html || plain) host.paste(readPasted(html, plain));
  } catch {
    host.status(text('playground.status.pasteBlocked'));
  }
}

