/**
 * The workbook kept in the browser (IndexedDB): saved a moment after each
 * change, read on start. Stored data that cannot be read is never dropped:
 * it is copied under a backup key before the page starts from the demo, so
 * the next save cannot overwrite the only copy.
 */
import { type WorkbookSnapshot, readSnapshot } from './snapshot';


/** Where the page keeps things: IndexedDB in the browser, a Map in tests. */
export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  put(key: string, value: unknown): Promise<void>;
}

export const WORKBOOK_KEY = 'workbook';
const DATABASE = 'salesops-playground';
const STORE = 'workbooks';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** The page's IndexedDB database; rejects where the browser offers none (some private windows). */
export async function openBrowserStore(): Promise<KeyValueStore> {
  if (typeof indexedDB === 'undefined') throw new Error('IndexedDB is not available');
  const open = indexedDB.open(DATABASE, 1);
  open.onupgradeneeded = () => open.result.createObjectStore(STORE);
  const db = await request(open);
  return {
    get: (key) => request(db.transaction(STORE, 'readonly').objectStore(STORE).get(key)),
    put: (key, value) =>
      new Promise((resolve, reject) => {
        const transaction = db.transaction(STORE, 'readwrite');
        transaction.objectStore(STORE).put(value, key);
        transaction.oncomplete = () => resolve();
        transaction.onerror = () => reject(transaction.error);
        transaction.onabort = () => reject(transaction.error ?? new Error('the browser did not keep the workbook'));
      }),
  };
}

export type SavedWorkbook =
  | { readonly kind: 'none' }
  | { readonly kind: 'saved'; readonly snapshot: WorkbookSnapshot }
  /** Stored data that is not a workbook this page can open, now also kept under `backupKey`. */
  | { readonly kind: 'unreadable'; readonly backupKey: string; readonly reason: string };

/** The workbook saved in `store`, if there is one and it can be read. */
export async function loadSaved(store: KeyValueStore, now = new Date()): Promise<SavedWorkbook> {
  const data = await store.get(WORKBOOK_KEY);
  if (data === undefined) return { kind: 'none' };
  try {
    return { kind: 'saved', snapshot: readSnapshot(data) };
  } catch (error) {
    const backupKey = `unreadable-${now.toISOString()}`;
    await store.put(backupKey, data);
    return { kind: 'unreadable', backupKey, reason: error instanceof Error ? error.message : String(error) };
  }
}

export interface AutoSaveEvents {
  /** After each save, with the error when the browser refused it (storage full, private window). */
  readonly saved?: (error?: unknown) => void;
}

/**
 * Takes what to store: at once when `urgent` (the page is being left), else
 * in pieces between keystrokes, giving up (undefined) once `stale` says a
 * newer save is due.
 */
export type TakeSnapshot = (options: { readonly urgent: boolean; readonly stale: () => boolean }) => unknown;

/**
 * Saves a snapshot `delay` ms after the last change, one save at a time: a
 * change during a save makes it give up, and the change is saved in its turn.
 */
export class AutoSave {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | undefined;
  private dirty = false;
  /** Counts changes and saves begun, so a save can tell it has been overtaken. */
  private generation = 0;

  constructor(
    private readonly store: KeyValueStore,
    private readonly snapshot: TakeSnapshot,
    private readonly events: AutoSaveEvents = {},
    private readonly delay = 400,
  ) {}

  /** A change was made: save soon. */
  changed(): void {
    this.dirty = true;
    this.generation++;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.delay);
  }

  /**
   * Saves now if anything changed since the last save; resolves when saved.
   * `urgent` (the page is being left) takes the snapshot at once, without
   * waiting for a save under way, which then gives up.
   */
  async flush(urgent = false): Promise<void> {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (!urgent) while (this.running) await this.running;
    if (!this.dirty) return;
    this.dirty = false;
    const generation = ++this.generation;
    const stale = () => this.generation !== generation;
    const save = (async () => {
      const snapshot = await this.snapshot({ urgent, stale });
      // Overtaken: by a change (saved after it) or by an urgent save.
      if (snapshot === undefined || stale()) return;
      await this.store.put(WORKBOOK_KEY, snapshot);
      this.events.saved?.();
    })().catch((error: unknown) => {
      this.dirty = true;
      this.events.saved?.(error);
    });
    this.running = save;
    try {
      await save;
    } finally {
      if (this.running === save) this.running = undefined;
    }
  }

  /** Whether a change is waiting to be saved. */
  get pending(): boolean {
    return this.dirty || this.running !== undefined;
  }
}
