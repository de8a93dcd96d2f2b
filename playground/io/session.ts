/**
 * The workbook's life in the browser: opened from what was saved (or the demo
 * when nothing was, or when what was saved cannot be read: then kept as a
 * backup and said so), and saved a moment after every change, a slice at a
 * time between keystrokes.
 */
import { demoSheets } from '../demo';
import { type NewSheet, type Workbook, planSheet } from '../workbook';
import { restoreSnapshot, takeSnapshot, takeSnapshotInSlices } from './snapshot';
import { AutoSave, type KeyValueStore, loadSaved } from './storage';

export const demoWorkbook = (): NewSheet[] => demoSheets().map(planSheet);

/** A turn of the event loop: keys and drawing waiting meanwhile go first. */
const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export type StartProblem =
  /** The browser offers no storage: changes last until the page is closed. */
  | { readonly kind: 'no-storage' }
  /** What was saved could not be read; it is kept under `key`. */
  | { readonly kind: 'unreadable'; readonly key: string; readonly reason: string };

export interface Session {
  readonly autosave?: AutoSave;
  readonly problem?: StartProblem;
}

/**
 * Opens the saved workbook (or the demo) into `workbook` and starts saving it.
 * `store` is undefined where the browser would not open one.
 */
export async function startSession(workbook: Workbook, store: KeyValueStore | undefined, saved?: (error?: unknown) => void): Promise<Session> {
  if (!store) {
    workbook.replaceAll(demoWorkbook());
    return { problem: { kind: 'no-storage' } };
  }
  let problem: StartProblem | undefined;
  const found = await loadSaved(store);
  if (found.kind === 'saved') {
    try {
      restoreSnapshot(workbook, found.snapshot);
    } catch (error) {
      // Well-formed but refused by the engine: keep it, as for any unreadable data.
      const key = `unreadable-${new Date().toISOString()}`;
      await store.put(key, found.snapshot);
      problem = { kind: 'unreadable', key, reason: error instanceof Error ? error.message : String(error) };
    }
  } else if (found.kind === 'unreadable') problem = { kind: 'unreadable', key: found.backupKey, reason: found.reason };
  if (found.kind !== 'saved' || problem) workbook.replaceAll(demoWorkbook());
  const autosave = new AutoSave(store, ({ urgent, stale }) => (urgent ? takeSnapshot(workbook) : takeSnapshotInSlices(workbook, nextTurn, stale)), {
    saved,
  });
  workbook.onChange(() => autosave.changed());
  return { autosave, problem };
}
