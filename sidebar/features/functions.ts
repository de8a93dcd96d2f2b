/** Quick help: every function with its arguments and one-line summary, grouped and filterable. */
import { CATEGORY_TITLES, FUNCTIONS } from '../../core/registry';
import type { FunctionSpec } from '../../core/spec';
import { text } from '../../ui/messages';
import { el, uniqueId } from '../dom';
import type { Host } from '../host';
import type { SidebarFeature } from './feature';

/** How a call reads in this host (Excel puts custom functions in the SALESOPS namespace). */
export function signature(spec: FunctionSpec, host: Pick<Host, 'functionPrefix'>): string {
  const prefix = host.functionPrefix;
  const params = spec.params.map((param) => (param.optional ? `[${param.name}]` : param.name));
  return `${prefix}${spec.name}(${params.join(', ')})`;
}

function functionItem(spec: FunctionSpec, host: Host): HTMLLIElement {
  return el('li', { className: 'so-fn', attrs: { 'data-name': spec.name } }, [
    el('code', { className: 'so-fn-signature', text: signature(spec, host) }),
    el('p', { className: 'so-fn-summary', text: spec.summary }),
  ]);
}

export const functionsFeature: SidebarFeature = {
  id: 'functions',
  label: () => text('sidebar.tab.functions'),
  render(panel, host) {
    const searchId = uniqueId('so-fn-search');
    const search = el('input', {
      className: 'so-input',
      attrs: { id: searchId, type: 'search', placeholder: text('sidebar.functions.filter'), autocomplete: 'off', spellcheck: 'false' },
    });
    const empty = el('p', { className: 'so-muted', text: text('sidebar.functions.none') });
    empty.hidden = true;
    panel.append(
      el('label', { className: 'so-visually-hidden', text: text('sidebar.functions.filter'), attrs: { for: searchId } }),
      search,
    );

    const groups: { section: HTMLElement; items: { li: HTMLElement; text: string }[] }[] = [];
    const categories = [...new Set(FUNCTIONS.map((spec) => spec.category))];
    for (const category of categories) {
      const specs = FUNCTIONS.filter((spec) => spec.category === category);
      const list = el('ul', { className: 'so-fn-list' });
      const items = specs.map((spec) => {
        const li = functionItem(spec, host);
        list.append(li);
        return { li, text: `${spec.name} ${spec.summary}`.toLowerCase() };
      });
      const section = el('section', { className: 'so-fn-group' }, [
        el('h2', { className: 'so-group-title', text: CATEGORY_TITLES[category] ?? category }),
        list,
      ]);
      groups.push({ section, items });
      panel.append(section);
    }
    panel.append(empty);

    search.addEventListener('input', () => {
      const words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
      let shown = 0;
      for (const group of groups) {
        let groupShown = 0;
        for (const item of group.items) {
          const match = words.every((word) => item.text.includes(word));
          item.li.hidden = !match;
          if (match) groupShown++;
        }
        group.section.hidden = groupShown === 0;
        shown += groupShown;
      }
      empty.hidden = shown > 0;
    });
  },
};
