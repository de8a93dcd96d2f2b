/**
 * The words templates write into their sheets, from this catalog: what the
 * playground and the Excel task pane hand to planTemplate (core/templates/words.ts).
 */
import { isMessageId, text } from './messages';

/** The message `id` as plain text; an id the catalog lacks is a bug in the template, so it throws. */
export function sheetWords(id: string): string {
  if (!isMessageId(id)) throw new Error(`The UI catalog has no message ${id}, which a template writes into its sheet`);
  return text(id);
}
