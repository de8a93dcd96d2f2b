/** The script inlined into Sidebar.html: the shared sidebar UI over google.script.run. */
import { mountSidebar } from '../sidebar/mount';
import { type ScriptRunner, SIDEBAR_ROOT_ID, createSheetsHost } from './sheets-host';

declare const google: { script: { run: ScriptRunner } };

const root = document.getElementById(SIDEBAR_ROOT_ID);
if (root) mountSidebar(root, createSheetsHost(() => google.script.run));
