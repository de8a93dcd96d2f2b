/**
 * A template's form, drawn from its declared fields (core/templates/fields.ts):
 * one control per field, in order, showing only the fields that apply, with
 * each problem written beside the field it belongs to. Numbers are typed the
 * way the user's language writes them; percentages are typed as percentages
 * (80 is 80%) and kept as fractions.
 */
import {
  type Field,
  type FieldProblem,
  type FieldValues,
  type PairsField,
  type PercentLimit,
  defaultValues,
  isShown,
} from '../core/templates/fields';
import { currentLocale, declaredText, text } from '../ui/messages';
import { amountText, parseLocalNumber, percentText } from '../ui/number-input';
import { el, uniqueId } from './dom';
import type { Host } from './host';
import { type SourceListener, rowsSource } from './rows-source';

type Values = Record<string, unknown>;

export interface FieldForm {
  /** What the form holds now, as typed (text that is not a number kept as text): check it with checkTemplate. */
  values(): FieldValues;
  /** Writes each problem beside its field (and clears the others). */
  showProblems(problems: readonly FieldProblem<string>[]): void;
}

/** Text that does not read as a number is kept as typed, so the check names it ('missing') rather than losing it. */
function numberFrom(typed: string, percent: boolean): number | string | null {
  const value = parseLocalNumber(typed, currentLocale());
  if (value === undefined) return typed;
  if (value === null || !percent) return value;
  // "80" in a percentage field is 80%; "80%" has already been divided.
  return typed.includes('%') ? value : value / 100;
}

function numberShown(value: unknown, percent: boolean): string {
  if (typeof value === 'string') return value;
  if (typeof value !== 'number') return '';
  return percent ? percentText(value, currentLocale()) : amountText(value, currentLocale());
}

/**
 * Draws `fields` into `container`; `changed` runs after every edit. `host` lets
 * a rows field read a table the user selects in the workbook; `onSource` hears
 * which table and columns it reads.
 */
export function renderFieldForm(container: HTMLElement, fields: readonly Field[], changed: () => void, host?: Host, onSource?: SourceListener): FieldForm {
  const values = defaultValues(fields) as Values;
  /** Where each field's problems are written, by field path ("tiers", "draw.amount"). */
  let problemSlots = new Map<string, HTMLElement>();

  const draw = () => {
    const focused = (document.activeElement as HTMLElement | null)?.dataset?.field;
    problemSlots = new Map();
    container.replaceChildren(...controls(fields, values, ''));
    if (focused) container.querySelector<HTMLElement>(`[data-field="${CSS.escape(focused)}"]`)?.focus();
  };

  /** The controls of `list`, reading and writing `target` (the form's values, or a group's). */
  function controls(list: readonly Field[], target: Values, at: string): HTMLElement[] {
    return list.filter((field) => isShown(field, target)).map((field) => control(field, target, `${at}${field.key}`));
  }

  function slot(path: string): HTMLElement {
    const problem = el('p', { className: 'so-field-problem', attrs: { 'aria-live': 'polite' } });
    problemSlots.set(path, problem);
    return problem;
  }

  function numberInput(path: string, value: unknown, percent: boolean, label: string, write: (value: unknown) => void): HTMLElement {
    const input = el('input', {
      className: 'so-input so-number',
      attrs: { type: 'text', inputmode: 'decimal', autocomplete: 'off', 'data-field': path, 'aria-label': label, value: numberShown(value, percent) },
    });
    input.addEventListener('input', () => {
      write(numberFrom(input.value, percent));
      changed();
    });
    if (!percent) return input;
    return el('span', { className: 'so-percent' }, [input, el('span', { className: 'so-suffix', text: '%', attrs: { 'aria-hidden': 'true' } })]);
  }

  function control(field: Field, target: Values, path: string): HTMLElement {
    const id = uniqueId('so-field');
    const label = declaredText(field.label);
    const wrapper = el('div', { className: `so-field so-field-${field.kind}`, attrs: { 'data-path': path } });
    const help = field.help ? el('p', { className: 'so-field-help', text: declaredText(field.help) }) : null;
    switch (field.kind) {
      case 'choice': {
        const select = el('select', { className: 'so-input', attrs: { id, 'data-field': path } });
        for (const option of field.options) {
          const item = el('option', { text: declaredText(`${field.label}.${option}`), attrs: { value: option } });
          item.selected = target[field.key] === option;
          select.append(item);
        }
        select.addEventListener('change', () => {
          target[field.key] = select.value;
          draw(); // other fields may show or hide
          changed();
        });
        wrapper.append(el('label', { className: 'so-field-label', text: label, attrs: { for: id } }), select);
        break;
      }
      case 'percent':
      case 'money': {
        const input = numberInput(path, target[field.key], field.kind === 'percent', label, (value) => (target[field.key] = value));
        (input.querySelector('input') ?? input).setAttribute('id', id);
        wrapper.append(el('label', { className: 'so-field-label', text: label, attrs: { for: id } }), input);
        break;
      }
      case 'boolean': {
        const box = el('input', { attrs: { type: 'checkbox', id, 'data-field': path } });
        box.checked = target[field.key] === true;
        box.addEventListener('change', () => {
          target[field.key] = box.checked;
          changed();
        });
        wrapper.append(el('label', { className: 'so-check' }, [box, label]));
        break;
      }
      case 'group': {
        const box = el('input', { attrs: { type: 'checkbox', id, 'data-field': path } });
        box.checked = target[field.key] !== null && target[field.key] !== undefined;
        box.addEventListener('change', () => {
          target[field.key] = box.checked ? defaultValues(field.fields) : null;
          draw();
          changed();
        });
        wrapper.append(el('label', { className: 'so-check' }, [box, label]));
        const inner = target[field.key];
        if (inner && typeof inner === 'object') {
          wrapper.append(el('div', { className: 'so-field-members' }, controls(field.fields, inner as Values, `${path}.`)));
        }
        break;
      }
      case 'pairs':
        wrapper.append(el('p', { className: 'so-field-label', text: label, attrs: { id } }), pairsTable(field, target, path, id));
        break;
      case 'rows':
        wrapper.append(el('p', { className: 'so-field-label', text: label }), rowsSource(field, target, host, changed, onSource));
        break;
      default:
        field satisfies never;
    }
    if (help) wrapper.append(help);
    wrapper.append(slot(path));
    return wrapper;
  }

  function pairsTable(field: PairsField, target: Values, path: string, labelId: string): HTMLElement {
    const rows = (Array.isArray(target[field.key]) ? target[field.key] : []) as Values[];
    target[field.key] = rows;
    const [first, second] = field.columns;
    const isPercent = (limit: PercentLimit) => limit === 'rate' || limit === 'share';
    const table = el('table', { className: 'so-pairs', attrs: { 'aria-labelledby': labelId } });
    table.append(
      el('thead', {}, [el('tr', {}, [el('th', { text: declaredText(first.label) }), el('th', { text: declaredText(second.label) }), el('th')])]),
    );
    const body = el('tbody');
    rows.forEach((row, k) => {
      const cells = field.columns.map((column) =>
        el('td', {}, [
          numberInput(`${path}[${k}].${column.key}`, row[column.key], isPercent(column.limit), text('sidebar.form.cell', { column: declaredText(column.label), row: k + 1 }), (value) => {
            row[column.key] = value;
          }),
        ]),
      );
      const remove = el('button', {
        className: 'so-icon-button',
        text: '×',
        attrs: { type: 'button', 'aria-label': text('sidebar.form.removeRow', { row: k + 1 }) },
      });
      remove.disabled = rows.length <= field.minRows;
      remove.addEventListener('click', () => {
        rows.splice(k, 1);
        draw();
        changed();
      });
      body.append(el('tr', {}, [...cells, el('td', {}, [remove])]));
    });
    table.append(body);
    const add = el('button', { className: 'so-button so-button-small', text: text('sidebar.form.addRow'), attrs: { type: 'button' } });
    add.disabled = rows.length >= field.maxRows;
    add.addEventListener('click', () => {
      const last = rows[rows.length - 1];
      // A new row starts a step above the last one, so the table stays in order.
      const from = typeof last?.[first.key] === 'number' ? (last[first.key] as number) + 0.25 : 0;
      const to = typeof last?.[second.key] === 'number' ? last[second.key] : 0;
      rows.push({ [first.key]: from, [second.key]: to });
      draw();
      changed();
    });
    return el('div', { className: 'so-pairs-wrap' }, [table, add]);
  }

  draw();
  return {
    values: () => values,
    showProblems(problems) {
      for (const slotElement of problemSlots.values()) slotElement.replaceChildren();
      container.querySelectorAll('[aria-invalid]').forEach((input) => input.removeAttribute('aria-invalid'));
      for (const problem of problems) {
        container.querySelector(`[data-field="${CSS.escape(problem.field)}"]`)?.setAttribute('aria-invalid', 'true');
        const owner = ownerSlot(problem.field);
        if (!owner) continue;
        const message = declaredText(`template.problem.${problem.code}`);
        const row = /\[(\d+)\]/.exec(problem.field.slice(owner.path.length));
        owner.slot.append(el('span', { text: row ? text('sidebar.form.inRow', { row: Number(row[1]) + 1, message }) : message }));
      }
    },
  };

  /** The slot of the field a problem belongs to: its own, or the table's for a cell ("tiers[1].from" → "tiers"). */
  function ownerSlot(field: string): { path: string; slot: HTMLElement } | undefined {
    for (let path = field; path; ) {
      const found = problemSlots.get(path);
      if (found) return { path, slot: found };
      const cut = Math.max(path.lastIndexOf('['), path.lastIndexOf('.'));
      path = cut > 0 ? path.slice(0, cut) : '';
    }
    return undefined;
  }
}
