import { describe, expect, test } from 'vitest';
import type { RuleEngine } from './rule-engine';
import { startSilentDeviceJob } from './rules.jobs';

describe('silent-device job', () => {
  test('checks at its interval, never two at once, logs a failure and keeps going, and stops', async () => {
    let calls = 0;
    let concurrent = 0;
    let maxConcurrent = 0;
    const errors: unknown[] = [];
    const engine = {
      async checkSilent() {
        calls++;
        concurrent++;
        maxConcurrent = Math.max(maxConcurrent, concurrent);
        await new Promise((r) => setTimeout(r, 30));
        concurrent--;
        if (calls === 1) throw new Error('database away');
        return { raised: 0, cleared: 0 };
      },
    } as unknown as RuleEngine;
    const job = startSilentDeviceJob({ engine, intervalMs: 10, log: { error: (o) => errors.push(o) } });
    await new Promise((r) => setTimeout(r, 200));
    await job.stop();
    const after = calls;
    await new Promise((r) => setTimeout(r, 50));
    expect(calls).toBeGreaterThanOrEqual(3);
    expect(calls).toBe(after);
    expect(maxConcurrent).toBe(1);
    expect(errors).toHaveLength(1);
  });
});
