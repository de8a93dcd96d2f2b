/**
 * A right-click menu (also on the context-menu key and Shift+F10): a list of
 * actions, moved through with the arrow keys, closed with Escape or a click
 * elsewhere. The grid and the sheet tabs say what is in it.
 */
import type { MessageId } from '../../ui/messages';
import { text } from '../../ui/messages';

export interface MenuItem {
  readonly id: MessageId;
  readonly values?: Record<string, number | string>;
  readonly run: () => void;
  readonly disabled?: boolean;
}

/** Items, with null where a separator goes. */
export type MenuItems = readonly (MenuItem | null)[];

export class ContextMenu {
  private readonly menu: HTMLElement;
  private restore?: HTMLElement | null;

  constructor(root: HTMLElement) {
    this.menu = document.createElement('div');
    this.menu.className = 'pg-menu';
    this.menu.setAttribute('role', 'menu');
    this.menu.setAttribute('aria-label', text('playground.menu'));
    this.menu.hidden = true;
    root.append(this.menu);
    this.menu.addEventListener('keydown', (event) => this.onKey(event));
    document.addEventListener('mousedown', (event) => {
      if (!this.menu.hidden && !this.menu.contains(event.target as Node)) this.close(false);
    });
    window.addEventListener('blur', () => this.close(false));
    window.addEventListener('resize', () => this.close(false));
  }

  get open(): boolean {
    return !this.menu.hidden;
  }

  show(items: MenuItems, x: number, y: number): void {
    this.restore = document.activeElement as HTMLElement | null;
    this.menu.replaceChildren();
    for (const item of items) {
      if (!item) {
        const separator = document.createElement('div');
        separator.className = 'pg-menu-separator';
        separator.setAttribute('role', 'separator');
        this.menu.append(separator);
        continue;
      }
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'pg-menu-item';
      button.setAttribute('role', 'menuitem');
      button.dataset.action = item.id;
      button.textContent = text(item.id, item.values);
      button.disabled = item.disabled ?? false;
      button.tabIndex = -1;
      button.addEventListener('click', () => {
        this.close(true);
        item.run();
      });
      this.menu.append(button);
    }
    this.menu.hidden = false;
    const { width, height } = this.menu.getBoundingClientRect();
    this.menu.style.left = `${Math.max(4, Math.min(x, window.innerWidth - width - 4))}px`;
    this.menu.style.top = `${Math.max(4, Math.min(y, window.innerHeight - height - 4))}px`;
    this.buttons()[0]?.focus();
  }

  close(restoreFocus = true): void {
    if (this.menu.hidden) return;
    this.menu.hidden = true;
    if (restoreFocus) this.restore?.focus({ preventScroll: true });
  }

  private buttons(): HTMLButtonElement[] {
    return Array.from(this.menu.querySelectorAll<HTMLButtonElement>('.pg-menu-item:not(:disabled)'));
  }

  private onKey(event: KeyboardEvent): void {
    const buttons = this.buttons();
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = event.key === 'ArrowDown' ? index + 1 : index - 1;
      buttons[(next + buttons.length) % buttons.length]?.focus();
    } else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      this.close(true);
    }
  }
}
