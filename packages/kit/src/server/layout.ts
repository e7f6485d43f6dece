// The root layout's data for either portal: who is signed in (name and role only), language, demo mode, and the
// one-time message a form action left for this page.
import type { Cookies } from '@sveltejs/kit';
import { takeFlash } from './flash.ts';

export function layoutData(locals: App.Locals, url: URL, cookies: Cookies) {
  return {
    user: locals.user ? { name: locals.user.name, role: locals.user.role } : null,
    locale: locals.locale,
    demo: locals.demo,
    path: url.pathname,
    flash: takeFlash(cookies),
  };
}

export type LayoutData = ReturnType<typeof layoutData>;
