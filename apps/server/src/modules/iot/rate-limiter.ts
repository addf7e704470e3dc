/** A token bucket per key: `ratePerSecond` sustained, `burst` at once. */
export function createRateLimiter(options: { ratePerSecond: number; burst: number; now?: () => number }) {
  const now = options.now ?? Date.now;
  const buckets = new Map<string, { tokens: number; at: number }>();

  function bucketOf(key: string) {
    const t = now();
    let b = buckets.get(key);
    if (!b) {
      b = { tokens: options.burst, at: t };
      buckets.set(key, b);
    } else {
      b.tokens = Math.min(options.burst, b.tokens + ((t - b.at) / 1000) * options.ratePerSecond);
      b.at = t;
    }
    return b;
  }

  return {
    /** Takes a token if one is there (QoS 0: drop otherwise). */
    tryTake(key: string): boolean {
      const b = bucketOf(key);
      if (b.tokens < 1) return false;
      b.tokens -= 1;
      return true;
    },
    /** Takes a token, going into debt; returns how many ms the caller should wait before acting (QoS 1: delay the PUBACK). */
    reserve(key: string): number {
      const b = bucketOf(key);
      b.tokens -= 1;
      return b.tokens >= 0 ? 0 : Math.ceil((-b.tokens / options.ratePerSecond) * 1000);
    },
    forget(key: string): void {
      buckets.delete(key);
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
