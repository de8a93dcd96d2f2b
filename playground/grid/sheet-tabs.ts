/**
 * The sheet tabs: click to show a sheet (while a formula is written, to point
 * at its cells), double-click to rename it in place,
 * right-click for rename and delete; the + button adds an empty sheet.
 */
import { text } from '../../ui/messages';
import type { Workbook } from '../workbook';
import type { MenuItems } from './context-menu';

export interface TabsHost {
  currentSheet(): number;
  showSheet(sheet: number): void;
  /** Whether a formula is being written where a reference fits: a tab then shows its sheet to point at, and the edit keeps the focus. */
  pointing(): boolean;
  /** Runs a workbook change, showing its refusal in the status line. */
  attempt(change: () => void): boolean;
  menu(items: MenuItems, x: number, y: number): void;
}

export class SheetTabs {
  private readonly list: HTMLElement;

  constructor(
    readonly element: HTMLElement,
    private readonly workbook: Workbook,
    private readonly host: TabsHost,
  ) {
    const add = document.createElement('button');
    add.type = 'button';
    add.className = 'pg-tab-add';
    add.textContent = '+';
    add.title = text('playground.sheet.add');
    add.setAttribute('aria-label', text('playground.sheet.add'));
    add.addEventListener('click', () => {
      let added: number | undefined;
      if (this.host.attempt(() => (added = this.workbook.addBlankSheet())) && added !== undefined) this.host.showSheet(added);
    });
    this.list = document.createElement('div');
    this.list.className = 'pg-tabs';
    this.list.setAttribute('role', 'tablist');
    this.list.setAttribute('aria-label', text('playground.sheets'));
    element.replaceChildren(add, this.list);
  }

  render(): void {
    const names = this.workbook.sheetNames();
    const tabs = Array.from(this.list.querySelectorAll<HTMLElement>('.pg-tab'));
    if (tabs.length === names.length && tabs.every((tab, i) => tab.dataset.sheet === names[i])) {
      // The same sheets: only which one is shown changes (so a double-click on a tab survives its first click).
      for (const tab of tabs) tab.setAttribute('aria-selected', String(this.workbook.sheetId(tab.dataset.sheet ?? '') === this.host.currentSheet()));
      return;
    }
    this.list.replaceChildren();
    for (const name of this.workbook.sheetNames()) {
      const id = this.workbook.sheetId(name);
      const tab = document.createElement('button');
      tab.type = 'button';
      tab.className = 'pg-tab';
      tab.textContent = name;
      tab.setAttribute('role', 'tab');
      tab.setAttribute('aria-selected', String(id === this.host.currentSheet()));
      tab.dataset.sheet = name;
      tab.addEventListener('mousedown', (event) => {
        if (this.host.pointing()) event.preventDefault();
      });
      tab.addEventListener('click', () => this.host.showSheet(id));
      tab.addEventListener('dblclick', () => this.rename(tab, id));
      tab.addEventListener('contextmenu', (event) => {
        event.preventDefault();
        this.host.menu(
          [
            { id: 'playground.sheet.rename', run: () => this.rename(tab, id) },
            { id: 'playground.sheet.delete', run: () => this.host.attempt(() => this.workbook.removeSheet(id)), disabled: this.workbook.sheetNames().length <= 1 },
          ],
          event.clientX,
          event.clientY,
        );
      });
      this.list.append(tab);
    }
    this.list.querySelector<HTMLElement>('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  /** An input in place of the tab; Enter or leaving it renames, Escape keeps the name. */
  private rename(tab: HTMLElement, sheet: number): void {
    const input = document.createElement('input');
    input.className = 'pg-tab-rename';
    input.value = this.workbook.sheetName(sheet);
    input.setAttribute('aria-label', text('playground.sheet.rename'));
    input.size = Math.max(6, input.value.length + 1);
    tab.replaceWith(input);
    input.focus();
    input.select();
    let done = false;
    const finish = (save: boolean) => {
      if (done) return;
      done = true;
      if (save) this.host.attempt(() => this.workbook.renameSheet(sheet, input.value));
      this.render();
    };
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') finish(true);
      else if (event.key === 'Escape') finish(false);
    });
    input.addEventListener('blur', () => finish(true));
  }
}
