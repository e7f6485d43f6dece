// Login throttling (issue 3): failures count per account and per address; over the limit the key is blocked
// for a while. Counted by e-mail whether or not the account exists, so a block reveals nothing about accounts.
import { createRateLimiter, type Database, type RateLimiter } from '@utvag/db';

export interface LoginLimits {
  account: RateLimiter;
  address: RateLimiter;
}

export const loginLimitPolicy = {
  account: { points: 5, durationSeconds: 15 * 60, blockSeconds: 15 * 60 },
  address: { points: 50, durationSeconds: 15 * 60, blockSeconds: 15 * 60 },
} as const;

export function createLoginLimits(db: Database): LoginLimits {
  return {
    account: createRateLimiter(db, 'login-account', loginLimitPolicy.account),
    address: createRateLimiter(db, 'login-address', loginLimitPolicy.address),
  };
}
