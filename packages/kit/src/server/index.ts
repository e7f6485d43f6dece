export { createPortalHandle, isPublicPath } from './handle.ts';
export { loginAction, loginLoad } from './login.ts';
export { logoutHandler, languageHandler, trpcHandler } from './endpoints.ts';
export { callFromForm, loadOrError, type FormFailure } from './actions.ts';
export { portalConfigFromEnv } from './config.ts';
export { safeRedirectPath, sessionCookieName, isSecureOrigin } from './cookies.ts';
export type { PortalConfig } from './portal.ts';
export { bindLifecycle, lazy } from './lifecycle.ts';
export { layoutData, type LayoutData } from './layout.ts';
