import { createRawSnippet } from 'svelte';
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import {
  AppShell, Button, CheckboxField, DataTable, DescriptionList, ErrorSummary, Field, LinkButton, Notice, PageHeader,
  RadioGroup, SelectField, StatusBadge,
} from './index.ts';

const text = (html: string) => createRawSnippet(() => ({ render: () => html }));
// Svelte adds comment markers for hydration; drop them so assertions read like HTML.
const html = (out: { body: string }) => out.body.replace(/<!--[\s\S]*?-->/g, '');
const attr = (markup: string, tag: string, name: string) =>
  new RegExp(`<${tag}\\b[^>]*\\b${name}="([^"]*)"`).exec(markup)?.[1];

describe('Field', () => {
  it('links label, hint and error to the input and keeps the value', () => {
    const out = html(render(Field, {
      props: { name: 'email', label: 'E-post', hint: 'Jobbadressen', error: 'Skriv e-postadressen', value: 'a@b', type: 'email', required: true, requiredLabel: '(obligatoriskt)' },
    }));
    expect(attr(out, 'label', 'for')).toBe('email');
    expect(attr(out, 'input', 'id')).toBe('email');
    expect(attr(out, 'input', 'aria-describedby')).toBe('email-hint email-error');
    expect(out).toMatch(/id="email-hint"[^>]*>Jobbadressen/);
    expect(out).toMatch(/<p class="field__error" id="email-error">/);
    expect(out).toContain('<span class="visually-hidden">Fel:</span> Skriv e-postadressen');
    expect(attr(out, 'input', 'aria-invalid')).toBe('true');
    expect(attr(out, 'input', 'aria-required')).toBe('true');
    expect(attr(out, 'input', 'value')).toBe('a@b');
    expect(out).toContain('(obligatoriskt)');
  });

  it('has no aria-invalid or describedby without hint/error; textarea keeps its text', () => {
    const plain = html(render(Field, { props: { id: 'x', name: 'n', label: 'L' } }));
    expect(plain).not.toContain('aria-invalid');
    expect(plain).not.toContain('aria-describedby');
    const area = html(render(Field, { props: { name: 'note', label: 'Anteckning', multiline: true, value: 'hej <b>', errorPrefix: 'Error:', error: 'E' } }));
    expect(area).toMatch(/<textarea[^>]*id="note"[^>]*>hej &lt;b>/);
    expect(area).toContain('Error:');
  });
});

describe('choice fields', () => {
  it('CheckboxField wires label, hint, error and checked', () => {
    const out = html(render(CheckboxField, { props: { name: 'consent', label: 'Samtycke', hint: 'H', error: 'E', checked: true } }));
    expect(attr(out, 'label', 'for')).toBe('consent');
    expect(attr(out, 'input', 'aria-describedby')).toBe('consent-hint consent-error');
    expect(out).toMatch(/<input[^>]*checked/);
    expect(attr(out, 'input', 'aria-invalid')).toBe('true');
  });

  it('RadioGroup uses fieldset/legend, first radio id = name, keeps the choice', () => {
    const out = html(render(RadioGroup, {
      props: { name: 'urgency', legend: 'Hur brådskande?', hint: 'H', error: 'Välj', value: 'high', options: [{ value: 'normal', label: 'Normal' }, { value: 'high', label: 'Hög', hint: 'Inom ett dygn' }] },
    }));
    expect(out).toMatch(/<fieldset[^>]*aria-describedby="urgency-hint urgency-error"/);
    expect(out).toContain('<legend>Hur brådskande?');
    expect(out).toMatch(/<input type="radio" id="urgency" name="urgency" value="normal"(?![^>]*checked)/);
    expect(out).toMatch(/<input type="radio" id="urgency-1"[^>]*value="high"[^>]*checked[^>]*aria-describedby="urgency-1-hint"/);
    expect(out).toContain('<label for="urgency-1">Hög</label>');
  });

  it('SelectField labels the select and marks the chosen option', () => {
    const out = html(render(SelectField, {
      props: { name: 'org', label: 'Organisation', emptyLabel: 'Välj', value: 'b', error: 'E', options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }] },
    }));
    expect(attr(out, 'label', 'for')).toBe('org');
    expect(attr(out, 'select', 'aria-describedby')).toBe('org-error');
    expect(out).toMatch(/<option value="b" selected/);
    expect(out).toMatch(/<option value=""(?![^>]*selected)/);
  });
});

describe('ErrorSummary', () => {
  it('links each error to its field and is an alert', () => {
    const out = html(render(ErrorSummary, { props: { title: 'Formuläret innehåller fel', errors: [{ fieldId: 'email', message: 'Skriv e-post' }] } }));
    expect(out).toContain('role="alert"');
    expect(out).toContain('<h2 id="error-summary-title">Formuläret innehåller fel</h2>');
    expect(out).toContain('<a href="#email">Skriv e-post</a>');
  });
  it('names the field before its message, so the link makes sense out of context', () => {
    const errors = [{ fieldId: 'contact-phone', label: 'Telefon', message: 'Fyll i det här fältet.' }];
    expect(html(render(ErrorSummary, { props: { title: 'T', errors } }))).toContain('<a href="#contact-phone">Telefon: Fyll i det här fältet.</a>');
  });
  it('renders nothing without errors', () => {
    expect(html(render(ErrorSummary, { props: { title: 'T', errors: [] } })).trim()).toBe('');
  });
});

const shellProps = {
  portal: 'partner' as const, portalName: 'Utväg – samverkanspartner', skipLinkLabel: 'Hoppa till huvudinnehållet',
  demo: true, demoLabel: 'Demoläge: all data är påhittad', user: { name: 'Per Polis', roleLabel: 'Polis' },
  loggedInAsLabel: 'Inloggad som Per Polis', navLabel: 'Huvudmeny', locale: 'sv' as const, languageLabel: 'Byt språk',
  nav: [{ href: '/', label: 'Start', current: false }, { href: '/referrals', label: 'Hänvisningar', current: true }],
  languages: [{ code: 'sv' as const, label: 'Svenska' }, { code: 'en' as const, label: 'English' }],
  currentPath: '/referrals?page=2', logoutLabel: 'Logga ut', footerLinks: [{ href: '/tillganglighet', label: 'Tillgänglighet' }],
  children: text('<p>Innehåll</p>'),
};

describe('AppShell', () => {
  it('puts the skip link first and the content in main#main', () => {
    const out = html(render(AppShell, { props: shellProps }));
    expect(out.indexOf('<a')).toBe(out.indexOf('<a class="skip-link" href="#main">'));
    expect(out).toMatch(/<main[^>]*id="main"[^>]*tabindex="-1"[^>]*>\s*<div class="visually-hidden" role="status"[^>]*><\/div>\s*<p>Innehåll<\/p>/);
    expect(out).toContain('data-portal="partner"');
  });

  it('shows the demo banner only in demo mode', () => {
    expect(html(render(AppShell, { props: shellProps }))).toContain('Demoläge: all data är påhittad');
    expect(html(render(AppShell, { props: { ...shellProps, demo: false } }))).not.toContain('demo-banner');
  });

  it('marks the current page and language; logout and language are plain forms', () => {
    const out = html(render(AppShell, { props: shellProps }));
    expect(out).toContain('<nav class="site-nav" aria-label="Huvudmeny">');
    expect(out).toContain('<a href="/referrals" aria-current="page">Hänvisningar</a>');
    expect(out).toContain('<a href="/">Start</a>');
    expect(out).toContain('<form class="logout" method="post" action="/logout">');
    expect(out).toMatch(/<form class="language-switch" method="post" action="\/language"/);
    expect(out).toContain('<input type="hidden" name="redirectTo" value="/referrals?page=2"/>');
    expect(out).toMatch(/name="locale" value="sv" lang="sv" aria-pressed="true">Svenska/);
    expect(out).toMatch(/name="locale" value="en" lang="en" aria-pressed="false">English/);
    expect(out).toContain('Inloggad som Per Polis <span>(Polis)</span>');
    expect(out).toContain('<a href="/tillganglighet">Tillgänglighet</a>');
  });

  it('hides user, nav and logout when nobody is logged in', () => {
    const out = html(render(AppShell, { props: { ...shellProps, user: null, portal: 'staff' } }));
    expect(out).not.toContain('<nav');
    expect(out).not.toContain('/logout');
    expect(out).toContain('data-portal="staff"');
    expect(out).toContain('action="/language"');
  });
});

describe('small components', () => {
  it('Button and LinkButton', () => {
    expect(html(render(Button, { props: { variant: 'danger', name: 'decision', value: 'notForUs', children: text('Avsluta') } })))
      .toMatch(/<button name="decision" value="notForUs" type="submit" class="button button--danger">Avsluta<\/button>/);
    expect(html(render(LinkButton, { props: { href: '/new', children: text('Ny') } }))).toMatch(/<a href="\/new" class="button button--secondary">Ny<\/a>/);
  });

  it('StatusBadge always shows text with a hidden icon', () => {
    const out = html(render(StatusBadge, { props: { label: 'Akut', tone: 'danger' } }));
    expect(out).toContain('<span class="badge badge--danger"><span aria-hidden="true">✕</span>Akut</span>');
  });

  it('Notice is a status, or an alert for errors', () => {
    expect(html(render(Notice, { props: { tone: 'success', title: 'Klart', children: text('<p>Sparat</p>') } }))).toMatch(/role="status"[\s\S]*Klart[\s\S]*Sparat/);
    expect(html(render(Notice, { props: { tone: 'error', children: text('<p>Fel</p>') } }))).toContain('role="alert"');
  });

  it('DataTable is a focusable, named scroll region with a caption', () => {
    const out = html(render(DataTable, { props: { caption: 'Hänvisningar', captionHidden: true, children: text('<tbody><tr><td>1</td></tr></tbody>') } }));
    expect(out).toContain('<div class="table-scroll" role="region" aria-label="Hänvisningar" tabindex="0">');
    expect(out).toContain('<caption class="visually-hidden">Hänvisningar</caption>');
  });

  it('DescriptionList and PageHeader', () => {
    expect(html(render(DescriptionList, { props: { items: [{ term: 'Status', description: 'Mottagen' }] } }))).toContain('<div><dt>Status</dt><dd>Mottagen</dd></div>');
    const header = html(render(PageHeader, { props: { title: 'Hänvisningar', lead: 'Dina hänvisningar' } }));
    expect(header).toContain('<h1>Hänvisningar</h1>');
    expect(header).toContain('<p class="lead">Dina hänvisningar</p>');
  });
});
