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

  show(message: string, tone: NoticeTone = 'info', action?: NoticeAction): void {
    this.message.textContent = message;
    this.element.dataset.tone = tone;
    const buttons: HTMLButtonElement[] = [];
    if (action) buttons.push(this.button(action.label, 'pg-notice-action', action.run));
    buttons.push(this.button(text('workbook.dismiss'), 'pg-notice-dismiss', () => this.clear()));
    this.actions.replaceChildren(...buttons);
    this.element.hidden = false;
  }

  clear(): void {
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
