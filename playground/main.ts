/** The playground page: the demo workbook in a grid, with the sidebar docked beside it. */
import { NOTICES_FILE } from '../core/notices';
import { mountSidebar } from '../sidebar/mount';
import { demoSheets } from './demo';
import { Grid } from './grid';
import { createPlaygroundHost } from './host';
import { Workbook } from './workbook';

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function start(root: HTMLElement): void {
  const workbook = new Workbook();
  for (const sheet of demoSheets()) workbook.insertPlan(sheet);

  const topbar = element('header', 'pg-topbar');
  const brand = element('div', 'pg-brand');
  brand.append(element('span', 'pg-logo', 'Σ'), element('span', 'pg-product', 'SalesOps Formulas'), element('span', 'pg-badge', 'Playground'));
  topbar.append(brand, element('p', 'pg-tagline', 'A local workbook: everything runs in this page, nothing is sent anywhere.'));

  const formulaBar = element('div', 'pg-formula-bar');
  const nameBox = element('input', 'pg-namebox');
  nameBox.readOnly = true;
  nameBox.setAttribute('aria-label', 'Selected cell');
  const formulaInput = element('input', 'pg-formula-input');
  formulaInput.setAttribute('aria-label', 'Formula bar');
  formulaInput.spellcheck = false;
  formulaInput.autocomplete = 'off';
  formulaBar.append(nameBox, element('span', 'pg-fx', 'fx'), formulaInput);

  const viewport = element('div', 'pg-viewport');
  viewport.tabIndex = 0;
  viewport.setAttribute('aria-label', 'Sheet');
  const tabs = element('div', 'pg-tabs');
  tabs.setAttribute('role', 'tablist');
  tabs.setAttribute('aria-label', 'Sheets');
  const status = element('div', 'pg-status');
  status.setAttribute('aria-live', 'polite');
  const notice = element('a', 'pg-notice', 'Formula engine: HyperFormula (GPL-3.0)');
  notice.href = NOTICES_FILE;
  const footer = element('div', 'pg-footer');
  footer.append(tabs, status, notice);

  const sheetArea = element('main', 'pg-sheet-area');
  sheetArea.append(formulaBar, viewport, footer);
  const sidebar = element('aside', 'pg-sidebar');
  sidebar.setAttribute('aria-label', 'SalesOps sidebar');
  const body = element('div', 'pg-body');
  body.append(sheetArea, sidebar);
  root.replaceChildren(topbar, body);

  const grid = new Grid(workbook, { viewport, nameBox, formulaInput, tabs, status });
  const host = createPlaygroundHost(workbook, {
    selection: () => ({ sheet: grid.sheet, range: grid.selection }),
    showSheet: (sheet) => grid.showSheet(sheet),
    locale: navigator.language,
  });
  mountSidebar(sidebar, host);
  viewport.focus();
  document.body.dataset.ready = 'true';
}

const root = document.getElementById('app');
if (root) start(root);
