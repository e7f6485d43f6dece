// Rate limits stored in PostgreSQL through rate-limiter-flexible (a well-kept library) rather than our own SQL.
import { createHash } from 'node:crypto';
import { RateLimiterDrizzle, RateLimiterRes } from 'rate-limiter-flexible';
import type { Database } from './client.ts';
import { rateLimit } from './schema/index.ts';

export interface RateLimitPolicy {
  /** Failures allowed within `durationSeconds` before the key is blocked. */
  points: number;
  durationSeconds: number;
  /** How long a key stays blocked once over the limit (the back-off). */
  blockSeconds: number;
}

export interface RateLimiter {
  /** Milliseconds until the key may try again, or 0 when it may try now. */
  retryAfterMs(key: string): Promise<number>;
  recordFailure(key: string): Promise<void>;
  reset(key: string): Promise<void>;
}

const hashed = (key: string) => createHash('sha256').update(key).digest('base64url');

export function createRateLimiter(db: Database, name: string, policy: RateLimitPolicy): RateLimiter {
  const limiter = new RateLimiterDrizzle({
    storeClient: db,
    schema: rateLimit,
    keyPrefix: name,
    points: policy.points,
    duration: policy.durationSeconds,
    blockDuration: policy.blockSeconds,
    // Expired rows are removed by the store's own sweep; tests and short-lived scripts must not be held open by it.
    clearExpiredByTimeout: false,
  });
  return {
    async retryAfterMs(key) {
      const res = await limiter.get(hashed(key));
      return res && res.consumedPoints >= policy.points ? res.msBeforeNext : 0;
    },
    async recordFailure(key) {
      try {
        await limiter.consume(hashed(key));
      } catch (error) {
        // Over the limit: the store has blocked the key, which is the point. Anything else is a real error.
        if (!(error instanceof RateLimiterRes)) throw error;
      }
    },
    async reset(key) {
      await limiter.delete(hashed(key));
    },
  };
}
