/**
 * Keys → what they do on the grid (not while editing a cell). Ctrl on Windows
 * and Linux is ⌘ on a Mac; both work everywhere.
 */
export type Direction = 'up' | 'down' | 'left' | 'right';

export type GridCommand =
  | { readonly type: 'move'; readonly direction: Direction; readonly extend: boolean; readonly jump: boolean }
  | { readonly type: 'rowStart' | 'rowEnd' | 'sheetStart' | 'sheetEnd'; readonly extend: boolean }
  | { readonly type: 'page'; readonly direction: 'up' | 'down'; readonly extend: boolean }
  | { readonly type: 'next'; readonly direction: Direction }
  | { readonly type: 'edit' | 'clear' | 'undo' | 'redo' | 'selectAll' | 'menu' }
  | { readonly type: 'type'; readonly text: string };

export interface KeyLike {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
}

const ARROWS: Readonly<Record<string, Direction>> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };

/** The command a key press means, or undefined for keys the grid leaves alone (Ctrl+C, say: see clipboard.ts). */
export function gridCommand(event: KeyLike): GridCommand | undefined {
  const { key, shiftKey: extend, altKey } = event;
  const command = event.ctrlKey || event.metaKey;
  if (key in ARROWS) return { type: 'move', direction: ARROWS[key], extend, jump: command };
  if (command && !altKey) {
    const letter = key.toLowerCase();
    if (letter === 'z') return { type: extend ? 'redo' : 'undo' };
    if (letter === 'y') return { type: 'redo' };
    if (letter === 'a') return { type: 'selectAll' };
    if (key === 'Home') return { type: 'sheetStart', extend };
    if (key === 'End') return { type: 'sheetEnd', extend };
    return undefined;
  }
  switch (key) {
    case 'Home':
      return { type: 'rowStart', extend };
    case 'End':
      return { type: 'rowEnd', extend };
    case 'PageUp':
      return { type: 'page', direction: 'up', extend };
    case 'PageDown':
      return { type: 'page', direction: 'down', extend };
    case 'Enter':
      return { type: 'next', direction: extend ? 'up' : 'down' };
    case 'Tab':
      return { type: 'next', direction: extend ? 'left' : 'right' };
    case 'F2':
      return { type: 'edit' };
    case 'Delete':
    case 'Backspace':
      return { type: 'clear' };
    case 'ContextMenu':
      return { type: 'menu' };
  }
  if (extend && key === 'F10') return { type: 'menu' };
  if (key.length === 1 && !altKey) return { type: 'type', text: key };
  return undefined;
}

/** Undo and redo keys while a cell is being edited. */
export function editHistoryCommand(event: KeyLike): 'undo' | 'redo' | undefined {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return undefined;
  const letter = event.key.toLowerCase();
  if (letter === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (letter === 'y') return 'redo';
  return undefined;
}
