import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Reads the real tokens out of global.css, so lowering a colour's contrast fails here.
const css = readFileSync(new URL('./styles/global.css', import.meta.url), 'utf8');
const root = css.match(/:root\s*\{([\s\S]*?)\}/)?.[1] ?? '';
const tokens = new Map([...root.matchAll(/--([\w-]+):\s*(#[0-9a-fA-F]{3,6})\s*;/g)].map((m) => [m[1]!, m[2]!]));

function luminance(hex: string): number {
  const h = hex.slice(1);
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h;
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(full.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}
const color = (name: string) => {
  const v = tokens.get(name);
  if (!v) throw new Error(`No colour token --${name} in global.css`);
  return v;
};

// Every --X-fg is text on --X-bg, or on --page-bg when there is no --X-bg.
const conventionPairs = [...tokens.keys()]
  .filter((n) => n.endsWith('-fg'))
  .map((fg) => [fg, tokens.has(fg.replace(/-fg$/, '-bg')) ? fg.replace(/-fg$/, '-bg') : 'page-bg'] as const);
// Text colours used on other backgrounds too.
const crossPairs = [
  ['muted-fg', 'surface-bg'], ['page-fg', 'surface-bg'], ['link-fg', 'footer-bg'], ['link-visited-fg', 'footer-bg'],
  ['error-fg', 'page-bg'], ['link-fg', 'notice-info-bg'], ['link-fg', 'notice-error-bg'], ['error-fg', 'notice-error-bg'],
  // Pressed language button: header colours swapped.
  ['header-staff-bg', 'header-staff-fg'], ['header-partner-bg', 'header-partner-fg'],
] as const;
// Borders, focus indicators and notice accents (WCAG 1.4.11): ≥ 3:1.
const nonTextPairs = [
  ['border-strong', 'page-bg'], ['error-fg', 'page-bg'], ['focus-ring', 'page-bg'], ['focus-halo', 'header-staff-bg'],
  ['focus-halo', 'header-partner-bg'], ['focus-ring', 'demo-bg'], ['notice-info-accent', 'notice-info-bg'],
  ['notice-success-accent', 'notice-success-bg'], ['notice-warning-accent', 'notice-warning-bg'],
  ['notice-error-accent', 'notice-error-bg'], ['button-secondary-fg', 'button-secondary-bg'],
] as const;

describe('colour contrast of global.css tokens', () => {
  it('parses the tokens and the math is right', () => {
    expect(tokens.size).toBeGreaterThan(30);
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  it('writes every colour token as hex, so none escapes these checks', () => {
    const declared = [...root.matchAll(/--([\w-]+):/g)].map((m) => m[1]!).filter((n) => /-(fg|bg|accent|ring|halo)$|^border-/.test(n));
    expect(declared.filter((n) => !tokens.has(n))).toEqual([]);
  });

  it.each([...conventionPairs, ...crossPairs])('text --%s on --%s is at least 4.5:1', (fg, bg) => {
    expect(contrast(color(fg), color(bg))).toBeGreaterThanOrEqual(4.5);
  });

  it.each(nonTextPairs)('--%s against --%s is at least 3:1', (fg, bg) => {
    expect(contrast(color(fg), color(bg))).toBeGreaterThanOrEqual(3);
  });

  it('defines a header colour pair per portal that differ from each other', () => {
    expect(color('header-staff-bg')).not.toBe(color('header-partner-bg'));
  });
});
