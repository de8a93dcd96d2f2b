/** The sidebar's Host in the playground: the in-page workbook. */
import { INSERT_ROWS, planTemplate, type TemplateRequest } from '../core/templates';
import type { Matrix } from '../core/values';
import type { Host } from '../sidebar/host';
import { sheetWords } from '../ui/sheet-words';
import { TERRITORY_WORKER, workerRunner } from '../sidebar/territory/runner';
import type { RangeRef } from '../core/a1';
import type { Workbook } from './workbook';

export interface PlaygroundView {
  /** The sheet on screen and its selected range. */
  selection(): { sheet: number; range: RangeRef };
  /** Brings a sheet to the front. */
  showSheet(sheet: number): void;
  /** The browser's language, for the sidebar's text. */
  readonly locale?: string;
}

export function createPlaygroundHost(workbook: Workbook, view: PlaygroundView): Host {
  const insertLimit = { host: 'Playground', rows: INSERT_ROWS.playground };
  return {
    name: insertLimit.host,
    insertLimit,
    functionPrefix: '',
    locale: view.locale,
    // Beside index.html in dist/playground (scripts/build/playground.ts).
    runTerritories: workerRunner(TERRITORY_WORKER),
    async listSheets(): Promise<string[]> {
      return workbook.sheetNames();
    },
    async readSelection(): Promise<Matrix> {
      const { sheet, range } = view.selection();
      return workbook.values(sheet, range);
    },
    async insertTemplate(request: TemplateRequest): Promise<string> {
      // Validated again here, as every host does: the request is untrusted.
      const plan = planTemplate(request, sheetWords, insertLimit);
      const name = workbook.insertPlan(plan);
      view.showSheet(workbook.sheetId(name));
      return name;
    },
  };
}
