/** The playground page: the demo workbook in a grid, with the sidebar docked beside it. */
import { NOTICES_FILE } from '../core/notices';
import { mountSidebar } from '../sidebar/mount';
import { text } from '../ui/messages';
import { Grid } from './grid';
import { createPlaygroundHost } from './host';
import { NoticeBar } from './io/notice-bar';
import { type Session, startSession } from './io/session';
import { type KeyValueStore, openBrowserStore } from './io/storage';
import { mountWorkbookMenu } from './io/workbook-menu';
import { Workbook } from './workbook';

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

async function start(root: HTMLElement): Promise<void> {
  const workbook = new Workbook();
  const store: KeyValueStore | undefined = await openBrowserStore().catch(() => undefined);
  const noticeBar = new NoticeBar();
  const session: Session = await startSession(workbook, store, (error) => {
    document.body.dataset.saved = error ? 'failed' : 'true';
    if (error) noticeBar.show(text('workbook.saveFailed'), 'error');
  });
  workbook.onChange(() => {
    document.body.dataset.saved = 'pending';
  });
  // Leaving the page saves what the last moment changed.
  addEventListener('pagehide', () => void session.autosave?.flush());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void session.autosave?.flush();
  });

  const topbar = element('header', 'pg-topbar');
  const brand = element('div', 'pg-brand');
  brand.append(element('span', 'pg-logo', 'Σ'), element('span', 'pg-product', 'SalesOps Formulas'), element('span', 'pg-badge', 'Playground'));
  const menu = element('div', 'pg-menu');
  topbar.append(brand, element('p', 'pg-tagline', 'A local workbook: everything runs in this page, nothing is sent anywhere.'), menu);

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
  root.replaceChildren(topbar, noticeBar.element, body);

  const grid = new Grid(workbook, { viewport, nameBox, formulaInput, tabs, status });
  const host = createPlaygroundHost(workbook, {
    selection: () => ({ sheet: grid.sheet, range: grid.selection }),
    showSheet: (sheet) => grid.showSheet(sheet),
    locale: navigator.language,
  });
  mountSidebar(sidebar, host);
  mountWorkbookMenu({ workbook, grid, bar: menu, dropTarget: viewport, notice: noticeBar });
  if (session.problem?.kind === 'unreadable') noticeBar.show(text('workbook.unreadableSaved', { key: session.problem.key }), 'error');
  else if (session.problem?.kind === 'no-storage') noticeBar.show(text('workbook.noStorage'), 'error');
  viewport.focus();
  document.body.dataset.ready = 'true';
}

const root = document.getElementById('app');
if (root) void start(root);
