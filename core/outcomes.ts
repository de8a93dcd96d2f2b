/** Recognising won and lost deals, including the labels CRM exports use by default. */
import { normalizeLabel } from './values';

export type Outcome = 'won' | 'lost' | 'other';

/** Salesforce exports "Closed Won" / "Closed Lost"; HubSpot exports "closedwon" / "closedlost". */
const CRM_WON = ['won', 'closed won', 'closedwon'];
const CRM_LOST = ['lost', 'closed lost', 'closedlost'];

function labelSet(label: string | undefined, standard: string, crm: readonly string[]): Set<string> {
  const key = label === undefined ? standard : normalizeLabel(label);
  return new Set(key === standard ? crm : [key]);
}

/**
 * Classifies normalised labels. The standard labels ("Won", "Lost", the
 * defaults) also match the CRM exports' spellings; any other label the user
 * gives matches only itself, so `won_label = "Signed"` counts only "Signed".
 */
export function outcomeClassifier(wonLabel?: string, lostLabel?: string): (key: string) => Outcome {
  const won = labelSet(wonLabel, 'won', CRM_WON);
  const lost = labelSet(lostLabel, 'lost', CRM_LOST);
  return (key) => (won.has(key) ? 'won' : lost.has(key) ? 'lost' : 'other');
}
