// This portal's configuration and its typed API caller. Created on first request, not while building.
import { env } from '$env/dynamic/private';
import type { RequestEvent } from '@sveltejs/kit';
import { createCallerFactory, partnerRouter, type SessionUser } from '@utvag/api';
import { rescueIntakeForm } from './rescue';
import { bindLifecycle, lazy, portalConfigFromEnv } from '@utvag/portal-kit/server';

export const getConfig = lazy(() => {
  const base = portalConfigFromEnv('partner', partnerRouter, env);
  bindLifecycle(base.close, env);
  const config = { ...base, rescuePost: (event: RequestEvent, user: SessionUser) => rescueIntakeForm(config, event, user) };
  return config;
});

const createCaller = createCallerFactory(partnerRouter);
export const callerFor = (locals: App.Locals) => createCaller(locals.ctx);
