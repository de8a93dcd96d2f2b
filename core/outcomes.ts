/** Recognising won and lost deals, including the labels CRM exports use by default. */
import { normalizeLabel } from './values';

export type Outcome = 'won' | 'lost' | 'other';

/** Salesforce exports "Closed Won" / "Closed Lost"; HubSpot exports "closedwon" / "closedlost". */
const DEFAULT_WON = ['won', 'closed won', 'closedwon'];
const DEFAULT_LOST = ['lost', 'closed lost', 'closedlost'];

/**
 * Classifies normalised labels. A label the user gave replaces the defaults, so
 * `won_label = "Signed"` counts only "Signed" as won.
 */
export function outcomeClassifier(wonLabel?: string, lostLabel?: string): (key: string) => Outcome {
  const won = new Set(wonLabel === undefined ? DEFAULT_WON : [normalizeLabel(wonLabel)]);
  const lost = new Set(lostLabel === undefined ? DEFAULT_LOST : [normalizeLabel(lostLabel)]);
  return (key) => (won.has(key) ? 'won' : lost.has(key) ? 'lost' : 'other');
}
