/**
 * The workbook menu: Open… (or drop a file on the grid), Download .xlsx, New
 * workbook and Restore demo data, each one click. Opening adds sheets in one
 * step of the workbook's history (Undo takes it back); New and Restore replace
 * the whole workbook, also as one step, so Ctrl+Z (or the notice's Undo)
 * brings back what they replaced and nothing typed before is lost.
 */
import { text } from '../../ui/messages';
import type { Grid } from '../grid/grid';
import type { Workbook } from '../workbook';
import { bookData } from './book-data';
import { failureMessage, openedMessage } from './import-message';
import { insertImported } from './insert-imported';
import type { NoticeBar } from './notice-bar';
import { ACCEPTED_FILES, readWorkbookFile } from './open-file';
import { demoWorkbook } from './session';
import { writeXlsx } from './xlsx';

export interface WorkbookMenuParts {
  readonly workbook: Workbook;
  readonly grid: Grid;
  /** Where the menu's buttons go. */
  readonly bar: HTMLElement;
  /** Where files can be dropped. */
  readonly dropTarget: HTMLElement;
  readonly notice: NoticeBar;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Lets the page paint (a notice, a busy state) before a long piece of work. */
const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

export function mountWorkbookMenu({ workbook, grid, bar, dropTarget, notice }: WorkbookMenuParts): void {
  const showFirst = (names: readonly string[]) => grid.showSheet(workbook.sheetId(names[0]));

  async function open(files: readonly File[]): Promise<void> {
    for (const file of files) {
      notice.show(text('workbook.opening', { file: file.name }));
      await nextFrame();
      try {
        const imported = await readWorkbookFile(file.name, new Uint8Array(await file.arrayBuffer()));
        const names = insertImported(workbook, imported);
        showFirst(names);
        notice.show(openedMessage(file.name, imported, names), 'success');
      } catch (error) {
        notice.show(failureMessage(file.name, error), 'error');
      }
    }
  }

  async function download(): Promise<void> {
    notice.show(text('workbook.downloading'));
    await nextFrame();
    try {
      const bytes = await writeXlsx(bookData(workbook));
      const fileName = `${text('workbook.fileName')}.xlsx`;
      const url = URL.createObjectURL(new Blob([bytes], { type: XLSX_TYPE }));
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      notice.show(text('workbook.downloaded', { file: fileName }), 'success');
    } catch {
      notice.show(text('workbook.downloadFailed'), 'error');
    }
  }

  /**
   * Replaces the workbook as one step of its history: Ctrl+Z, or the notice's
   * Undo while nothing else has changed, brings back what was there.
   */
  function replace(sheets: ReturnType<typeof demoWorkbook>, done: string): void {
    if (!grid.attempt(() => showFirst(workbook.replaceSheets(sheets)))) return;
    const shown = notice.show(done, 'success', {
      label: text('workbook.undo'),
      run: () => {
        grid.undo();
        notice.show(text('workbook.undone'), 'success');
      },
    });
    // Once something else changes, the notice's Undo would take back that instead.
    const stop = workbook.onChange(() => {
      stop();
      notice.clear(shown);
    });
  }

  const input = document.createElement('input');
  input.type = 'file';
  input.accept = ACCEPTED_FILES;
  input.multiple = true;
  input.hidden = true;
  input.className = 'pg-file-input';
  input.addEventListener('change', () => {
    const files = Array.from(input.files ?? []);
    input.value = '';
    void open(files);
  });

  const button = (label: string, hint: string, action: string, run: () => void) => {
    const node = document.createElement('button');
    node.type = 'button';
    node.className = 'pg-menu-button';
    node.textContent = label;
    node.title = hint;
    node.dataset.action = action;
    node.addEventListener('click', run);
    return node;
  };
  bar.setAttribute('role', 'toolbar');
  bar.setAttribute('aria-label', text('workbook.menu'));
  bar.append(
    input,
    button(text('workbook.open'), text('workbook.open.hint'), 'open', () => input.click()),
    button(text('workbook.download'), text('workbook.download.hint'), 'download', () => void download()),
    button(text('workbook.new'), text('workbook.new.hint'), 'new', () =>
      replace([{ name: text('workbook.newSheet'), content: [] }], text('workbook.newDone')),
    ),
    button(text('workbook.restoreDemo'), text('workbook.restoreDemo.hint'), 'restore-demo', () =>
      replace(demoWorkbook(), text('workbook.demoDone')),
    ),
  );

  // Files dropped on the grid open like files chosen.
  const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') === true;
  dropTarget.dataset.dropHint = text('workbook.drop');
  dropTarget.addEventListener('dragover', (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    dropTarget.classList.add('is-drop-target');
  });
  dropTarget.addEventListener('dragleave', (event) => {
    if (!dropTarget.contains(event.relatedTarget as Node | null)) dropTarget.classList.remove('is-drop-target');
  });
  dropTarget.addEventListener('drop', (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    dropTarget.classList.remove('is-drop-target');
    void open(Array.from(event.dataTransfer?.files ?? []));
  });
}
