/**
 * How the territory designer runs a scenario. In the page by default (the
 * engine's work budget bounds the run; the UI waits for it), or, where the
 * host offers one, in a Web Worker that reports progress and can be cancelled:
 * the playground and the Excel task pane load it from beside their page, the
 * Sheets sidebar from a blob URL of the code its one script carries.
 */
import type { FieldValues } from '../../core/templates/fields';
import { type ScenarioResult, runScenario } from '../../core/templates/territory/scenario';
import { workerRequest } from './transfer';

export interface RunningScenario {
  readonly result: Promise<ScenarioResult>;
  /** Stops the run if it can (a worker is terminated); the result then rejects with CANCELLED. */
  cancel(): void;
  /** Whether cancel() can stop it. */
  readonly cancellable: boolean;
}

export type ScenarioRunner = (values: FieldValues, onProgress: (done: number) => void) => RunningScenario;

export const CANCELLED = 'cancelled';

/** In the page: after a frame, so the "running" state shows first. */
export const runInPage: ScenarioRunner = (values, onProgress) => ({
  result: new Promise((resolve, reject) => {
    setTimeout(() => {
      try {
        resolve(runScenario(values, onProgress));
      } catch (error) {
        reject(error);
      }
    }, 0);
  }),
  cancel() {},
  cancellable: false,
});

/** The worker script (worker.ts) as built beside the playground's page and the Excel task pane, whose script-src 'self' lets it start. */
export const TERRITORY_WORKER = 'territory-worker.js';

/** What the worker script posts back. */
export type WorkerReply = { progress: number } | { result: ScenarioResult } | { error: string };

/** In a Web Worker loaded from `url`, one worker per run, terminated when it ends or is cancelled. */
export function workerRunner(url: string): ScenarioRunner {
  return (values, onProgress) => {
    const worker = new Worker(url);
    let settle: { reject(reason: unknown): void } | undefined;
    const result = new Promise<ScenarioResult>((resolve, reject) => {
      settle = { reject };
      worker.onmessage = (event: MessageEvent<WorkerReply>) => {
        const reply = event.data;
        if ('progress' in reply) return onProgress(reply.progress);
        worker.terminate();
        if ('result' in reply) resolve(reply.result);
        else reject(new Error(reply.error));
      };
      worker.onerror = (event) => {
        worker.terminate();
        reject(new Error(event.message));
      };
    });
    const { request, transfer } = workerRequest(values);
    worker.postMessage(request, transfer);
    return {
      result,
      cancel() {
        worker.terminate();
        settle?.reject(new Error(CANCELLED));
      },
      cancellable: true,
    };
  };
}
