/** taskpane.js: starts the sidebar once office.js says Excel is ready. */
import { asExcelLike, startTaskpane } from './taskpane';

Office.onReady(() => {
  const root = document.getElementById('app');
  if (root) startTaskpane(root, asExcelLike(Excel), Office.context.displayLanguage);
});
