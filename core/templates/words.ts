/**
 * The words a template writes into its sheet (titles, labels, headers, the
 * sheet's name) come from the UI catalog, but core does not read the catalog:
 * that would pull the message formatter into Code.js. A template names each
 * word by its catalog id, kept as a plain string here like the fields' labels,
 * and the host hands in its catalog (ui/sheet-words.ts, apps-script/messages.ts).
 * Sheet words are plain text without ICU arguments, so the Sheets server can
 * carry them; a numbered label is a word and a number ("Tier" + " 1").
 */
export type SheetWords = (id: string) => string;

/** A numbered label: "Tier 1", "Point 2", "Month 3". */
export function numbered(words: SheetWords, id: string, n: number): string {
  return `${words(id)} ${n}`;
}

/** One template's words, by their ids under `prefix`: under(words, 'a.b')('c') reads 'a.b.c'. */
export function wordsUnder(words: SheetWords, prefix: string): SheetWords {
  return (id) => words(`${prefix}.${id}`);
}
