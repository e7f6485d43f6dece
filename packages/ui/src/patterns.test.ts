// Server-rendered markup of the dialog, sortable header and flash message: what works before (or without) JavaScript.
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { AppShell, ConfirmDialog, ConfirmPanel, FlashMessage, SortableHeader, ariaSort, nextDirection, readSort, sortHref } from './index.ts';
import { createRawSnippet } from 'svelte';

const html = (out: { body: string }) => out.body.replace(/<!--[\s\S]*?-->/g, '');
const labels = { asc: 'sortera stigande', desc: 'sortera fallande' };

describe('sort helpers', () => {
  const current = { key: 'received', direction: 'desc' as const };
  it('says aria-sort only for the sorted column', () => {
    expect(ariaSort(current, 'received')).toBe('descending');
    expect(ariaSort({ key: 'received', direction: 'asc' }, 'received')).toBe('ascending');
    expect(ariaSort(current, 'priority')).toBeUndefined();
  });
  it('flips the sorted column and starts another at its first direction', () => {
    expect(nextDirection(current, 'received')).toBe('asc');
    expect(nextDirection(current, 'priority')).toBe('asc');
    expect(nextDirection(current, 'priority', 'desc')).toBe('desc');
  });
  it('keeps filters, drops the cursor, sets sort and order', () => {
    expect(sortHref('?source=school&cursor=abc&sort=received&order=desc', current, 'received')).toBe('?source=school&sort=received&order=asc');
    expect(sortHref(new URLSearchParams(''), current, 'priority')).toBe('?sort=priority&order=asc');
  });
  it('reads only known keys and directions', () => {
    const fallback = { key: 'priority', direction: 'asc' } as const;
    expect(readSort(new URLSearchParams('sort=received&order=desc'), ['priority', 'received'], fallback)).toEqual({ key: 'received', direction: 'desc' });
    expect(readSort(new URLSearchParams('sort=drop&order=sideways'), ['priority', 'received'], fallback)).toEqual(fallback);
  });
});

describe('SortableHeader', () => {
  it('is a column header with aria-sort and a link that says what a click does', () => {
    const out = html(render(SortableHeader, { props: { label: 'Mottagen', key: 'received', sort: { key: 'received', direction: 'desc' }, search: '?status=submitted', labels } }));
    expect(out).toMatch(/<th scope="col" aria-sort="descending"/);
    expect(out).toContain('href="?status=submitted&amp;sort=received&amp;order=asc"');
    expect(out).toContain('aria-label="Mottagen, sortera stigande"');
    expect(out).toContain('<span class="sort-link__icon" aria-hidden="true">▼</span>');
  });
  it('has no aria-sort when the table is sorted by another column; first click uses `first`', () => {
    const out = html(render(SortableHeader, { props: { label: 'Mottagen', key: 'received', sort: { key: 'priority', direction: 'asc' }, search: '', labels, first: 'desc' } }));
    expect(out).not.toContain('aria-sort');
    expect(out).toContain('href="?sort=received&amp;order=desc"');
    expect(out).toContain('aria-label="Mottagen, sortera fallande"');
  });
});

const confirm = {
  title: 'Kasta utkastet?', message: 'Det går inte att ångra.', confirmLabel: 'Kasta utkastet', cancelLabel: 'Avbryt',
};

describe('ConfirmPanel and ConfirmDialog', () => {
  it('the confirm page is a heading, the consequence and a POST form with a way back', () => {
    const out = html(render(ConfirmPanel, { props: { ...confirm, titleId: 'confirm', headingLevel: 1, action: '/utkast/1/kasta', cancelHref: '/', hidden: { key: 'k1' } } }));
    expect(out).toContain('<h1 id="confirm" class="confirm__title">Kasta utkastet?</h1>');
    expect(out).toContain('<p id="confirm-message">Det går inte att ångra.</p>');
    expect(out).toMatch(/<form method="post" action="\/utkast\/1\/kasta"/);
    expect(out).toContain('<input type="hidden" name="key" value="k1"/>');
    expect(out).toMatch(/<button type="submit" class="button button--danger">Kasta utkastet<\/button>/);
    expect(out).toContain('<a class="button button--secondary" href="/">Avbryt</a>');
  });

  it('without JavaScript the trigger is a link to the confirm page; the dialog is closed and named', () => {
    const out = html(render(ConfirmDialog, { props: { ...confirm, id: 'discard-1', href: '/utkast/1/kasta', triggerLabel: 'Kasta', triggerContext: 'utkast sparat 12 nov' } }));
    expect(out).toMatch(/<a href="\/utkast\/1\/kasta" aria-haspopup="dialog" class="dialog-trigger">Kasta <span class="visually-hidden">utkast sparat 12 nov<\/span><\/a>/);
    expect(out).toMatch(/<dialog id="discard-1" class="dialog" aria-labelledby="discard-1-title" aria-describedby="discard-1-title-message"/);
    expect(out).not.toMatch(/<dialog[^>]*\bopen\b/);
    expect(out).toContain('<h2 id="discard-1-title" class="confirm__title">');
    expect(out).toMatch(/<form method="post" action="\/utkast\/1\/kasta"/);
    expect(out).toMatch(/<button type="button" class="button button--secondary">Avbryt<\/button>/);
  });
});

describe('FlashMessage', () => {
  it('shows the message as content and keeps an empty status region to announce it once JS runs', () => {
    const out = html(render(FlashMessage, { props: { flash: { tone: 'success', title: 'Tack', text: 'Hänvisningen är skickad.' } } }));
    expect(out).toMatch(/<div class="notice notice--success flash" data-flash="">[\s\S]*Tack[\s\S]*Hänvisningen är skickad\./);
    expect(out).toContain('<div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-flash-announcer=""></div>');
  });
  it('keeps the status region without a message, so later messages are announced', () => {
    const out = html(render(FlashMessage, { props: { flash: null } }));
    expect(out).not.toContain("data-flash=\"\">");
    expect(out).toContain('role="status"');
  });
  it('AppShell puts it first in main', () => {
    const props = {
      portal: 'staff' as const, portalName: 'P', skipLinkLabel: 'S', demo: false, demoLabel: '', user: null, loggedInAsLabel: '',
      nav: [], navLabel: 'N', locale: 'sv' as const, languageLabel: 'L', languages: [], currentPath: '/', logoutLabel: 'O',
      footerLinks: [], flash: { tone: 'info' as const, text: 'Sparat' }, children: createRawSnippet(() => ({ render: () => '<h1>Sida</h1>' })),
    };
    expect(html(render(AppShell, { props }))).toMatch(/<main[^>]*>\s*<div class="notice notice--info flash"[\s\S]*Sparat[\s\S]*<h1>Sida<\/h1>/);
  });
});
