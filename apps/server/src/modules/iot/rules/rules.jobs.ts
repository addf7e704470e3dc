import { defineJob, runJobsInProcess, type JobDefinition } from '../../jobs';
import type { RuleEngine } from './rule-engine';

interface SilentJobOptions {
  engine: RuleEngine;
  intervalMs?: number;
  log?: { error(obj: object, msg: string): void; info?(msg: string): void };
}

/** The worker's `alarms.silent-devices` job: raises and clears the `silent` rules' alarms every `intervalMs` (default 5 s). */
export function createSilentDeviceJob(options: SilentJobOptions): JobDefinition {
  return defineJob({ id: 'alarms.silent-devices', intervalMs: options.intervalMs ?? 5_000, run: async () => void (await options.engine.checkSilent()) });
}

/** Runs the silent-device check on an in-process timer (tests, tools); the server runs it on the shared scheduler. */
export function startSilentDeviceJob(options: SilentJobOptions): { stop(): Promise<void> } {
  return runJobsInProcess([createSilentDeviceJob(options)], { log: options.log });
}
