/** A one-time message after a form action, translated, as AppShell and FlashMessage show it. */
export type Flash = { tone: 'success' | 'info'; title?: string; text: string };
