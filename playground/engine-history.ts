/**
 * HyperFormula's undo stack, used as the workbook's history. HyperFormula
 * keeps one undo entry per call (or per batch), but one thing the user does
 * may take several calls, and the engine's own upkeep (re-entering a formula
 * so its answer can spill: see settleSpills) is no step of the user's at all.
 * These two helpers shape the stack accordingly. They reach into
 * HyperFormula's undo manager, which it does not export; the engine tests
 * check they still hold on every upgrade.
 */
import type { HyperFormula } from 'hyperformula';

interface UndoEntry {
  readonly operations?: unknown[];
}
interface UndoManager {
  undoStack: UndoEntry[];
  redoStack: UndoEntry[];
  batchUndoEntry?: UndoEntry & { operations: unknown[] };
  beginBatchMode(): void;
  commitBatchMode(): void;
  clearRedoStack(): void;
}

function undoManager(hf: HyperFormula): UndoManager {
  const manager = (hf as unknown as { _crudOperations?: { undoRedo?: UndoManager } })._crudOperations?.undoRedo;
  if (!manager || !Array.isArray(manager.undoStack) || !Array.isArray(manager.redoStack)) {
    throw new Error('HyperFormula’s undo stack is not where this version of the playground expects it');
  }
  return manager;
}

let depth = 0;

/**
 * Runs `change` as one undo step: whatever it does to the engine (several
 * calls, sheets added, rows removed) undoes and redoes together. If `change`
 * throws, what it did so far is undone and the error passed on, so a failed
 * change leaves nothing half-written. Returns whether the engine changed.
 * Nested calls join the outermost step. `change` must not call hf.batch (it
 * would start a step of its own): suspend evaluation instead.
 */
export function asOneStep(hf: HyperFormula, change: () => void): boolean {
  const manager = undoManager(hf);
  if (depth > 0) {
    change();
    return true;
  }
  manager.beginBatchMode();
  const entry = manager.batchUndoEntry;
  depth++;
  try {
    change();
  } catch (error) {
    depth--;
    manager.commitBatchMode();
    if (entry && entry.operations.length > 0) {
      hf.undo();
      manager.redoStack.pop();
    } else {
      manager.undoStack.pop();
    }
    throw error;
  }
  depth--;
  manager.commitBatchMode();
  if (!entry || entry.operations.length === 0) {
    manager.undoStack.pop();
    return false;
  }
  return true;
}

/**
 * Runs engine upkeep that changes no content (formulas re-entered with the
 * same text) without leaving a step of its own and without losing the steps
 * that can be redone.
 */
export function outsideHistory<T>(hf: HyperFormula, upkeep: () => T): T {
  // Inside a step, upkeep would end up in it (or, through hf.batch, replace it).
  if (depth > 0) throw new Error('Engine upkeep cannot run inside an undo step');
  const manager = undoManager(hf);
  const undoDepth = manager.undoStack.length;
  const redo = manager.redoStack;
  const clearRedoStack = manager.clearRedoStack;
  manager.clearRedoStack = () => undefined;
  try {
    return upkeep();
  } finally {
    manager.clearRedoStack = clearRedoStack;
    manager.undoStack.splice(undoDepth);
    manager.redoStack = redo;
  }
}
