// The root layout's data for either portal: who is signed in (name and role only), language, demo mode.
export function layoutData(locals: App.Locals, url: URL) {
  return {
    user: locals.user ? { name: locals.user.name, role: locals.user.role } : null,
    locale: locals.locale,
    demo: locals.demo,
    path: url.pathname,
  };
}

export type LayoutData = ReturnType<typeof layoutData>;
