/** The "Function help" dialog: every function with its arguments, built from the specs when opened. */
import type { FunctionSpec, ParamSpec } from '../core/spec';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** `WIN_RATE(outcomes, [won_label], …)`, as Sheets' autocomplete shows it. */
export function signature(spec: FunctionSpec): string {
  return `${spec.name}(${spec.params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(', ')})`;
}

/** "Optional, default 100%." and the like, for docs and JSDoc. */
export function optionalNote(param: ParamSpec): string {
  if (!param.optional) return '';
  if (param.defaultValue === undefined) return 'Optional.';
  const shown = typeof param.defaultValue === 'string' ? `"${param.defaultValue}"` : String(param.defaultValue).toUpperCase();
  return `Optional, default ${shown}.`;
}

export function helpHtml(specs: readonly FunctionSpec[]): string {
  const items = specs.map((spec) => {
    const params = spec.params
      .map((p) => `<li><code>${escapeHtml(p.name)}</code>: ${escapeHtml(`${p.description} ${optionalNote(p)}`.trim())}</li>`)
      .join('');
    return `<section><h3><code>=${escapeHtml(signature(spec))}</code></h3><p>${escapeHtml(spec.summary)}</p><ul>${params}</ul></section>`;
  });
  return (
    '<!DOCTYPE html><html><head><base target="_top"><style>' +
    'body{font:13px Arial,sans-serif;margin:0 12px;color:#202124}h3{font-size:13px;margin:14px 0 4px}' +
    'p{margin:0 0 4px}ul{margin:0;padding-left:18px}code{font-family:Consolas,monospace}' +
    '</style></head><body><p>Give a function whole columns (<code>B2:B</code>), one formula per column: ' +
    'it fills one result per row, which is much faster than a formula in every row.</p>' +
    items.join('') +
    '</body></html>'
  );
}
