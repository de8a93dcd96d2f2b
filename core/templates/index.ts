/** Sidebar templates: a request from the form becomes a sheet plan. */
import { badValue } from '../errors';
import type { SheetPlan } from './plan';

export type { FormulaCell, PlanCell, SheetPlan } from './plan';
export { formulaForHost, isFormulaCell, uniqueSheetName } from './plan';

/** What the sidebar asks a host to insert; plain JSON so it can cross google.script.run. */
export type TemplateRequest = { readonly template: 'examples' };

/** Validates an untrusted request (it may come from a browser console) and builds its plan. */
export function planTemplate(request: unknown): SheetPlan {
  throw badValue(`unknown template request ${JSON.stringify(request)}`);
}
