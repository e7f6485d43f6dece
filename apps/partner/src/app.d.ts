// Locals are declared by @utvag/portal-kit (user, locale, demo, requestId, ctx).
import '@utvag/portal-kit/server';

declare global {
  namespace App {
    interface Error {
      message: string;
    }
  }
}

export {};
