// What the kit's handle puts on `event.locals` for every request of either portal.
import type { Context, SessionUser } from '@utvag/api';
import type { Locale } from '@utvag/i18n';

declare global {
  namespace App {
    interface Locals {
      user: SessionUser | null;
      /** Signed in with the password only: may reach the second-factor page and nothing else. */
      pendingUser: SessionUser | null;
      locale: Locale;
      demo: boolean;
      requestId: string;
      /** The tRPC context of this request; pages make a caller from it. */
      ctx: Context;
    }
  }
}

export {};
