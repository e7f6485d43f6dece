// [AXE][TEXT-SPACING] WCAG 1.4.12 Text Spacing: with line height 1.5, paragraph spacing 2em, letter spacing 0.12em
// and word spacing 0.16em forced on every element (the user style sheet the criterion describes), no content or
// function is lost: no text container clips text it did not clip before (scrollWidth/scrollHeight beyond its box
// while its overflow hides it, or text spilling sideways out of a box with visible overflow over its neighbours),
// and the page does not start scrolling sideways. Scrolling regions (overflow auto/scroll, e.g. a wide table) and
// visually hidden text (clipped to 1 px on purpose) are not clipping.
import type { Page } from 'playwright-core';

export const textSpacingCss = `
  *, *::before, *::after {
    line-height: 1.5 !important;
    letter-spacing: 0.12em !important;
    word-spacing: 0.16em !important;
  }
  p { margin-bottom: 2em !important; }
`;

/** What overflows now: one line per element, `tag#id.class "text…" overflows by Npx`. With `mark`, marks those
 * elements instead (the state before the style); without, skips the marked ones and removes the marks. */
function overflowing(mark: boolean): string[] {
  const out: string[] = [];
  const hasOwnText = (el: Element) =>
    Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim().length > 0);
  for (const el of Array.from(document.body.querySelectorAll<HTMLElement>('*'))) {
    // SVG text (charts) is drawn, not laid out in a box: its scroll sizes say nothing about clipping.
    if (!hasOwnText(el) || el instanceof SVGElement) continue;
    const style = getComputedStyle(el);
    if (style.display === 'inline' || style.display === 'contents' || style.display === 'none' || style.visibility === 'hidden') continue;
    if (el.clientWidth <= 1 || el.clientHeight <= 1) continue; // visually hidden on purpose
    if (el.closest('.visually-hidden, [hidden], dialog:not([open])')) continue;
    if (!mark && el.hasAttribute('data-overflowed-before')) {
      el.removeAttribute('data-overflowed-before');
      continue;
    }
    const scrolls = (v: string) => v === 'auto' || v === 'scroll';
    const clips = (v: string) => v === 'hidden' || v === 'clip';
    const wide = el.scrollWidth - el.clientWidth;
    const tall = el.scrollHeight - el.clientHeight;
    const sideways = wide > 1 && !scrolls(style.overflowX);
    const cut = tall > 1 && clips(style.overflowY);
    if ((sideways || cut) && mark) el.setAttribute('data-overflowed-before', '');
    else if (sideways || cut) {
      const id = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${Array.from(el.classList).join('.')}` : ''}`;
      out.push(`${id} "${(el.textContent ?? '').trim().slice(0, 40)}" overflows by ${sideways ? `${wide}px sideways` : `${tall}px (clipped)`}`);
    }
  }
  return out;
}

/** Problems under the text-spacing style; the style is removed again afterwards. */
export async function textSpacingProblems(page: Page): Promise<string[]> {
  await page.evaluate(overflowing, true);
  const pageBefore = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  await page.evaluate((css) => {
    const style = document.createElement('style');
    style.id = 'wcag-text-spacing';
    style.textContent = css;
    document.head.append(style);
  }, textSpacingCss);
  try {
    const problems = (await page.evaluate(overflowing, false)).map((line) => `text spacing: ${line}`);
    const pageAfter = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (pageAfter > Math.max(1, pageBefore)) problems.push(`text spacing: the page scrolls sideways by ${pageAfter}px`);
    return problems;
  } finally {
    await page.evaluate(() => {
      document.getElementById('wcag-text-spacing')?.remove();
      for (const el of Array.from(document.querySelectorAll('[data-overflowed-before]'))) el.removeAttribute('data-overflowed-before');
    });
  }
}
