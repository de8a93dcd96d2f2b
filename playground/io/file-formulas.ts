/**
 * Formulas as .xlsx files store them, and back.
 *
 * Excel stores a call of a JavaScript add-in's custom function, typed as
 * =SALESOPS.QUOTA_ATTAINMENT(...), in the sheet XML as
 * _xldudf_SALESOPS_QUOTA_ATTAINMENT(...): the prefix _xldudf_ ("user-defined
 * function" of a web add-in), then the namespace and the name joined by an
 * underscore. When the add-in loads, Excel maps it back to the namespaced
 * name and computes it; without the add-in the cell keeps the value cached in
 * the file. (Microsoft's custom-functions team on GitHub, e.g.
 * OfficeDev/Excel-Custom-Functions#108 and OfficeDev/office-js#3558, #3872, #2568.)
 *
 * Reading, every spelling a file may hold comes back to the playground's bare
 * name: _xldudf_SALESOPS_NAME, SALESOPS.NAME, and Excel's _xlfn./_xlws.
 * prefixes on newer built-in functions.
 */
import { renameInFormula } from '../../core/formula-text';
import { FUNCTIONS } from '../../core/registry';
import { FUNCTION_NAMESPACE } from '../../office-addin/namespace';

const NAMES: ReadonlySet<string> = new Set(FUNCTIONS.map((spec) => spec.name));
const FILE_PREFIX = `_XLDUDF_${FUNCTION_NAMESPACE}_`;
const NAMESPACED = `${FUNCTION_NAMESPACE}.`;
const BUILT_IN_PREFIXES = ['_XLFN.', '_XLWS.'];

/** Excel's stored name for one of our functions, as in _xldudf_SALESOPS_QUOTA_ATTAINMENT. */
export const fileFunctionName = (name: string) => `_xldudf_${FUNCTION_NAMESPACE}_${name}`;

/** A playground formula (without "=") as an .xlsx file stores it, and whether it calls one of our functions. */
export function toFileFormula(formula: string): { formula: string; custom: boolean } {
  let custom = false;
  const renamed = renameInFormula(formula, {
    functions: (name) => {
      const upper = name.toUpperCase();
      if (!NAMES.has(upper)) return undefined;
      custom = true;
      return fileFunctionName(upper);
    },
  });
  return { formula: renamed, custom };
}

/** A formula from an .xlsx file in the playground's syntax (without "="). */
export function fromFileFormula(formula: string): string {
  return renameInFormula(formula.startsWith('=') ? formula.slice(1) : formula, {
    functions: (name) => {
      let upper = name.toUpperCase();
      const prefix = BUILT_IN_PREFIXES.find((p) => upper.startsWith(p));
      if (prefix) return name.slice(prefix.length);
      if (upper.startsWith(FILE_PREFIX)) upper = upper.slice(FILE_PREFIX.length);
      else if (upper.startsWith(NAMESPACED)) upper = upper.slice(NAMESPACED.length);
      else return undefined;
      return NAMES.has(upper) ? upper : undefined;
    },
  });
}
