/**
 * Editing a cell, in the cell itself or in the formula bar. Each edit in the
 * cell gets a new input element, so nothing typed into one cell can come back
 * in another through the browser's own undo; Ctrl+Z and Ctrl+Y step through
 * this edit's own history, and Ctrl+Z with nothing left to take back ends the
 * edit and undoes the last change to the workbook. While a formula is typed
 * where a reference fits, arrow keys, clicks and drags on the grid write the
 * reference of the cell or range they reach (Sheets' and Excel's point mode),
 * on another sheet too when its tab is clicked meanwhile.
 */
import { type CellRef, type RangeRef, normalize } from '../../core/a1';
import { text } from '../../ui/messages';
import { formulaContext } from './formula-context';
import { type Direction, editHistoryCommand } from './keyboard';

export interface EditorHost {
  /** Writes the edit to the cell; false when the workbook refused it (the edit stays open). */
  commit(ref: CellRef, value: string): boolean;
  /** The edit ended without a change; the grid takes the keyboard back. */
  cancelled(): void;
  /** After a commit with Enter or Tab: where to go. */
  moveAfter(direction: Direction): void;
  /** Ctrl+Z with nothing of this edit left to take back. */
  undoWorkbook(): void;
  /** The text changed or the caret moved (for suggestions and the formula bar). */
  changed(input: HTMLInputElement): void;
  /** Keys the suggestions list wants first (arrows, Enter, Tab, Escape while it is open). */
  suggestionKey(event: KeyboardEvent): boolean;
  /** A reference was pointed at: shown on the grid. */
  pointed(range: RangeRef | undefined): void;
  /** How a range pointed at is written: "B3:B9", or with its sheet when the grid shows another sheet than the edited cell's. */
  referenceName(range: RangeRef): string;
  /** The edit is over (written, cancelled or replaced by another). */
  ended(ref: CellRef): void;
  /** Where a cell is, to draw the editor over it. */
  box(ref: CellRef): { left: number; top: number; width: number; height: number } | undefined;
  step(from: CellRef, direction: Direction): CellRef;
}

interface Pointing {
  readonly start: number;
  end: number;
  anchor: CellRef;
  focus: CellRef;
}

export class CellEditor {
  /** The cell being edited, or undefined when none is. */
  ref?: CellRef;
  where?: 'cell' | 'bar';
  input?: HTMLInputElement;
  /** Started by typing (arrows then leave the cell) or by F2, double-click or the formula bar (arrows move the caret). */
  private mode: 'enter' | 'edit' = 'edit';
  private original = '';
  private history: string[] = [];
  private future: string[] = [];
  private pointing?: Pointing;

  constructor(
    private readonly layer: HTMLElement,
    private readonly formulaBar: HTMLInputElement,
    private readonly host: EditorHost,
  ) {
    formulaBar.addEventListener('keydown', (event) => {
      if (this.where === 'bar') this.onKey(event);
    });
    formulaBar.addEventListener('input', () => {
      if (this.where === 'bar') this.onInput();
    });
    formulaBar.addEventListener('click', () => this.input && this.host.changed(this.input));
    formulaBar.addEventListener('blur', () => {
      // A click on the grid while pointing keeps the edit (the grid gives the focus back).
      if (this.where === 'bar' && !this.pointing && !this.keepOpen) this.commit();
    });
  }

  /** Set while a click on the grid inserts a reference: the edit must survive the blur. */
  keepOpen = false;

  get active(): boolean {
    return this.ref !== undefined;
  }

  /** Whether a click on a cell now would insert its reference. */
  get canPoint(): boolean {
    if (!this.input || !this.active) return false;
    if (this.pointing) return true;
    const caret = this.input.selectionStart ?? this.input.value.length;
    return formulaContext(this.input.value, caret).referenceFits;
  }

  start(ref: CellRef, current: string, options: { initial?: string; where: 'cell' | 'bar' }): void {
    this.close();
    this.ref = ref;
    this.where = options.where;
    this.mode = options.initial !== undefined ? 'enter' : 'edit';
    this.original = current;
    this.history = [current];
    this.future = [];
    const value = options.initial ?? current;
    if (options.where === 'cell') {
      const input = document.createElement('input');
      input.className = 'pg-cell-editor';
      input.setAttribute('aria-label', text('playground.cellEditor'));
      input.spellcheck = false;
      input.autocomplete = 'off';
      input.value = value;
      const box = this.host.box(ref);
      if (box) {
        input.style.left = `${box.left}px`;
        input.style.top = `${box.top}px`;
        input.style.minWidth = `${box.width}px`;
        input.style.height = `${box.height}px`;
      }
      input.addEventListener('keydown', (event) => this.onKey(event));
      input.addEventListener('input', () => this.onInput());
      input.addEventListener('click', () => this.host.changed(input));
      input.addEventListener('blur', () => {
        if (this.input === input && !this.pointing && !this.keepOpen) this.commit();
      });
      this.layer.append(input);
      this.input = input;
      input.focus({ preventScroll: true });
      input.setSelectionRange(value.length, value.length);
      this.formulaBar.value = value;
    } else {
      this.input = this.formulaBar;
      if (this.formulaBar.value !== value) this.formulaBar.value = value;
    }
    if (value !== current) this.history.push(value);
    this.host.changed(this.input);
  }

  private committing = false;

  /** Writes the edit; true when the edit is over. */
  commit(): boolean {
    if (!this.ref || !this.input) return true;
    // Redrawing after the change may move the focus: that blur is no second commit.
    if (this.committing) return false;
    const value = this.input.value;
    const ref = this.ref;
    this.committing = true;
    try {
      if (value !== this.original && !this.host.commit(ref, value)) return false;
    } finally {
      this.committing = false;
    }
    this.close();
    return true;
  }

  cancel(): void {
    if (!this.active) return;
    this.close();
    this.host.cancelled();
  }

  private close(): void {
    const input = this.input;
    const ref = this.ref;
    this.ref = undefined;
    this.where = undefined;
    this.input = undefined;
    this.pointing = undefined;
    this.host.pointed(undefined);
    if (input && input !== this.formulaBar) input.remove();
    if (ref) this.host.ended(ref);
  }

  private onInput(): void {
    if (!this.input) return;
    this.pointing = undefined;
    this.host.pointed(undefined);
    this.history.push(this.input.value);
    this.future = [];
    if (this.where === 'cell') this.formulaBar.value = this.input.value;
    this.host.changed(this.input);
  }

  private onKey(event: KeyboardEvent): void {
    const input = this.input;
    if (!input || !this.ref) return;
    if (this.host.suggestionKey(event)) return;
    const history = editHistoryCommand(event);
    if (history) {
      event.preventDefault();
      this.stepHistory(history);
      return;
    }
    const { key } = event;
    if (key === 'Enter' || key === 'Tab') {
      event.preventDefault();
      const direction: Direction = key === 'Enter' ? (event.shiftKey ? 'up' : 'down') : event.shiftKey ? 'left' : 'right';
      if (this.commit()) this.host.moveAfter(direction);
      return;
    }
    if (key === 'Escape') {
      event.preventDefault();
      this.cancel();
      return;
    }
    const direction = ({ ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' } as const)[key as 'ArrowUp'];
    if (direction && !event.altKey && !event.ctrlKey && !event.metaKey) {
      if (this.pointing || this.canPointAtCaret()) {
        event.preventDefault();
        this.point(direction, event.shiftKey);
        return;
      }
      if (this.mode === 'enter' && this.where === 'cell') {
        event.preventDefault();
        if (this.commit()) this.host.moveAfter(direction);
        return;
      }
    }
    if (key !== 'Shift') {
      this.pointing = undefined;
      this.host.pointed(undefined);
    }
    // The caret may move: suggestions follow it once the key has done its work.
    setTimeout(() => this.input === input && this.host.changed(input), 0);
  }

  private canPointAtCaret(): boolean {
    const input = this.input;
    if (!input) return false;
    const caret = input.selectionStart ?? input.value.length;
    // Only at the end of what is typed, or before a closing bracket: elsewhere arrows move the caret.
    const rest = input.value.slice(input.selectionEnd ?? caret).trim();
    return (rest === '' || rest.startsWith(')') || rest.startsWith(',')) && formulaContext(input.value, caret).referenceFits;
  }

  /** Arrow keys while pointing: the reference moves (or, with Shift, grows into a range). */
  private point(direction: Direction, extend: boolean): void {
    if (!this.ref || !this.input) return;
    const from = this.pointing?.focus ?? this.ref;
    const focus = this.host.step(from, direction);
    const anchor = extend && this.pointing ? this.pointing.anchor : focus;
    this.writeReference(anchor, focus);
  }

  /** A click (or drag) on the grid while pointing: writes the cell's or range's reference. */
  pointAt(anchor: CellRef, focus: CellRef = anchor): void {
    this.writeReference(anchor, focus);
  }

  private writeReference(anchor: CellRef, focus: CellRef): void {
    const input = this.input;
    if (!input) return;
    const start = this.pointing?.start ?? input.selectionStart ?? input.value.length;
    const end = this.pointing?.end ?? input.selectionEnd ?? start;
    const range = normalize(anchor, focus);
    const reference = this.host.referenceName(range);
    input.value = input.value.slice(0, start) + reference + input.value.slice(end);
    const caret = start + reference.length;
    input.setSelectionRange(caret, caret);
    this.pointing = { start, end: caret, anchor, focus };
    this.history.push(input.value);
    this.future = [];
    if (this.where === 'cell') this.formulaBar.value = input.value;
    this.host.pointed(range);
    this.host.changed(input);
    if (document.activeElement !== input) input.focus({ preventScroll: true });
  }

  private stepHistory(direction: 'undo' | 'redo'): void {
    const input = this.input;
    if (!input) return;
    if (direction === 'redo') {
      const next = this.future.pop();
      if (next === undefined) return;
      this.history.push(next);
      input.value = next;
    } else {
      if (this.history.length <= 1 || input.value === this.original) {
        // Nothing of this edit left to take back: the last change to the workbook is.
        this.cancel();
        this.host.undoWorkbook();
        return;
      }
      this.future.push(this.history.pop() as string);
      input.value = this.history[this.history.length - 1];
    }
    this.pointing = undefined;
    this.host.pointed(undefined);
    input.setSelectionRange(input.value.length, input.value.length);
    if (this.where === 'cell') this.formulaBar.value = input.value;
    this.host.changed(input);
  }
}
