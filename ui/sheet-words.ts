/**
 * The words templates write into their sheets, from this catalog: what the
 * playground and the Excel task pane hand to planTemplate (core/templates/words.ts).
 */
import { declaredText } from './messages';

/** The message `id` as plain text; an id the catalog lacks is a bug in the template, so it throws. */
export function sheetWords(id: string): string {
  return declaredText(id, undefined, 'a template writes into its sheet');
}
