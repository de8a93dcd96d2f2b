/**
 * The sidebar UI, written once for every host: a header, one tab per feature,
 * and each feature's panel. Plain DOM, text only (see dom.ts).
 */
import { setLocale, text } from '../ui/messages';
import { el, uniqueId } from './dom';
import type { SidebarFeature } from './features/feature';
import { functionsFeature } from './features/functions';
import { templatesFeature } from './features/templates';
import type { Host } from './host';

export type { SidebarFeature } from './features/feature';

/** The features the sidebar shows, in tab order. */
export const FEATURES: readonly SidebarFeature[] = [templatesFeature, functionsFeature];

export function mountSidebar(root: HTMLElement, host: Host, features: readonly SidebarFeature[] = FEATURES): void {
  setLocale(host.locale);
  root.replaceChildren();
  const app = el('div', { className: 'so-sidebar' });
  app.append(
    el('header', { className: 'so-header' }, [
      el('span', { className: 'so-logo', text: 'Σ', attrs: { 'aria-hidden': 'true' } }),
      el('div', { className: 'so-heading' }, [
        el('h1', { className: 'so-title', text: text('product.name') }),
        el('p', { className: 'so-host', text: text('sidebar.inHost', { host: host.name }) }),
      ]),
    ]),
  );

  const tabList = el('div', { className: 'so-tabs', attrs: { role: 'tablist', 'aria-label': text('sidebar.sections') } });
  const tabs: HTMLButtonElement[] = [];
  const panels: HTMLElement[] = [];
  for (const feature of features) {
    const tabId = uniqueId(`so-tab-${feature.id}`);
    const panelId = uniqueId(`so-panel-${feature.id}`);
    const tab = el('button', {
      className: 'so-tab',
      text: feature.label(),
      attrs: { type: 'button', role: 'tab', id: tabId, 'aria-controls': panelId, 'data-feature': feature.id },
    });
    const panel = el('div', {
      className: 'so-panel',
      attrs: { role: 'tabpanel', id: panelId, 'aria-labelledby': tabId, tabindex: '0', 'data-feature': feature.id },
    });
    feature.render(panel, host);
    tabs.push(tab);
    panels.push(panel);
    tabList.append(tab);
  }

  const select = (index: number, focus = false) => {
    tabs.forEach((tab, i) => {
      const selected = i === index;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      panels[i].hidden = !selected;
    });
    if (focus) tabs[index].focus();
  };
  tabs.forEach((tab, i) => {
    tab.addEventListener('click', () => select(i));
    tab.addEventListener('keydown', (event) => {
      const moves: Record<string, number> = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 };
      if (!(event.key in moves)) return;
      event.preventDefault();
      select((moves[event.key] + tabs.length) % tabs.length, true);
    });
  });

  if (features.length > 1) app.append(tabList);
  app.append(el('div', { className: 'so-panels' }, panels));
  if (tabs.length > 0) select(0);
  root.append(app);
}
