import type { RuleEngine } from './rule-engine';

/**
 * The worker's silent-device check: every `intervalMs`, one check at a time;
 * a failure is logged and retried at the next tick.
 */
export function startSilentDeviceJob(options: { engine: RuleEngine; intervalMs?: number; log?: { error(obj: object, msg: string): void; info?(msg: string): void } }): { stop(): Promise<void> } {
  const intervalMs = options.intervalMs ?? 5_000;
  let running: Promise<void> | undefined;
  const tick = () => {
    if (running) return;
    running = options.engine
      .checkSilent()
      .then(
        () => undefined,
        (err: unknown) => options.log?.error({ err }, 'alarms: silent-device check failed'),
      )
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
