import { api } from '../../../lib/api-client';

/** One background job as `GET /api/jobs` returns it. */
export interface JobStatus {
  id: string;
  intervalMs: number;
  nextRunAt: string;
  isRunning: boolean;
  lastStartedAt: string | null;
  lastFinishedAt: string | null;
  lastDurationMs: number | null;
  lastStatus: 'ok' | 'failed' | null;
  lastError: string | null;
  consecutiveFailures: number;
  runCount: number;
  failureCount: number;
}

export const getJobs = () => api.get<{ items: JobStatus[] }>('/jobs');
