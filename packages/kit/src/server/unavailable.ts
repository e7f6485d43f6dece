// The answer while the database is away (restart, failover, dropped connections): 503 with a retry hint, so
// clients repeat the call (submissions carry an idempotency key) instead of showing a 500.

/** Seconds a client should wait before retrying while the database is away. */
export const retryAfterSeconds = 2;

export function unavailableResponse() {
  return new Response(JSON.stringify({ error: 'service temporarily unavailable' }), {
    status: 503,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store', 'retry-after': String(retryAfterSeconds) },
  });
}
