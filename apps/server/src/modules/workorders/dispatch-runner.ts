import { Worker } from 'node:worker_threads';
import { trainDispatchModels, type DispatchExample, type TrainedDispatchModel } from './dispatch-train';

/** How training runs: in a worker thread (default), or inline (tests, tiny data sets). */
export type TrainingMode = 'thread' | 'inline';

/** How trainings ran in this process (a thread that could not start falls back inline). */
export const trainingStats = { thread: 0, inline: 0, fallbacks: 0 };

/**
 * Trains off the request path: a worker thread running the TypeScript source through tsx.
 * If the thread cannot start (e.g. no tsx), it falls back to training inline after yielding once.
 */
export async function runDispatchTraining(examples: DispatchExample[], mode: TrainingMode): Promise<TrainedDispatchModel[]> {
  if (mode === 'inline') {
    trainingStats.inline++;
    await new Promise((r) => setImmediate(r));
    return trainDispatchModels(examples);
  }
  try {
    const result = await new Promise<TrainedDispatchModel[]>((resolve, reject) => {
      const entry = new URL('./dispatch-train.worker.ts', import.meta.url).href;
      const worker = new Worker(new URL('./dispatch-train.worker.mjs', import.meta.url), { workerData: { entry, examples } });
      worker.once('message', (result: TrainedDispatchModel[]) => {
        resolve(result);
        void worker.terminate();
      });
      worker.once('error', reject);
      worker.once('exit', (code) => {
        if (code !== 0) reject(new Error(`dispatch training thread exited with ${code}`));
      });
    });
    trainingStats.thread++;
    return result;
  } catch {
    trainingStats.fallbacks++;
    await new Promise((r) => setImmediate(r));
    return trainDispatchModels(examples);
  }
}
