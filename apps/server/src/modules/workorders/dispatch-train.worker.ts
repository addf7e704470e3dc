import { parentPort, workerData } from 'node:worker_threads';
import { trainDispatchModels, type DispatchExample } from './dispatch-train';

// Runs in a worker thread: training never blocks the event loop that serves requests.
parentPort?.postMessage(trainDispatchModels((workerData as { examples: DispatchExample[] }).examples));
