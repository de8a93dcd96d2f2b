/**
 * The formatting toolbar: undo and redo, then number formats for the
 * selection (plain, number, percent, currency, date) and one decimal place
 * more or fewer. Each button does what the same action does from the keyboard.
 */
import type { MessageId } from '../../ui/messages';
import { text } from '../../ui/messages';

export type ToolbarAction = 'undo' | 'redo' | 'general' | 'number' | 'percent' | 'currency' | 'date' | 'moreDecimals' | 'fewerDecimals';

/** Icons are drawn with characters, not words: they need no translation. */
const BUTTONS: readonly (readonly [ToolbarAction, string, MessageId] | null)[] = [
  ['undo', '↶', 'playground.toolbar.undo'],
  ['redo', '↷', 'playground.toolbar.redo'],
  null,
  ['general', '123', 'playground.toolbar.general'],
  ['number', '0.00', 'playground.toolbar.number'],
  ['percent', '%', 'playground.toolbar.percent'],
  ['currency', '$', 'playground.toolbar.currency'],
  ['date', '31', 'playground.toolbar.date'],
  null,
  ['fewerDecimals', '.0←', 'playground.toolbar.fewerDecimals'],
  ['moreDecimals', '.00→', 'playground.toolbar.moreDecimals'],
];

/** The number format each format button gives, as Sheets' toolbar does. */
export const TOOLBAR_FORMATS: Readonly<Record<'general' | 'number' | 'percent' | 'currency' | 'date', string>> = {
  general: 'General',
  number: '#,##0.00',
  percent: '0.00%',
  currency: '$#,##0.00',
  date: 'yyyy-mm-dd',
};

export class Toolbar {
  readonly element: HTMLElement;
  private readonly buttons = new Map<ToolbarAction, HTMLButtonElement>();

  constructor(run: (action: ToolbarAction) => void) {
    this.element = document.createElement('div');
    this.element.className = 'pg-toolbar';
    this.element.setAttribute('role', 'toolbar');
    this.element.setAttribute('aria-label', text('playground.toolbar'));
    for (const entry of BUTTONS) {
      if (!entry) {
        const separator = document.createElement('span');
        separator.className = 'pg-toolbar-separator';
        this.element.append(separator);
        continue;
      }
      const [action, icon, label] = entry;
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'pg-tool';
      button.dataset.action = action;
      button.textContent = icon;
      button.title = text(label);
      button.setAttribute('aria-label', text(label));
      // The grid keeps the keyboard: a click on a tool does not take the focus from it.
      button.addEventListener('mousedown', (event) => event.preventDefault());
      button.addEventListener('click', () => run(action));
      this.buttons.set(action, button);
      this.element.append(button);
    }
  }

  /** Undo and redo are greyed out when there is nothing to undo or redo. */
  update(canUndo: boolean, canRedo: boolean): void {
    this.buttons.get('undo')!.disabled = !canUndo;
    this.buttons.get('redo')!.disabled = !canRedo;
  }
}
