// Bootstrap of the training thread: registers tsx in this thread, then runs the TypeScript worker.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
