/** The playground page: the demo workbook in a grid, with the sidebar docked beside it (and folded away on demand). */
import { NOTICES_FILE } from '../core/notices';
import { mountSidebar } from '../sidebar/mount';
import { setLocale, text } from '../ui/messages';
import { mountCharts } from './chart-layer';
import { Grid } from './grid/grid';
import { createPlaygroundHost } from './host';
import { NoticeBar } from './io/notice-bar';
import { type Session, startSession } from './io/session';
import { type KeyValueStore, openBrowserStore } from './io/storage';
import { mountWorkbookMenu } from './io/workbook-menu';
import { Workbook } from './workbook';

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, content?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (content !== undefined) node.textContent = content;
  return node;
}

/** Below this width the sidebar starts folded and opens over the grid. */
const NARROW = '(max-width: 760px)';

async function start(root: HTMLElement): Promise<void> {
  setLocale(navigator.language);
  const workbook = new Workbook();
  // The saved workbook, or the demo; either way it opens with nothing to undo.
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
  addEventListener('pagehide', () => void session.autosave?.flush(true));
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void session.autosave?.flush(true);
  });

  const topbar = element('header', 'pg-topbar');
  const brand = element('div', 'pg-brand');
  brand.append(element('span', 'pg-logo', 'Σ'), element('span', 'pg-product', text('product.name')), element('span', 'pg-badge', text('playground.badge')));
  const sidebarToggle = element('button', 'pg-sidebar-toggle');
  sidebarToggle.type = 'button';
  sidebarToggle.setAttribute('aria-controls', 'pg-sidebar');
  const menu = element('div', 'pg-workbook-menu');
  topbar.append(brand, element('p', 'pg-tagline', text('playground.tagline')), menu, sidebarToggle);

  const toolbar = element('div', 'pg-toolbar-row');
  const formulaBar = element('div', 'pg-formula-bar');
  const nameBox = element('input', 'pg-namebox');
  nameBox.readOnly = true;
  nameBox.setAttribute('aria-label', text('playground.namebox'));
  const formulaInput = element('input', 'pg-formula-input');
  formulaInput.setAttribute('aria-label', text('playground.formulaBar'));
  formulaInput.spellcheck = false;
  formulaInput.autocomplete = 'off';
  formulaBar.append(nameBox, element('span', 'pg-fx', 'fx'), formulaInput);
  const cellNote = element('div', 'pg-cell-note');
  cellNote.setAttribute('role', 'status');

  const viewport = element('div', 'pg-viewport');
  viewport.tabIndex = 0;
  viewport.setAttribute('aria-label', text('playground.sheetArea'));
  const tabs = element('div', 'pg-tab-bar');
  const status = element('div', 'pg-status');
  status.setAttribute('aria-live', 'polite');
  const notice = element('a', 'pg-notice', text('playground.notice'));
  notice.href = NOTICES_FILE;
  const footer = element('div', 'pg-footer');
  footer.append(tabs, status, notice);

  const sheetArea = element('main', 'pg-sheet-area');
  sheetArea.append(toolbar, formulaBar, cellNote, viewport, footer);
  const sidebar = element('aside', 'pg-sidebar');
  sidebar.id = 'pg-sidebar';
  sidebar.setAttribute('aria-label', text('playground.sidebar'));
  const body = element('div', 'pg-body');
  body.append(sheetArea, sidebar);
  const overlays = element('div', 'pg-overlays');
  root.replaceChildren(topbar, noticeBar.element, body, overlays);

  const setSidebar = (open: boolean) => {
    body.classList.toggle('is-sidebar-closed', !open);
    sidebar.hidden = !open;
    sidebarToggle.setAttribute('aria-expanded', String(open));
    sidebarToggle.textContent = text(open ? 'playground.sidebar.hide' : 'playground.sidebar.show');
  };
  setSidebar(!window.matchMedia(NARROW).matches);
  sidebarToggle.addEventListener('click', () => setSidebar(sidebar.hidden));

  const grid = new Grid(workbook, { viewport, nameBox, formulaInput, cellNote, tabs, status, toolbar, overlays });
  mountCharts(workbook, viewport, () => grid.sheet);
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
