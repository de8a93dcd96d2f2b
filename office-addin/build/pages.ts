/** The add-in's HTML pages: the shared-runtime task pane and a small help page. */
import type { FunctionSpec } from '../../core/spec';
import { FUNCTION_NAMESPACE } from '../namespace';

/** The only script loaded from the network; everything else is served beside the page. */
export const OFFICE_JS_URL = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** office.js loads its host- and language-specific parts from its own folder on the same CDN. */
export const OFFICE_JS_ORIGIN = new URL(OFFICE_JS_URL).origin;

/**
 * The task pane's Content-Security-Policy: scripts from beside the page and from
 * office.js's CDN only, the stylesheet from beside the page, and nothing else:
 * no inline script or style, no network requests, frames, plugins or forms.
 */
export const TASKPANE_CSP = [
  "default-src 'none'",
  `script-src 'self' ${OFFICE_JS_ORIGIN}`,
  "style-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** The help page is text only: it may load nothing at all. */
export const HELP_CSP = ["default-src 'none'", "base-uri 'none'", "form-action 'none'"].join('; ');

function html(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * taskpane.html is the one page of the shared runtime: the manifest's Runtime, the
 * custom functions' Page and the ribbon button all point at it. It loads office.js,
 * then functions.js (registers the functions), then taskpane.js (the sidebar).
 */
export function taskpaneHtml(options: { readonly stylesheet?: string }): string {
  const stylesheet = options.stylesheet ? `\n    <link rel="stylesheet" href="${html(options.stylesheet)}">` : '';
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta http-equiv="Content-Security-Policy" content="${TASKPANE_CSP}">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>SalesOps Formulas</title>
    <script src="${OFFICE_JS_URL}"></script>${stylesheet}
    <script defer src="functions.js"></script>
    <script defer src="taskpane.js"></script>
  </head>
  <body>
    <main id="app">Loading SalesOps Formulas…</main>
  </body>
</html>
`;
}

/** help.html: what the manifest's support and "learn more" links open. */
export function helpHtml(specs: readonly FunctionSpec[]): string {
  const rows = specs
    .map((spec) => {
      const args = spec.params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(', ');
      return `      <li><code>=${FUNCTION_NAMESPACE}.${html(spec.name)}(${html(args)})</code> — ${html(spec.summary)}</li>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta http-equiv="Content-Security-Policy" content="${HELP_CSP}">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>SalesOps Formulas — help</title>
  </head>
  <body>
    <h1>SalesOps Formulas</h1>
    <p>Type <code>=${FUNCTION_NAMESPACE}.</code> in a cell to see the functions. Give whole columns
    (<code>A2:A500</code>): per-row functions spill one answer per row. Open <b>SalesOps Templates</b>
    on the Home tab to insert a ready-made sheet.</p>
    <ul>
${rows}
    </ul>
  </body>
</html>
`;
}
