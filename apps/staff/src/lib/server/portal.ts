// This portal's configuration and its typed API caller. Created on first request, not while building.
import { env } from '$env/dynamic/private';
import { createCallerFactory, staffRouter } from '@utvag/api';
import { bindLifecycle, lazy, portalConfigFromEnv } from '@utvag/portal-kit/server';

export const getConfig = lazy(() => {
  const config = portalConfigFromEnv('staff', staffRouter, env);
  bindLifecycle(config.close, env);
  return config;
});

const createCaller = createCallerFactory(staffRouter);
export const callerFor = (locals: App.Locals) => createCaller(locals.ctx);
