// Session lifetimes (issue 3 defaults): 30 minutes idle, 12 hours absolute. Configurable per deployment.
export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
}

export function sessionPolicyFromEnv(env: Record<string, string | undefined> = process.env): SessionPolicy {
  const idle = Number(env.SESSION_IDLE_MINUTES ?? 30);
  const absolute = Number(env.SESSION_ABSOLUTE_HOURS ?? 12);
  if (!(idle > 0) || !(absolute > 0)) throw new Error('SESSION_IDLE_MINUTES and SESSION_ABSOLUTE_HOURS must be positive numbers');
  return { idleMinutes: idle, absoluteHours: absolute };
}

export const idleSince = (policy: SessionPolicy, now = new Date()) => new Date(now.getTime() - policy.idleMinutes * 60_000);
export const absoluteExpiry = (policy: SessionPolicy, now = new Date()) =>
  new Date(now.getTime() + policy.absoluteHours * 3_600_000);
