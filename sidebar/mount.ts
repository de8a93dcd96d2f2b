/** The sidebar UI, written once for every host. */
import type { Host } from './host';

export function mountSidebar(root: HTMLElement, host: Host): void {
  root.textContent = `SalesOps Formulas (${host.name})`;
}
