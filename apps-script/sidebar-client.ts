/** The script inlined into Sidebar.html: the shared sidebar UI over google.script.run. */
import { mountSidebar } from '../sidebar/mount';
import { workerRunner } from '../sidebar/territory/runner';
import { type ScriptRunner, SIDEBAR_ROOT_ID, createSheetsHost } from './sheets-host';

declare const google: { script: { run: ScriptRunner } };
/** The territory worker's code, put here by the build (scripts/build/apps-script.ts). */
declare const TERRITORY_WORKER_SOURCE: string;

const root = document.getElementById(SIDEBAR_ROOT_ID);
if (root) {
  // The page's worker-src allows blob: workers (and nothing else loads a blob).
  const worker = URL.createObjectURL(new Blob([TERRITORY_WORKER_SOURCE], { type: 'text/javascript' }));
  mountSidebar(root, { ...createSheetsHost(() => google.script.run), runTerritories: workerRunner(worker) });
}
