/** A sidebar feature: one tab with its own panel. Add a feature to grow the sidebar. */
import type { Host } from '../host';

export interface SidebarFeature {
  readonly id: string;
  /** The tab's label, from the message catalog. */
  label(): string;
  /** Fills the feature's panel; called once when the sidebar mounts. */
  render(panel: HTMLElement, host: Host): void;
}
