import { Worker } from 'node:worker_threads';
import { trainDispatchModels, type DispatchExample, type TrainedDispatchModel } from './dispatch-train';

/** How training runs: in a worker thread (default), or inline (tests, tiny data sets). */
export type TrainingMode = 'thread' | 'inline';

/**
 * Trains off the request path: a worker thread running the TypeScript source through tsx.
 * If the thread cannot start (e.g. no tsx), it falls back to training inline after yielding once.
 */
export async function runDispatchTraining(examples: DispatchExample[], mode: TrainingMode): Promise<TrainedDispatchModel[]> {
  if (mode === 'inline') {
    await new Promise((r) => setImmediate(r));
    return trainDispatchModels(examples);
  }
  try {
    return await new Promise<TrainedDispatchModel[]>((resolve, reject) => {
      const worker = new Worker(new URL('./dispatch-train.worker.ts', import.meta.url), { workerData: examples, execArgv: ['--import', 'tsx'] });
      worker.once('message', (result: TrainedDispatchModel[]) => {
        resolve(result);
        void worker.terminate();
      });
      worker.once('error', reject);
      worker.once('exit', (code) => {
        if (code !== 0) reject(new Error(`dispatch training thread exited with ${code}`));
      });
    });
  } catch {
    await new Promise((r) => setImmediate(r));
    return trainDispatchModels(examples);
  }
}
