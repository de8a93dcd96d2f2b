/**
 * Where a rows field's rows come from: the template's example rows, or a table
 * the user selects in the workbook (header row included), with a choice of
 * which column holds what. The rows land in the form's values; the template's
 * checks then say what is wrong with them, row by row.
 */
import { type RowColumn, type RowsField, isShown } from '../core/templates/fields';
import { type ColumnPicks, type SourceTable, guessPicks, readSourceTable, rowsFromTable } from '../core/templates/source-table';
import { columnName } from '../core/a1';
import { declaredText, text } from '../ui/messages';
import { el, errorMessage, nextTask, uniqueId } from './dom';
import type { Host } from './host';

interface SourceState {
  from: 'examples' | 'workbook';
  table?: SourceTable;
  picks?: ColumnPicks;
}

/** The form's state for each rows field, kept across redraws (a plan kind change redraws the form). */
const states = new WeakMap<object, SourceState>();

/** Hears which table and columns a rows field reads now (none: its example rows). */
export type SourceListener = (field: RowsField, source: { table: SourceTable; picks: ColumnPicks } | undefined) => void;

export function rowsSource(
  field: RowsField,
  target: Record<string, unknown>,
  host: Host | undefined,
  changed: () => void,
  onSource?: SourceListener,
): HTMLElement {
  const state = states.get(target) ?? { from: 'examples' };
  states.set(target, state);
  const shownColumns = () => field.columns.filter((column) => isShown(column, target));
  const wrapper = el('div', { className: 'so-rows-source' });
  const name = uniqueId('so-source');

  /** Reads the rows, then (after `pause`) tells the form, which checks them. */
  const apply = async (pause?: () => Promise<void>) => {
    const source = state.from === 'workbook' && state.table && state.picks ? { table: state.table, picks: state.picks } : undefined;
    target[field.key] = source ? rowsFromTable(source.table, shownColumns(), source.picks) : null;
    if (pause) await pause();
    onSource?.(field, source);
    changed();
  };

  const choice = (value: SourceState['from'], label: string) => {
    const radio = el('input', { attrs: { type: 'radio', name, value, 'data-field': `${field.key}.source.${value}` } });
    radio.checked = state.from === value;
    radio.addEventListener('change', () => {
      state.from = value;
      apply();
      draw();
    });
    return el('label', { className: 'so-check so-radio' }, [radio, label]);
  };

  const draw = () => {
    wrapper.replaceChildren(
      choice('examples', text('sidebar.rows.examples', { count: field.examples })),
      choice('workbook', text('sidebar.rows.workbook')),
    );
    if (state.from !== 'workbook') return;
    const status = el('p', { className: 'so-field-help', text: text('sidebar.rows.selectHint') });
    const use = el('button', { className: 'so-button so-button-small', text: text('sidebar.rows.useSelection'), attrs: { type: 'button' } });
    use.disabled = !host;
    use.addEventListener('click', async () => {
      try {
        // Each step its own task, so a 250,000-row selection never holds the page for long.
        const matrix = await host!.readSelection();
        await nextTask();
        const table = readSourceTable(matrix);
        if (table.rows.length === 0) {
          status.textContent = text('sidebar.rows.emptySelection');
          return;
        }
        state.table = table;
        state.picks = guessPicks(table, shownColumns());
        await nextTask();
        await apply(nextTask);
        draw();
      } catch (error) {
        status.textContent = errorMessage(error);
      }
    });
    wrapper.append(el('div', { className: 'so-rows-pick' }, [use, status]));
    if (state.table && state.picks) wrapper.append(pickers(state.table, state.picks), el('p', { className: 'so-field-help', text: text('sidebar.rows.read', { count: state.table.rows.length }) }));
  };

  const header = (table: SourceTable, c: number) => table.headers[c] ?? text('sidebar.rows.column', { column: columnName(c) });

  const pickers = (table: SourceTable, picks: ColumnPicks) => {
    const list = el('div', { className: 'so-rows-columns' });
    for (const column of shownColumns()) list.append(picker(table, picks, column));
    return list;
  };

  const picker = (table: SourceTable, picks: ColumnPicks, column: RowColumn) => {
    const id = uniqueId('so-pick');
    const label = el('label', { className: 'so-field-label', text: declaredText(column.label), attrs: { for: id } });
    const pick = picks[column.key];
    if (column.kind === 'money-list') {
      // One checkbox per table column: the periods, in the order the table has them.
      const chosen = new Set(Array.isArray(pick) ? pick : []);
      const boxes = table.headers.map((_, c) => {
        const box = el('input', { attrs: { type: 'checkbox', 'data-field': `${field.key}.pick.${column.key}.${c}` } });
        box.checked = chosen.has(c);
        box.addEventListener('change', () => {
          if (box.checked) chosen.add(c);
          else chosen.delete(c);
          state.picks = { ...state.picks, [column.key]: [...chosen].sort((a, b) => a - b) };
          apply();
        });
        return el('label', { className: 'so-check so-pick-period' }, [box, header(table, c)]);
      });
      return el('fieldset', { className: 'so-field so-periods' }, [el('legend', { className: 'so-field-label', text: declaredText(column.label) }), ...boxes]);
    }
    const select = el('select', { className: 'so-input', attrs: { id, 'data-field': `${field.key}.pick.${column.key}` } });
    // An optional column may be left out: its own option, chosen while no column is picked.
    if (column.optional) {
      const none = el('option', { text: text('sidebar.rows.none'), attrs: { value: '-1' } });
      none.selected = pick === -1 || pick === undefined;
      select.append(none);
    }
    table.headers.forEach((_, c) => {
      const option = el('option', { text: header(table, c), attrs: { value: String(c) } });
      option.selected = pick === c;
      select.append(option);
    });
    select.addEventListener('change', () => {
      state.picks = { ...state.picks, [column.key]: Number(select.value) };
      apply();
    });
    return el('div', { className: 'so-field' }, [label, select]);
  };

  draw();
  return wrapper;
}
