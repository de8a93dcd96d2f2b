/**
 * functions.js: registers every function in the core registry with Excel.
 * Loaded by taskpane.html, the one page of the shared runtime, right after office.js.
 */
import { FUNCTIONS } from '../core/registry';
import { excelFunction } from './adapter';

if (typeof CustomFunctions === 'undefined') {
  // Opened outside Excel (a plain browser tab): there is nothing to register with.
  console.warn('SalesOps Formulas: CustomFunctions is not available, so no functions were registered.');
} else {
  for (const spec of FUNCTIONS) CustomFunctions.associate(spec.name, excelFunction(spec, CustomFunctions));
}
