/**
 * Help while a formula is typed: `=QUO` lists the functions whose names start
 * so, with their one-line summary (ours from the specs, then the engine's
 * everyday ones); inside a call's brackets, its arguments show with the one
 * being typed in bold and its description.
 */
import { FUNCTIONS } from '../../core/registry';
import type { FunctionSpec } from '../../core/spec';
import { type MessageId, text } from '../../ui/messages';
import { formulaContext } from './formula-context';

interface Suggestion {
  readonly name: string;
  readonly summary: string;
  /** Argument names, optional ones in [brackets]. */
  readonly args: readonly string[];
  readonly spec?: FunctionSpec;
}

/** The engine's everyday functions: argument names, and the catalog id of their summary. */
const NATIVE: readonly (readonly [string, readonly string[], MessageId])[] = [
  ['SUM', ['value1', '[value2, …]'], 'playground.fn.SUM'],
  ['SUMIF', ['range', 'criterion', '[sum_range]'], 'playground.fn.SUMIF'],
  ['SUMIFS', ['sum_range', 'criteria_range1', 'criterion1', '[…]'], 'playground.fn.SUMIFS'],
  ['SUMPRODUCT', ['array1', '[array2, …]'], 'playground.fn.SUMPRODUCT'],
  ['AVERAGE', ['value1', '[value2, …]'], 'playground.fn.AVERAGE'],
  ['AVERAGEIF', ['range', 'criterion', '[average_range]'], 'playground.fn.AVERAGEIF'],
  ['COUNT', ['value1', '[value2, …]'], 'playground.fn.COUNT'],
  ['COUNTA', ['value1', '[value2, …]'], 'playground.fn.COUNTA'],
  ['COUNTIF', ['range', 'criterion'], 'playground.fn.COUNTIF'],
  ['COUNTIFS', ['criteria_range1', 'criterion1', '[…]'], 'playground.fn.COUNTIFS'],
  ['MIN', ['value1', '[value2, …]'], 'playground.fn.MIN'],
  ['MAX', ['value1', '[value2, …]'], 'playground.fn.MAX'],
  ['MEDIAN', ['value1', '[value2, …]'], 'playground.fn.MEDIAN'],
  ['ROUND', ['value', 'places'], 'playground.fn.ROUND'],
  ['IF', ['condition', 'value_if_true', '[value_if_false]'], 'playground.fn.IF'],
  ['IFERROR', ['value', 'value_if_error'], 'playground.fn.IFERROR'],
  ['AND', ['condition1', '[condition2, …]'], 'playground.fn.AND'],
  ['OR', ['condition1', '[condition2, …]'], 'playground.fn.OR'],
  ['INDEX', ['range', 'row', '[column]'], 'playground.fn.INDEX'],
  ['MATCH', ['value', 'range', '[match_type]'], 'playground.fn.MATCH'],
  ['VLOOKUP', ['value', 'range', 'column', '[is_sorted]'], 'playground.fn.VLOOKUP'],
  ['DATE', ['year', 'month', 'day'], 'playground.fn.DATE'],
  ['TODAY', [], 'playground.fn.TODAY'],
  ['EOMONTH', ['start_date', 'months'], 'playground.fn.EOMONTH'],
  ['TEXT', ['value', 'format'], 'playground.fn.TEXT'],
  ['TRIM', ['text'], 'playground.fn.TRIM'],
];

let catalog: readonly Suggestion[] | undefined;

/** Every function offered: ours first (in the registry's order), then the engine's, by name. */
export function suggestionCatalog(registered?: ReadonlySet<string>): readonly Suggestion[] {
  if (catalog) return catalog;
  const ours = FUNCTIONS.map((spec) => ({
    name: spec.name,
    summary: spec.summary,
    args: spec.params.map((param) => (param.optional ? `[${param.name}]` : param.name)),
    spec,
  }));
  const native = NATIVE.filter(([name]) => !registered || registered.has(name)).map(([name, args, id]) => ({ name, summary: text(id), args }));
  catalog = [...ours, ...native];
  return catalog;
}

/** Functions whose name starts with `prefix`, ours first. */
export function suggestionsFor(prefix: string, registered?: ReadonlySet<string>): readonly Suggestion[] {
  const upper = prefix.toUpperCase();
  return suggestionCatalog(registered).filter((s) => s.name.startsWith(upper));
}

const MAX_SHOWN = 8;

export class Autocomplete {
  private readonly list: HTMLElement;
  private readonly hint: HTMLElement;
  private items: readonly Suggestion[] = [];
  private active = 0;
  private replace?: { start: number; end: number };
  private input?: HTMLInputElement;
  private dismissed?: string;

  constructor(
    root: HTMLElement,
    private readonly registered?: ReadonlySet<string>,
  ) {
    this.list = document.createElement('div');
    this.list.className = 'pg-suggest';
    this.list.id = 'pg-suggest';
    this.list.setAttribute('role', 'listbox');
    this.list.setAttribute('aria-label', text('playground.autocomplete'));
    this.list.hidden = true;
    this.hint = document.createElement('div');
    this.hint.className = 'pg-arg-hint';
    this.hint.setAttribute('role', 'status');
    this.hint.hidden = true;
    root.append(this.list, this.hint);
    this.list.addEventListener('mousedown', (event) => {
      const option = (event.target as HTMLElement).closest('[data-name]') as HTMLElement | null;
      if (!option) return;
      event.preventDefault();
      this.active = Number(option.dataset.index);
      this.accept();
    });
  }

  get open(): boolean {
    return !this.list.hidden;
  }

  /** Follows the text and caret of the input being edited. */
  update(input: HTMLInputElement): void {
    this.input = input;
    const caret = input.selectionStart ?? input.value.length;
    const context = formulaContext(input.value, caret);
    const prefix = context.name?.prefix ?? '';
    const items = prefix && this.dismissed !== input.value ? suggestionsFor(prefix, this.registered).slice(0, MAX_SHOWN) : [];
    if (items.length === 1 && items[0].name === prefix.toUpperCase()) items.length = 0;
    this.items = items;
    this.active = 0;
    this.replace = context.name ? { start: context.name.start, end: caret } : undefined;
    this.renderList();
    this.renderHint(items.length > 0 ? undefined : context.call);
    this.place(input);
  }

  close(): void {
    this.list.hidden = true;
    this.hint.hidden = true;
    this.items = [];
    this.input?.removeAttribute('aria-activedescendant');
  }

  /** Keys for the list while it is open; true when the key was used. */
  handleKey(event: KeyboardEvent): boolean {
    if (!this.open) return false;
    switch (event.key) {
      case 'ArrowDown':
        this.active = (this.active + 1) % this.items.length;
        break;
      case 'ArrowUp':
        this.active = (this.active - 1 + this.items.length) % this.items.length;
        break;
      case 'Enter':
      case 'Tab':
        event.preventDefault();
        this.accept();
        return true;
      case 'Escape':
        this.dismissed = this.input?.value;
        this.close();
        event.preventDefault();
        return true;
      default:
        return false;
    }
    event.preventDefault();
    this.renderList();
    return true;
  }

  /** Writes the chosen name and its opening bracket in place of what was typed. */
  private accept(): void {
    const input = this.input;
    const chosen = this.items[this.active];
    if (!input || !chosen || !this.replace) return;
    const { start, end } = this.replace;
    const rest = input.value.slice(end);
    const insert = rest.startsWith('(') ? chosen.name : `${chosen.name}(`;
    input.value = input.value.slice(0, start) + insert + rest;
    const caret = start + insert.length + (rest.startsWith('(') ? 1 : 0);
    input.setSelectionRange(caret, caret);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }

  private renderList(): void {
    this.list.replaceChildren();
    if (this.items.length === 0) {
      this.list.hidden = true;
      this.input?.removeAttribute('aria-activedescendant');
      return;
    }
    this.items.forEach((item, index) => {
      const option = document.createElement('div');
      option.className = 'pg-suggest-item';
      option.id = `pg-suggest-${index}`;
      option.setAttribute('role', 'option');
      option.setAttribute('aria-selected', String(index === this.active));
      option.dataset.name = item.name;
      option.dataset.index = String(index);
      const name = document.createElement('span');
      name.className = 'pg-suggest-name';
      name.textContent = item.name;
      const summary = document.createElement('span');
      summary.className = 'pg-suggest-summary';
      summary.textContent = item.summary;
      option.append(name, summary);
      this.list.append(option);
    });
    this.list.hidden = false;
    this.input?.setAttribute('aria-activedescendant', `pg-suggest-${this.active}`);
  }

  private renderHint(call: { name: string; argument: number } | undefined): void {
    const fn = call ? suggestionCatalog(this.registered).find((s) => s.name === call.name) : undefined;
    if (!call || !fn) {
      this.hint.hidden = true;
      return;
    }
    const signature = document.createElement('div');
    signature.className = 'pg-arg-signature';
    signature.append(`${fn.name}(`);
    // Past the last argument, a repeating one ("[value2, …]") stays the current one.
    const current = Math.min(call.argument, fn.args.length - 1);
    fn.args.forEach((arg, index) => {
      if (index > 0) signature.append(', ');
      const part = document.createElement(index === current ? 'b' : 'span');
      part.textContent = arg;
      signature.append(part);
    });
    signature.append(')');
    this.hint.replaceChildren(signature);
    const param = fn.spec?.params[current];
    if (param) {
      const description = document.createElement('div');
      description.className = 'pg-arg-description';
      description.textContent = text('playground.argument', { name: param.name, description: param.description });
      this.hint.append(description);
    } else {
      const summary = document.createElement('div');
      summary.className = 'pg-arg-description';
      summary.textContent = fn.summary;
      this.hint.append(summary);
    }
    this.hint.hidden = false;
  }

  /** Under the input being edited, kept inside the window. */
  private place(input: HTMLInputElement): void {
    const box = input.getBoundingClientRect();
    for (const node of [this.list, this.hint]) {
      if (node.hidden) continue;
      const width = Math.min(440, window.innerWidth - 16);
      node.style.width = `${width}px`;
      node.style.left = `${Math.max(8, Math.min(box.left, window.innerWidth - width - 8))}px`;
      node.style.top = `${box.bottom + 4}px`;
    }
  }
}
