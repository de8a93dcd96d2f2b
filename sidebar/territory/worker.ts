/**
 * The territory designer's runs, off the sidebar's UI thread: one scenario per
 * worker, with progress as the engine spends its budget. The page terminates
 * the worker to cancel. Built as territory-worker.js beside the playground's
 * page and the Excel task pane.
 */
import { runScenario } from '../../core/templates/territory/scenario';
import type { WorkerReply } from './runner';
import { type WorkerRequest, requestValues } from './transfer';

const scope = self as unknown as { onmessage: ((event: MessageEvent) => void) | null; postMessage(reply: WorkerReply): void };

scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
  try {
    const result = runScenario(requestValues(event.data), (progress) => scope.postMessage({ progress }));
    scope.postMessage({ result });
  } catch (error) {
    scope.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
};
