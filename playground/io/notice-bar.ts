/**
 * One line under the top bar for what the workbook menu has to say: a file
 * opened (and how it was read), a download ready, a workbook replaced (with
 * Undo), or why something could not be done. Text only: no HTML from files.
 */
import { text } from '../../ui/messages';

export interface NoticeAction {
  readonly label: string;
  readonly run: () => void;
}

export type NoticeTone = 'info' | 'success' | 'error';

export class NoticeBar {
  readonly element: HTMLElement;
  private readonly message: HTMLElement;
  private readonly actions: HTMLElement;

  constructor() {
    this.element = document.createElement('div');
    this.element.className = 'pg-notice-bar';
    this.element.setAttribute('role', 'status');
    this.element.setAttribute('aria-live', 'polite');
    this.element.hidden = true;
    this.message = document.createElement('span');
    this.message.className = 'pg-notice-text';
    this.actions = document.createElement('span');
    this.actions.className = 'pg-notice-actions';
    this.element.append(this.message, this.actions);
  }

  private shown = 0;

  /** Shows a notice in place of the last one; returns its number, for clear(). */
  show(message: string, tone: NoticeTone = 'info', action?: NoticeAction): number {
    this.message.textContent = message;
    this.element.dataset.tone = tone;
    const buttons: HTMLButtonElement[] = [];
    if (action) buttons.push(this.button(action.label, 'pg-notice-action', action.run));
    buttons.push(this.button(text('workbook.dismiss'), 'pg-notice-dismiss', () => this.clear()));
    this.actions.replaceChildren(...buttons);
    this.element.hidden = false;
    return ++this.shown;
  }

  /** Hides the notice; given a number from show(), only while that notice is still the one shown. */
  clear(which?: number): void {
    if (which !== undefined && which !== this.shown) return;
    this.element.hidden = true;
    this.message.textContent = '';
    this.actions.replaceChildren();
  }

  private button(label: string, className: string, run: () => void): HTMLButtonElement {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = className;
    button.textContent = label;
    button.addEventListener('click', run);
    return button;
  }
}
